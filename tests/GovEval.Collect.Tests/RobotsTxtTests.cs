using GovEval.Collect.Fetching;

namespace GovEval.Collect.Tests;

public sealed class RobotsTxtTests
{
    [Fact]
    public void Our_group_wins_over_the_star_group()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /\n\nUser-agent: goveval\nDisallow: /private/\n", "GovEval");
        Assert.True(robots.IsAllowed("/news/1.html"));
        Assert.False(robots.IsAllowed("/private/a.html"));
    }

    [Fact]
    public void The_longest_match_wins_and_allow_wins_a_tie()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a/\nAllow: /a/b/\nDisallow: /c\nAllow: /c\n", "GovEval");
        Assert.False(robots.IsAllowed("/a/x.html"));
        Assert.True(robots.IsAllowed("/a/b/x.html"));
        Assert.True(robots.IsAllowed("/c/d"));
    }

    [Fact]
    public void Wildcards_and_end_anchors_match()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /print/\nDisallow: /*?sort=\n", "GovEval");
        Assert.False(robots.IsAllowed("/files/a.pdf"));
        Assert.True(robots.IsAllowed("/files/a.pdf?x=1"));
        Assert.False(robots.IsAllowed("/print/t1.html"));
        Assert.False(robots.IsAllowed("/news/index.html?sort=date"));
        Assert.True(robots.IsAllowed("/news/index.html"));
        Assert.True(robots.IsAllowed("/robots.txt"));
    }

    [Fact]
    public void Unreachable_disallows_all_and_missing_allows_all()
    {
        Assert.False(RobotsTxt.Unreachable.IsAllowed("/"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/anything"));
    }
}
