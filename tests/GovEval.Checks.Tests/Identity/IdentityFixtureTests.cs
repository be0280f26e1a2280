using GovEval.Checks.Tests.Text;

namespace GovEval.Checks.Tests.Identity;

/// <summary>Every case of fixtures/identity/: one per behaviour the family promises, plus hostile real-world pages.</summary>
public sealed class IdentityFixtureTests
{
    public static TheoryData<string> Cases => FixtureCase.Names("identity");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name) => FixtureCase.Load("identity", name).Verify(new GovEval.Checks.Identity.IdentityChecks());
}
