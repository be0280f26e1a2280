using GovEval.Checks.Meta;

namespace GovEval.Checks.Tests.Meta;

public sealed class ItemPagesTests
{
    [Theory]
    [InlineData("http://www.gd.gov.cn/xwdt/202011/t20201130_3124567.html", true)]      // TRS WCM
    [InlineData("http://www.gd.gov.cn/zwgk/t20201130_3124567_1.shtml", true)]         // TRS, second page
    [InlineData("http://www.zj.gov.cn/art/2020/11/30/art_1229_59051234.html", true)]  // 大汉
    [InlineData("http://www.sz.gov.cn/cn/xxgk/content/post_8312345.html", true)]      // 政务云 / 开普
    [InlineData("http://www.xx.gov.cn/info/1021/34567.htm", true)]                    // 博达
    [InlineData("http://www.gov.cn/zhengce/content/2020-11/30/content_5565123.htm", true)]
    [InlineData("http://www.gd.gov.cn/", false)]
    [InlineData("http://www.gd.gov.cn/xwdt/index.html", false)]
    [InlineData("http://www.gd.gov.cn/xwdt/index_3.html", false)]
    [InlineData("http://www.zj.gov.cn/col/col1229/index.html", false)]                 // 大汉 list
    [InlineData("http://www.gd.gov.cn/bsfw/index.html", false)]
    public void Item_addresses_of_common_cms(string url, bool item) => Assert.Equal(item, ItemPages.HasItemAddress(url));

    [Fact]
    public void Templates_meet_across_dates_and_ids() =>
        Assert.Equal(ItemPages.Template("http://a.gov.cn/xw/202011/t20201130_1.html"), ItemPages.Template("http://a.gov.cn/xw/201912/t20191208_77.html"));
}
