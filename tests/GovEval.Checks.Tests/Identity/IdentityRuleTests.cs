using GovEval.Checks.Identity;

namespace GovEval.Checks.Tests.Identity;

public sealed class IdentityRuleTests
{
    [Theory]
    [InlineData("4403000001", true)]
    [InlineData("bm09000001", true)]
    [InlineData("BM09000001", true)]
    [InlineData("440300000", false)]    // one digit short
    [InlineData("440300-0001", false)]  // separator
    [InlineData("44O3000001", false)]   // letter O for zero
    [InlineData("0000000000", false)]   // no province 00
    [InlineData("bm0900001", false)]    // bm + 7 digits
    [InlineData("", false)]
    public void Site_id_code_forms(string value, bool wellFormed) => Assert.Equal(wellFormed, SiteIdCode.IsWellFormed(value));

    [Theory]
    [InlineData("http://www.gd.gov.cn/", null)]
    [InlineData("https://jyt.gd.gov.cn/index.html", null)]
    [InlineData("http://WWW.GD.GOV.CN/", null)]
    [InlineData("http://gd.gov.cn/", "www.gd.gov.cn")]
    [InlineData("http://jyt-gd.org.cn/", ".gov.cn")]
    [InlineData("http://www.gd.gov.cn.example.com/", ".gov.cn")]
    [InlineData("http://202.96.128.86/", ".gov.cn")]
    [InlineData("http://www.fgw.sz.gov.cn/", "层级过多")]
    public void Domain_forms(string homepage, string? problemMentions)
    {
        var problem = IdentityChecks.DomainProblem(homepage);
        if (problemMentions is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
            Assert.Contains(problemMentions, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("主办单位：某市人民政府 网站标识码：4403000001 粤ICP备12345678号 粤公网安备 44030402000001号", "")]
    [InlineData("主办：某市人民政府 标识码4403000001 京ICP备05070218号-1 京公网安备11010202000001号", "")]
    [InlineData("主办单位：某市人民政府 网站标识码：4403000001 ICP备案号：粤ICP备12345678号 公安机关备案号：44030402000001", "")]
    [InlineData("网站标识码：4403000001 粤ICP备12345678号 粤公网安备 44030402000001号", "主办单位")]
    [InlineData("主办单位：某市人民政府 粤ICP备案号 粤公网安备 44030402000001号", "网站标识码、ICP备案号")]
    [InlineData("主办单位：某市人民政府 网站标识码：4403000001 粤ICP备12345678号 公网安备", "公安机关备案号")]
    public void Footer_gaps(string footer, string missing) => Assert.Equal(missing, string.Join("、", IdentityChecks.FooterGaps(footer)));
}
