using GovEval.Sandbox.Determinism;
using GovEval.Sandbox.Quality;
using GovEval.Sandbox.Sites;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Rendering;

/// <summary>
/// An item page: article (with ArticleTitle/PubDate/ContentSource meta tags), message with its reply, or report.
/// Planted defects (typos, sensitive terms, leaked personal data, broken links, http images) appear in the body.
/// </summary>
public static class ArticlePage
{
    public static string Render(SiteModel site, Item item, bool printVersion = false)
    {
        var column = item.Column;
        var defects = site.DefectsOf(column, item.Ordinal);
        var rng = Rng.For(site.Seed, "body", site.Entry.Index, column.Index, item.Ordinal);
        var malformed = Layout.Malformed(site) && !printVersion;
        var html = new Html();
        html.Raw("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; ").Raw($"<a href=\"{column.FirstPagePath}\">").Text(column.Name).Line("</a></div>");
        html.Raw("<div class=\"article\">");
        html.Raw("<h1 class=\"title\">").Text(item.Title).Line("</h1>");
        html.Raw("<div class=\"info\">发布时间：").Raw(DateFormats.PubDate(item.Published)).Raw("　来源：").Text(site.Name).Line("</div>");
        html.Line(malformed ? "<div class=content><p>" : "<div class=\"content\">");

        if (column.Messages)
        {
            MessageBody(html, site, site.MessageAt(column, item.Ordinal), ref rng);
        }
        else
        {
            for (var i = rng.Next(3, 6); i > 0; i--)
            {
                html.Raw(malformed ? "<p>" : "<p>").Text(PhraseBank.Sentence(ref rng, site.Name, site.Region)).Line(malformed ? "" : "</p>");
            }
        }

        if (defects is not null)
        {
            Defects(html, site, item, defects, ref rng);
        }
        else if (column.Class == ColumnClass.Notice && item.Ordinal % 5 == 2)
        {
            // A 公示 done right: personal data masked. Checks must not flag it.
            PublicList(html, site, ref rng, masked: true);
        }

        Related(html, site, item);
        if (site.Faults.HasFlag(FaultKind.RobotsDisallowed) && !printVersion)
        {
            html.Line($"<p class=\"tools\"><a href=\"{FaultPaths.PrintPrefix}{item.Path}\">打印本页</a></p>");
        }

        html.Line(malformed ? "</div></span>" : "</div>");
        html.Line("</div>");

        var metas = new List<(string, string)>();
        var tags = defects?.Tags ?? TagProblem.None;
        if (tags != TagProblem.NoArticleTitle)
        {
            metas.Add(("ArticleTitle", item.Title));
        }

        if (tags == TagProblem.MalformedPubDate)
        {
            metas.Add(("PubDate", item.Published.ToString("yyyy/M/d", System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (tags != TagProblem.NoPubDate)
        {
            metas.Add(("PubDate", DateFormats.PubDate(item.Published)));
        }

        if (tags != TagProblem.NoContentSource)
        {
            metas.Add(("ContentSource", site.Name));
        }

        metas.Add(("ColumnName", column.Name));
        return Layout.Page(site, item.Title + "_" + site.Name, html.ToString(), metas);
    }

    private static void MessageBody(Html html, SiteModel site, Message message, ref Rng rng)
    {
        html.Raw("<table class=\"message\"><tr><th>留言标题</th><td>").Text(message.Item.Title).Line("</td></tr>");
        html.Raw("<tr><th>留言时间</th><td>").Raw(DateFormats.Iso(message.Submitted)).Line("</td></tr>");
        html.Raw("<tr><th>留言内容</th><td>").Text("您好，我想了解" + rng.Pick(PhraseBank.Topics) + "方面的政策规定和办理要求，请予以答复，谢谢。").Line("</td></tr>");
        if (message.Replied is { } replied)
        {
            html.Raw("<tr><th>答复单位</th><td>").Text(site.Name).Line("</td></tr>");
            html.Raw("<tr><th>答复时间</th><td>").Raw(DateFormats.Iso(replied)).Line("</td></tr>");
            html.Raw("<tr><th>答复内容</th><td>").Text("您好，您反映的问题已收悉。经了解，相关工作正按规定推进，如有疑问可拨打12345热线咨询。感谢您的关注。").Line("</td></tr>");
        }
        else
        {
            html.Line("<tr><th>办理状态</th><td>待回复</td></tr>");
        }

        html.Line("</table>");
    }

    private static void Defects(Html html, SiteModel site, Item item, ArticleDefects defects, ref Rng rng)
    {
        if (defects.Typo is { } typo)
        {
            html.Raw("<p>").Text($"会议强调，要把{typo.Wrong}作为当前一项重要工作抓紧抓好。").Line("</p>");
        }

        if (defects.Sensitive is { } term)
        {
            html.Raw("<p class=\"ad\">").Text($"{term.Word}，详情请咨询客服。").Line("</p>");
        }

        if (defects.LeakedPii)
        {
            PublicList(html, site, ref rng, masked: false);
        }

        if (defects.MixedContent)
        {
            html.Line($"<p class=\"figure\"><img src=\"http://{site.Host}/uploads/img/{item.Id}.png\" alt=\"\"></p>");
        }

        if (defects.BrokenLinks.Count > 0)
        {
            html.Raw("<p class=\"related-links\">相关链接：");
            foreach (var broken in defects.BrokenLinks)
            {
                html.Link(broken.Target, broken.Text).Raw(" ");
            }

            html.Line("</p>");
        }

        if (defects.Attachments.Count > 0)
        {
            html.Raw("<p class=\"attachments\">附件：");
            foreach (var attachment in defects.Attachments)
            {
                html.Link(attachment.Path, $"{attachment.Name}.{attachment.Extension}").Raw(" ");
            }

            html.Line("</p>");
        }
    }

    /// <summary>A 公示 list of recipients: ID numbers, mobiles and bank cards, masked or (when leaking) in full.</summary>
    private static void PublicList(Html html, SiteModel site, ref Rng rng, bool masked)
    {
        html.Line("<table class=\"public-list\"><tr><th>姓名</th><th>身份证号码</th><th>联系电话</th><th>银行卡号</th></tr>");
        for (var i = rng.Next(2, 5); i > 0; i--)
        {
            var id = Pii.CitizenId(ref rng, site.DivisionCode, site.Today);
            var mobile = Pii.Mobile(ref rng);
            var card = Pii.BankCard(ref rng);
            var name = rng.Pick(Surnames) + (masked ? "某某" : rng.Pick(GivenNames));
            html.Raw("<tr><td>").Text(name).Raw("</td><td>")
                .Text(masked ? Pii.MaskId(id) : id).Raw("</td><td>")
                .Text(masked ? Pii.MaskMobile(mobile) : mobile).Raw("</td><td>")
                .Text(masked ? Pii.MaskCard(card) : card).Line("</td></tr>");
        }

        html.Line("</table>");
    }

    private static void Related(Html html, SiteModel site, Item item)
    {
        // Policy documents and their interpretations link each other (政策文件 with linked 解读).
        var interpretation = site.Columns.FirstOrDefault(c => c.Titles == TitleSource.Interpretation && c.Count > 0);
        var policy = site.Columns.FirstOrDefault(c => c.Titles == TitleSource.Policy && c.Count > 0);
        if (interpretation is null || policy is null)
        {
            return;
        }

        if (item.Column == policy && item.Ordinal < interpretation.Count)
        {
            var other = site.Item(interpretation, item.Ordinal);
            html.Raw("<p class=\"related\">相关解读：").Link(other.Path, other.Title).Line("</p>");
        }
        else if (item.Column == interpretation && item.Ordinal < policy.Count)
        {
            var other = site.Item(policy, item.Ordinal);
            html.Raw("<p class=\"related\">相关文件：").Link(other.Path, other.Title).Line("</p>");
        }
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
    private static readonly string[] GivenNames = ["建国", "秀英", "志强", "桂兰", "海燕", "国华", "明", "丽", "伟", "芳"];
}
