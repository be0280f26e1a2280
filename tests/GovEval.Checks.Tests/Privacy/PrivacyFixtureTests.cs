using GovEval.Checks.Tests.Text;

namespace GovEval.Checks.Tests.Privacy;

/// <summary>Every case of fixtures/privacy/: one per behaviour the family promises, plus hostile real-world pages.</summary>
public sealed class PrivacyFixtureTests
{
    public static TheoryData<string> Cases => FixtureCase.Names("privacy");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name) => FixtureCase.Load("privacy", name).Verify(new GovEval.Checks.Privacy.PrivacyChecks());
}
