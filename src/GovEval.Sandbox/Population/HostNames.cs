using GovEval.Core.Registry;

namespace GovEval.Sandbox.Population;

/// <summary>
/// Domain labels of the national pattern: a province by its usual abbreviation (www.gd.gov.cn), a city or county
/// by province abbreviation + division code (www.gd440300.gov.cn), a State Council body by its common English
/// abbreviation where it has one, else bm + its sequence (www.bm37.gov.cn); departments prefix their label.
/// </summary>
public static class HostNames
{
    private static readonly Dictionary<string, string> Provinces = new(StringComparer.Ordinal)
    {
        ["11"] = "bj", ["12"] = "tj", ["13"] = "hebei", ["14"] = "shanxi", ["15"] = "nmg", ["21"] = "ln",
        ["22"] = "jl", ["23"] = "hlj", ["31"] = "sh", ["32"] = "js", ["33"] = "zj", ["34"] = "ah", ["35"] = "fj",
        ["36"] = "jiangxi", ["37"] = "sd", ["41"] = "henan", ["42"] = "hubei", ["43"] = "hunan", ["44"] = "gd",
        ["45"] = "gxzf", ["46"] = "hainan", ["50"] = "cq", ["51"] = "sc", ["52"] = "guizhou", ["53"] = "yn",
        ["54"] = "xizang", ["61"] = "shaanxi", ["62"] = "gansu", ["63"] = "qinghai", ["64"] = "nx", ["65"] = "xinjiang",
        ["66"] = "bingtuan",
    };

    private static readonly Dictionary<string, string> Ministries = new(StringComparer.Ordinal)
    {
        ["外交部"] = "mfa", ["国防部"] = "mod", ["国家发展和改革委员会"] = "ndrc", ["教育部"] = "moe",
        ["科学技术部"] = "most", ["工业和信息化部"] = "miit", ["国家民族事务委员会"] = "neac", ["公安部"] = "mps",
        ["民政部"] = "mca", ["司法部"] = "moj", ["财政部"] = "mof", ["人力资源和社会保障部"] = "mohrss",
        ["自然资源部"] = "mnr", ["生态环境部"] = "mee", ["住房和城乡建设部"] = "mohurd", ["交通运输部"] = "mot",
        ["水利部"] = "mwr", ["农业农村部"] = "moa", ["商务部"] = "mofcom", ["文化和旅游部"] = "mct",
        ["国家卫生健康委员会"] = "nhc", ["退役军人事务部"] = "mva", ["应急管理部"] = "mem", ["中国人民银行"] = "pbc",
        ["审计署"] = "audit", ["国家统计局"] = "stats", ["海关总署"] = "customs", ["国家税务总局"] = "chinatax",
    };

    /// <summary>Provinces GovEval simulates; Taiwan, Hong Kong and Macao do not run .gov.cn sites.</summary>
    public static bool Simulated(Unit unit) =>
        unit.Level == UnitLevel.Central || Provinces.ContainsKey(unit.Code[..2]);

    /// <summary>The &lt;x&gt; of www.&lt;x&gt;.gov.cn for a unit.</summary>
    public static string UnitLabel(Unit unit)
    {
        if (unit.Level == UnitLevel.Central)
        {
            return Ministries.TryGetValue(unit.Name, out var abbreviation)
                ? abbreviation
                : "bm" + new string(unit.Code.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        }

        var province = Provinces[unit.Code[..2]];
        return unit.Level == UnitLevel.Province ? province : province + unit.Code;
    }

    /// <summary>Province abbreviation in ICP and public-security filing numbers (粤ICP备…, 粤公网安备…).</summary>
    public static string FilingPrefix(Unit unit) => unit.Level == UnitLevel.Central
        ? "京"
        : FilingPrefixes.GetValueOrDefault(unit.Code[..2], "京");

    private static readonly Dictionary<string, string> FilingPrefixes = new(StringComparer.Ordinal)
    {
        ["11"] = "京", ["12"] = "津", ["13"] = "冀", ["14"] = "晋", ["15"] = "蒙", ["21"] = "辽", ["22"] = "吉",
        ["23"] = "黑", ["31"] = "沪", ["32"] = "苏", ["33"] = "浙", ["34"] = "皖", ["35"] = "闽", ["36"] = "赣",
        ["37"] = "鲁", ["41"] = "豫", ["42"] = "鄂", ["43"] = "湘", ["44"] = "粤", ["45"] = "桂", ["46"] = "琼",
        ["50"] = "渝", ["51"] = "蜀", ["52"] = "黔", ["53"] = "滇", ["54"] = "藏", ["61"] = "陕", ["62"] = "陇",
        ["63"] = "青", ["64"] = "宁", ["65"] = "新", ["66"] = "新",
    };
}
