using GovEval.Checks.Columns;

namespace GovEval.Checks.Tests.Columns;

public sealed class ListDatesTests
{
    private static readonly DateOnly Today = new(2020, 11, 30);

    [Theory]
    [InlineData("2020-11-29", "2020-11-29")]
    [InlineData("2020年11月2日", "2020-11-02")]
    [InlineData("2020/11/29", "2020-11-29")]
    [InlineData("2020.01.09", "2020-01-09")]
    [InlineData("[11-29]", "2020-11-29")]
    [InlineData("11-29", "2020-11-29")]
    [InlineData("发布时间：2020-06-30", "2020-06-30")]
    [InlineData("11月28日", "2020-11-28")]
    [InlineData("[12-25]", "2019-12-25")] // a year-less date after today is last year's
    [InlineData("2020 - 3 - 5", "2020-03-05")]
    public void Reads_every_list_format(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ListDates.First(text, Today));

    [Theory]
    [InlineData("0755-12345678")]   // a telephone number
    [InlineData("版权所有 © 2020")]
    [InlineData("2020-13-01")]       // no such month
    [InlineData("2020-02-30")]       // no such day
    [InlineData("09:30")]
    [InlineData("第2020-11期")]
    public void Ignores_what_is_not_a_date(string text) => Assert.Null(ListDates.First(text, Today));

    [Fact]
    public void Full_dates_win_over_year_less_ones() =>
        Assert.Equal(new DateOnly(2019, 5, 1), ListDates.First("11-29 2019-05-01", Today));

    [Fact]
    public void Reads_pubdate_meta() =>
        Assert.Equal(new DateOnly(2020, 3, 2), ListDates.PubDate("2020-03-02 09:30"));
}
