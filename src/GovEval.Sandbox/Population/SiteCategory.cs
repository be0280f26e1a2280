namespace GovEval.Sandbox.Population;

/// <summary>What kind of government website a site is; the population is drawn as a mix of these.</summary>
public enum SiteCategory
{
    MinistryPortal,
    ProvincePortal,
    PrefecturePortal,
    CountyPortal,
    ProvinceDepartment,
    PrefectureDepartment,
    CountyDepartment,
}

public static class SiteCategories
{
    public static bool IsPortal(this SiteCategory category) => category <= SiteCategory.CountyPortal;

    /// <summary>
    /// Share of each category in a drawn population, close to the national mix of 2020 (14,475 sites: about a
    /// fifth portals, the rest departments of provinces, cities and counties).
    /// </summary>
    public static int Weight(this SiteCategory category) => category switch
    {
        SiteCategory.MinistryPortal => 3,
        SiteCategory.ProvincePortal => 3,
        SiteCategory.PrefecturePortal => 10,
        SiteCategory.CountyPortal => 30,
        SiteCategory.ProvinceDepartment => 12,
        SiteCategory.PrefectureDepartment => 32,
        SiteCategory.CountyDepartment => 10,
        _ => 0,
    };

    public static string Id(this SiteCategory category) => category switch
    {
        SiteCategory.MinistryPortal => "ministry",
        SiteCategory.ProvincePortal => "province",
        SiteCategory.PrefecturePortal => "prefecture",
        SiteCategory.CountyPortal => "county",
        SiteCategory.ProvinceDepartment => "province-department",
        SiteCategory.PrefectureDepartment => "prefecture-department",
        SiteCategory.CountyDepartment => "county-department",
        _ => "other",
    };
}
