using System.Text.RegularExpressions;

namespace GovEval.Core.Registry;

/// <summary>
/// Kinds and published short names of GB/T 2260 divisions, following the seed's usage
/// (reference/cohorts.md): 深圳罗湖区, 扬州仪征市, 北京西城区, 凉山州, 广西壮族自治区.
/// </summary>
public static partial class DivisionNames
{
    // The 55 minority nationalities as they appear in names of autonomous areas (with or without 族).
    private const string Nationalities =
        "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|" +
        "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|" +
        "塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺";

    [GeneratedRegex("^(?<place>.+?)(?:(?:" + Nationalities + ")族?)+自治州$")]
    private static partial Regex AutonomousPrefecture();

    [GeneratedRegex("^(?<place>.+?)(?:(?:" + Nationalities + ")族?)*(?:自治区|特别行政区)$")]
    private static partial Regex ProvinceLevelRegion();

    private static readonly HashSet<string> MunicipalityPrefixes = ["11", "12", "31", "50"];

    public static UnitLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? UnitLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? UnitLevel.Prefecture
        : UnitLevel.County;

    public static string KindOf(string code, string name) => LevelOf(code) switch
    {
        UnitLevel.Province when MunicipalityPrefixes.Contains(code[..2]) => "municipality",
        UnitLevel.Province when name.EndsWith("特别行政区", StringComparison.Ordinal) => "sar",
        UnitLevel.Province when name.EndsWith("自治区", StringComparison.Ordinal) => "autonomous-region",
        UnitLevel.Province => "province",
        UnitLevel.Prefecture when name.EndsWith("自治州", StringComparison.Ordinal) => "autonomous-prefecture",
        UnitLevel.Prefecture when name.EndsWith("地区", StringComparison.Ordinal) => "prefecture",
        UnitLevel.Prefecture when name.EndsWith('盟') => "league",
        UnitLevel.Prefecture => "city",
        _ when name.EndsWith("林区", StringComparison.Ordinal) => "forestry-district",
        _ when name.EndsWith("特区", StringComparison.Ordinal) => "special-district",
        _ when name.EndsWith('区') => "district",
        _ when name.EndsWith('市') => "county-city",
        _ when name.EndsWith('旗') => "banner",
        _ => "county",
    };

    /// <summary>北京市 → 北京, 广西壮族自治区 → 广西, 黑龙江省 → 黑龙江, 香港特别行政区 → 香港.</summary>
    public static string ProvinceStem(string name)
    {
        var region = ProvinceLevelRegion().Match(name);
        if (region.Success)
        {
            return region.Groups["place"].Value;
        }

        return name.EndsWith('省') || name.EndsWith('市') ? name[..^1] : name;
    }

    /// <summary>Published short form of a prefecture-level unit: autonomous prefectures as X州, others unchanged.</summary>
    public static string PrefectureShort(string name)
    {
        var match = AutonomousPrefecture().Match(name);
        return match.Success ? match.Groups["place"].Value + "州" : name;
    }

    /// <summary>The form a prefecture takes in front of a county name: 深圳市 → 深圳, 凉山彝族自治州 → 凉山州, 兴安盟 → 兴安.</summary>
    public static string PrefecturePrefix(string name)
    {
        var shortName = PrefectureShort(name);
        if (shortName != name)
        {
            return shortName;
        }

        foreach (var suffix in new[] { "地区", "盟", "市" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length + 1)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>
    /// Short name as published in ranked lists. Counties carry their parent's prefix (深圳罗湖区,
    /// 北京西城区); counties directly under a province (仙桃市) stand alone because their names are unique.
    /// </summary>
    public static string ShortName(string code, string name, Unit? parent)
    {
        return LevelOf(code) switch
        {
            UnitLevel.Province => name,
            UnitLevel.Prefecture => PrefectureShort(name),
            _ when parent is null => name,
            _ when parent.Kind == "municipality" => ProvinceStem(parent.Name) + name,
            _ when parent.Level == UnitLevel.Prefecture => PrefecturePrefix(parent.Name) + name,
            _ => name,
        };
    }
}
