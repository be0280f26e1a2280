using GovEval.Core.Results;

namespace GovEval.Tests.Results;

public sealed class TransitionTests
{
    private static readonly GradeScale Capability = GradeScale.Of(TestFrameworks.Capability2020());

    [Theory]
    [InlineData(15, 18, "3良好级", "", "优秀级：由15个上升至18个，其中3个良好级升至优秀级")]
    [InlineData(19, 18, "2发展级", "", "良好级：18个，其中2个发展级升至良好级")]
    [InlineData(18, 18, "2起步级", "", "发展级：18个，其中2个起步级升至发展级")]
    [InlineData(12, 10, "", "", "起步级：减少至10个")]
    [InlineData(2, 3, "", "", "良好级：由2个上升至3个")]
    [InlineData(7, 7, "", "", "良好级：7个")]
    [InlineData(5, 4, "", "1优秀级", "良好级：4个，其中1个优秀级降至良好级")]
    [InlineData(5, 8, "2发展级,1起步级", "1优秀级", "良好级：由5个上升至8个，其中2个发展级、1个起步级升至良好级，1个优秀级降至良好级")]
    [InlineData(3, 0, "", "", "良好级：减少至0个")]
    public void Sentences_follow_the_release(int before, int after, string risers, string fallers, string expected)
    {
        var label = expected[..expected.IndexOf('：')];

        var sentence = TransitionSentences.For(label, before, after, Parse(risers), Parse(fallers));

        Assert.Equal(expected, sentence);
    }

    [Fact]
    public void Summary_counts_grades_and_lists_who_moved()
    {
        var units = TestUnits.Make(5);
        var pairs = new[]
        {
            new GradePair(units[0], "c", "良好", "优秀"),
            new GradePair(units[1], "c", "优秀", "良好"),
            new GradePair(units[2], "c", "良好", "良好"),
            new GradePair(units[3], "c", null, "发展"),
            new GradePair(units[4], "c", "起步", null),
        };

        var summary = GradeTransitions.Summarise("c", "测试", Capability, pairs);

        Assert.Equal([("优秀", 1, 1), ("良好", 2, 2), ("发展", 0, 1), ("起步", 1, 0)], summary.Counts.Select(c => (c.Grade, c.Before, c.After)));
        Assert.Equal(["U1:良好>优秀", "U2:优秀>良好"], summary.Movements.Select(m => $"{m.Unit.Code}:{m.From}>{m.To}"));
        Assert.Equal(
            ["优秀级：1个，其中1个良好级升至优秀级", "良好级：2个，其中1个优秀级降至良好级", "发展级：由0个上升至1个", "起步级：减少至0个"],
            summary.Sentences);
    }

    [Fact]
    public void Grades_nobody_held_in_either_year_are_left_out()
    {
        var units = TestUnits.Make(2);
        var summary = GradeTransitions.Summarise("c", "测试", Capability, [new GradePair(units[0], "c", "优秀", "优秀"), new GradePair(units[1], "c", "优秀", "优秀")]);

        Assert.Equal(["优秀级：2个"], summary.Sentences);
        Assert.Empty(summary.Movements);
    }

    private static List<(string, int)> Parse(string text) =>
        text.Length == 0
            ? []
            : text.Split(',').Select(part => (part[1..], int.Parse(part[..1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
