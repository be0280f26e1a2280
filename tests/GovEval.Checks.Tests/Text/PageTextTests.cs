using AngleSharp.Html.Parser;
using GovEval.Checks.Text;

namespace GovEval.Checks.Tests.Text;

public sealed class PageTextTests
{
    private static string Text(string html) => PageText.Extract(new HtmlParser().ParseDocument(html));

    [Fact]
    public void Separates_table_cells_list_items_and_blocks()
    {
        var text = Text("<table><tr><td>440301</td><td>19800101123X</td></tr></table><ul><li>13812345678</li><li>1</li></ul><div>a</div><div>b</div>");
        Assert.Equal("440301\t19800101123X\n13812345678\n1\na\nb", text);
    }

    [Fact]
    public void Keeps_inline_elements_together_and_collapses_spaces()
    {
        Assert.Equal("放管服改革 取得 成效", Text("<p>放管<b>服</b><span>改革</span>   取得\t成效</p>"));
    }

    [Fact]
    public void Drops_scripts_styles_and_hidden_elements()
    {
        var text = Text("<p>正文</p><script>var listData=[{\"title\":\"网上赌场\"}];</script><style>p{}</style><noscript>请启用脚本</noscript><div hidden>隐藏</div><div style=\"display: none\">也隐藏</div>");
        Assert.Equal("正文", text);
    }

    [Fact]
    public void Joins_chinese_wrapped_across_source_lines_but_not_latin_words()
    {
        Assert.Equal("营商环境", Text("<p>营商\n  环境</p>"));
        Assert.Equal("open data", Text("<p>open\ndata</p>"));
    }

    [Fact]
    public void Treats_br_as_a_line_break()
    {
        Assert.Equal("13812345678\n13912345678", Text("<p>13812345678<br>13912345678</p>"));
    }
}
