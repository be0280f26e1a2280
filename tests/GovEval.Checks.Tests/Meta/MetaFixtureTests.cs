using GovEval.Checks.Tests.Text;

namespace GovEval.Checks.Tests.Meta;

/// <summary>Every case of fixtures/meta/: one per behaviour the family promises, plus hostile real-world pages.</summary>
public sealed class MetaFixtureTests
{
    public static TheoryData<string> Cases => FixtureCase.Names("meta");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name) => FixtureCase.Load("meta", name).Verify(new GovEval.Checks.Meta.PageTagChecks());
}
