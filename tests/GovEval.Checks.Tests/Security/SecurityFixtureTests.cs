using GovEval.Checks.Tests.Text;

namespace GovEval.Checks.Tests.Security;

/// <summary>Every case of fixtures/security/: one per behaviour the family promises, plus hostile real-world pages.</summary>
public sealed class SecurityFixtureTests
{
    public static TheoryData<string> Cases => FixtureCase.Names("security");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name) => FixtureCase.Load("security", name).Verify(new GovEval.Checks.Security.SecurityChecks());
}
