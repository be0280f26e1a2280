namespace GovEval.Publish.Html;

/// <summary>
/// The pages' only stylesheet, inlined so a release opens offline from a USB stick or an e-mail attachment.
/// System CJK fonts only: a web font would be an external resource. Ranked lists use the release's two-column
/// layout (odd ranks left, even ranks right).
/// </summary>
public static class HtmlStyles
{
    public const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; color: #1f2329; background: #f5f6f8; line-height: 1.6;
               font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
        header.top { background: #a61b1b; color: #fff; padding: 24px 32px; }
        header.top h1 { margin: 0 0 4px; font-size: 26px; }
        header.top p { margin: 0; opacity: .9; }
        header.top a { color: #fff; }
        main { max-width: 1120px; margin: 0 auto; padding: 8px 24px 48px; }
        nav.toc { background: #fff; margin: 16px 0; padding: 12px 24px; border-radius: 6px; }
        nav.toc a { margin-right: 16px; color: #a61b1b; text-decoration: none; }
        section.block { background: #fff; border-radius: 6px; padding: 8px 24px 16px; margin: 16px 0; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
        h2 { color: #a61b1b; border-bottom: 2px solid #a61b1b; padding-bottom: 4px; }
        h3 { margin: 24px 0 8px; }
        ol.ranks { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 6px 48px; }
        ol.ranks li { padding: 2px 0; }
        .rank { font-weight: bold; color: #a61b1b; }
        ul.grade { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 28px; }
        ul.sentences li, ul.findings li { margin: 4px 0; }
        p.part { color: #666; margin: 8px 0 0; }
        .veto { color: #cf222e; font-size: 13px; }
        p.note { color: #666; font-size: 14px; margin: 8px 0 0; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0; }
        th, td { border: 1px solid #dde1e6; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #eef1f5; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.na td { color: #999; }
        tr.vetoed td { background: #fff1f0; }
        tr.line td { background: #fafbfc; font-size: 13px; }
        .up { color: #1a7f37; } .down { color: #cf222e; } strong.na { color: #666; }
        .unstable { color: #9a6700; font-size: 13px; }
        tr.part td { background: #f6f8fa; font-weight: bold; }
        ul.evidence { margin: 4px 0 0; padding-left: 20px; }
        code { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 12px; word-break: break-all; }
        .status-VetoHit, .status-VetoCandidate { color: #cf222e; font-weight: bold; }
        .status-NotApplicable, .status-NotMeasured, .status-GatedOff { color: #888; }
        pre.source { max-height: 480px; overflow: auto; background: #f6f8fa; border: 1px solid #dde1e6; padding: 8px; font-size: 12px; white-space: pre-wrap; word-break: break-all; }
        p.verdict { font-size: 20px; }
        footer { color: #888; font-size: 12px; text-align: center; padding: 16px; }
        @media print { body { background: #fff; } section.block, nav.toc { box-shadow: none; } nav.toc { display: none; } }
        """;
}
