using GovEval.Core.Results;

namespace GovEval.Tests.Results;

public sealed class StatisticTests
{
    [Theory]
    [InlineData(23, 32, "71.9")]
    [InlineData(31, 32, "96.9")]
    [InlineData(16, 32, "50.0")]
    [InlineData(10, 32, "31.3")] // 31.25: half away from zero, as the seed prints it
    [InlineData(0, 7, "0.0")]
    [InlineData(7, 7, "100.0")]
    public void Shares_have_one_decimal(int count, int total, string share)
    {
        var item = StatisticFormatter.Item("provincial", "省级", count, total);

        Assert.Equal(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture), item.Share);
        Assert.Equal($"{count}个省级（占比{share}%）", item.Text);
    }

    [Fact]
    public void Grouped_sentences_read_like_the_seed()
    {
        var subject = "明确了政务数据统筹管理机构";

        var two = StatisticFormatter.Group(subject, [StatisticFormatter.Item("provincial", "省级", 23, 32), StatisticFormatter.Item("key-city", "重点城市", 31, 32)]);
        var three = StatisticFormatter.Group(subject, [StatisticFormatter.Item("a", "省级", 1, 2), StatisticFormatter.Item("b", "地市", 1, 4), StatisticFormatter.Item("c", "区县", 1, 8)]);
        var one = StatisticFormatter.Group(subject, [StatisticFormatter.Item("provincial", "省级", 16, 32)]);

        Assert.Equal("23个省级（占比71.9%）和31个重点城市（占比96.9%）明确了政务数据统筹管理机构", two.Sentence);
        Assert.Equal("1个省级（占比50.0%）、1个地市（占比25.0%）和1个区县（占比12.5%）明确了政务数据统筹管理机构", three.Sentence);
        Assert.Equal("16个省级（占比50.0%）明确了政务数据统筹管理机构", one.Sentence);
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticFormatter.Share(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StatisticFormatter.Share(33, 32));
    }
}
