using GovEval.Checks.Tests.Text;

namespace GovEval.Checks.Tests.Content;

/// <summary>Every case of fixtures/content/: one per behaviour the family promises, plus hostile real-world pages.</summary>
public sealed class ContentFixtureTests
{
    public static TheoryData<string> Cases => FixtureCase.Names("content");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name) => FixtureCase.Load("content", name).Verify(new GovEval.Checks.Content.ContentChecks());
}
