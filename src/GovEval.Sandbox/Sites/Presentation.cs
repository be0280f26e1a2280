namespace GovEval.Sandbox.Sites;

/// <summary>The four markup families real CMS templates use for lists.</summary>
public enum ListFamily
{
    Table,
    UnorderedList,
    DivGrid,
    DefinitionList,
}

/// <summary>Date formats seen on government lists and articles.</summary>
public enum DateStyle
{
    Iso,            // 2020-11-30
    Chinese,        // 2020年11月30日
    Slash,          // 2020/11/30
    Dot,            // 2020.11.30
    BracketMonthDay, // [11-30]
    MonthDay,       // 11-30
    Labelled,       // 发布时间：2020-11-30
}

/// <summary>How a 办事指南 lays out its elements.</summary>
public enum GuideLayout
{
    Table,
    List,
    Headings,
}

/// <summary>The bytes a site's pages are in.</summary>
public enum PageEncoding
{
    Utf8,
    Gbk,
    Gb18030,
}

/// <summary>
/// How the charset is declared. The misdeclared forms are ones browsers still read right (HTML's precedence:
/// BOM, then the HTTP header, then the meta tag; gb2312 labels decode as GBK), so a scanner that gets the order
/// wrong reads garbage where a person reads Chinese.
/// </summary>
public enum CharsetDeclaration
{
    HeaderAndMeta,
    MetaOnly,
    HeaderOnly,
    MetaGb2312ForGbk,     // meta says gb2312, body has GBK-only characters
    HeaderOverridesMeta,  // header says gbk, meta says utf-8
    BomOverridesHeader,   // UTF-8 with BOM, header and meta say gbk
    Undeclared,           // GBK with no declaration at all: only sniffing finds it
}
