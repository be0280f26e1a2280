namespace GovEval.Sandbox.Population;

/// <summary>
/// A department that runs its own website under its government's domain (<c>&lt;y&gt;.&lt;x&gt;.gov.cn</c>).
/// Names differ by level: a province has 教育厅, a city or county 教育局.
/// </summary>
public sealed record Department(string ProvinceLabel, string LocalLabel, string ProvinceName, string LocalName)
{
    public string Label(bool province) => province ? ProvinceLabel : LocalLabel;

    public string Name(bool province) => province ? ProvinceName : LocalName;
}

public static class Departments
{
    /// <summary>In the usual order of a government's 部门 list; counties run sites for only the first few.</summary>
    public static IReadOnlyList<Department> All { get; } =
    [
        new("fgw", "fgj", "发展和改革委员会", "发展和改革局"),
        new("jyt", "jyj", "教育厅", "教育局"),
        new("rst", "rsj", "人力资源和社会保障厅", "人力资源和社会保障局"),
        new("wjw", "wjj", "卫生健康委员会", "卫生健康局"),
        new("gat", "gaj", "公安厅", "公安局"),
        new("czt", "czj", "财政厅", "财政局"),
        new("zrzyt", "zrzyj", "自然资源厅", "自然资源局"),
        new("sthjt", "sthjj", "生态环境厅", "生态环境局"),
        new("zjt", "zjj", "住房和城乡建设厅", "住房和城乡建设局"),
        new("jtt", "jtj", "交通运输厅", "交通运输局"),
        new("slt", "slj", "水利厅", "水利局"),
        new("nynct", "nyncj", "农业农村厅", "农业农村局"),
        new("swt", "swj", "商务厅", "商务局"),
        new("whlyt", "whlyj", "文化和旅游厅", "文化广电旅游局"),
        new("yjglt", "yjglj", "应急管理厅", "应急管理局"),
        new("mzt", "mzj", "民政厅", "民政局"),
        new("sft", "sfj", "司法厅", "司法局"),
        new("kjt", "kjj", "科学技术厅", "科学技术局"),
        new("gxt", "gxj", "工业和信息化厅", "工业和信息化局"),
        new("tyjrswt", "tyjrswj", "退役军人事务厅", "退役军人事务局"),
        new("sjt", "sjj", "审计厅", "审计局"),
        new("scjgj", "scjgj", "市场监督管理局", "市场监督管理局"),
        new("tjj", "tjj", "统计局", "统计局"),
        new("ybj", "ybj", "医疗保障局", "医疗保障局"),
        new("lyj", "lyj", "林业局", "林业局"),
        new("tyj", "tyj", "体育局", "体育局"),
        new("gzw", "gzw", "国有资产监督管理委员会", "国有资产监督管理委员会"),
        new("xfj", "xfj", "信访局", "信访局"),
        new("ggzyjyzx", "ggzyjyzx", "公共资源交易中心", "公共资源交易中心"),
        new("zwfwj", "zwfwj", "政务服务数据管理局", "政务服务数据管理局"),
    ];

    public const int PerProvince = 30;
    public const int PerPrefecture = 25;
    public const int PerCounty = 4;
}
