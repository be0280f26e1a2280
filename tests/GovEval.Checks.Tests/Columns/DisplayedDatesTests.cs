using System.Globalization;
using AngleSharp.Html.Parser;
using GovEval.Checks.Columns;
using GovEval.Collect.Probes;
using GovEval.Core.Text;
using GovEval.Sandbox.Rendering;
using GovEval.Sandbox.Sites;

namespace GovEval.Checks.Tests.Columns;

/// <summary>
/// One table of displayed dates, read by the one date reader and by both of its former readers: the freshness
/// checks' list lines (<see cref="ListItems"/>) and the search probe's choice of the newest homepage item
/// (<see cref="SearchProber.NewestItem"/>). They once had two readers with different year ranges and formats, so the
/// probe searched a title the checks did not take for the newest.
/// </summary>
public sealed class DisplayedDatesTests
{
    private static readonly DateOnly Today = new(2020, 11, 30);
    private static readonly Uri Home = new("http://www.example.gov.cn/");

    /// <summary>What a list line shows beside its link → the date it stands for (null: no date).</summary>
    public static TheoryData<string, string?> Table => new()
    {
        { "2020-11-29", "2020-11-29" },
        { "2020年11月2日", "2020-11-02" },
        { "2020/11/29", "2020-11-29" },
        { "2020.01.09", "2020-01-09" },
        { "2020 - 3 - 5", "2020-03-05" },
        { "[11-29]", "2020-11-29" },
        { "11-29", "2020-11-29" },
        { "11月28日", "2020-11-28" },
        { "[12-25]", "2019-12-25" },                      // a year-less date after today is last year's
        { "发布时间：2020-06-30", "2020-06-30" },
        { "更新于2020-11-01 发布时间：2020-06-30", "2020-06-30" }, // the labelled date wins on its line
        { "11-29 2019-05-01", "2019-05-01" },              // a full date wins over a year-less one
        { "1990-01-02", "1990-01-02" },                    // the first year a date may carry
        { "2020-11-29 09:30", "2020-11-29" },
        { "0755-12345678", null },                         // a telephone number
        { "版权所有 © 2020", null },
        { "2020-13-01", null },                            // no such month
        { "2020-02-30", null },                            // no such day
        { "09:30", null },
        { "第2020-11期", null },
        { "1989-12-31", null },                            // before the first year
        { "2150-01-01", null },                            // after the last year
        { "２０２０-１１-２９", null },                      // full-width digits are not read (and never throw)
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void The_reader_reads_the_table(string text, string? expected) =>
        Assert.Equal(Parse(expected), DisplayedDates.OfLine(text, Today));

    [Theory]
    [MemberData(nameof(Table))]
    public void List_lines_and_the_search_probe_read_the_same_date(string text, string? expected)
    {
        var html = $"<html><body><div class=\"main\"><ul><li><a href=\"/xwzx/1.html\">市政府召开常务会议</a><span>{text}</span></li></ul></div></body></html>";
        var document = new HtmlParser().ParseDocument(html);

        var line = Assert.Single(ListItems.Read(document, Home.AbsoluteUri, Today));
        Assert.Equal(Parse(expected), line.Date);

        var newest = SearchProber.NewestItem(document, Home, Today);
        Assert.Equal(Parse(expected), newest?.Date);
    }

    [Theory]
    [InlineData(DateStyle.Iso)]
    [InlineData(DateStyle.Chinese)]
    [InlineData(DateStyle.Slash)]
    [InlineData(DateStyle.Dot)]
    [InlineData(DateStyle.BracketMonthDay)]
    [InlineData(DateStyle.MonthDay)]
    [InlineData(DateStyle.Labelled)]
    public void Every_format_the_simulated_web_writes_is_read_back(DateStyle style)
    {
        Assert.Equal(7, Enum.GetValues<DateStyle>().Length); // a new style must join this table
        foreach (var age in new[] { 0, 1, 29, 200, 299, 301, 800 })
        {
            var date = Today.AddDays(-age);
            Assert.Equal(date, DisplayedDates.OfLine(DateFormats.Format(date, style, Today), Today));
        }
    }

    [Fact]
    public void Item_urls_carry_their_date()
    {
        Assert.Equal(new DateOnly(2020, 11, 30), DisplayedDates.FromUrl("/xwzx/202011/t20201130_123.html"));
        Assert.Null(DisplayedDates.FromUrl("/xwzx/202011/t20201131_123.html"));
        Assert.Null(DisplayedDates.FromUrl("/xwzx/1.html"));
    }

    [Fact]
    public void Pubdate_meta_is_read() =>
        Assert.Equal(new DateOnly(2020, 3, 2), DisplayedDates.PubDate("2020-03-02 09:30"));

    private static DateOnly? Parse(string? iso) => iso is null ? null : DateOnly.Parse(iso, CultureInfo.InvariantCulture);
}
