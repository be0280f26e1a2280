using GovEval.Core.Errors;
using GovEval.Core.Registry;
using GovEval.Core.Tables;
using GovEval.Store.Imports;

namespace GovEval.Tests.Store;

public sealed class RegistryImportReaderTests
{
    private static readonly UnitRegistry Registry = UnitRegistry.ForYear(2020);

    private static readonly string[] Provinces = ["110000", "320000", "440000", "510000", "650000"];

    /// <summary>A table as a reader hands it over: the header is row 1, the first data row row 2.</summary>
    private static Table Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        new("units.csv", columns, rows.Select((cells, i) => new TableRow(
            "units.csv",
            i + 2,
            columns.Select((c, j) => (c, j < cells.Count ? cells[j] : "")).ToDictionary(p => p.c, p => p.Item2))).ToList());

    /// <summary>
    /// A national round's import: departments under provinces (parent by code, or by the name of a department of
    /// the same file), each with a website, and name-only rows adding a WeChat account to a department.
    /// </summary>
    private static Table Departments(int count, int badEvery = 0) =>
        Table(
            ["code", "name", "level", "kind", "parent", "channel", "url", "account"],
            Enumerable.Range(0, count).Select(i =>
                badEvery > 0 && i % badEvery == badEvery - 1 ? ["D" + i, "部门" + i, "province", "department", Provinces[i % 5], "website", "ftp://d" + i + ".gov.cn/", ""]
                : i % 3 == 2 ? (IReadOnlyList<string>)["", "部门" + (i - 2), "", "", "", "wechat", "", "部门公众号" + i]
                : ["D" + i, "部门" + i, "province", "department", i % 3 == 1 ? "部门" + (i - 1) : Provinces[i % 5], "website", $"https://d{i}.gov.cn/", ""]));

    private static long AllocatedBytes(Action read)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        read();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Reading_a_file_four_times_as_long_takes_about_four_times_the_memory()
    {
        // Walking a parent's whole subtree for every new unit under it made a 100,000-row import quadratic
        // (0.9 GB, minutes); what a reader allocates is a deterministic witness of that, where a clock is not.
        RegistryImportReader.Read(Departments(300), Registry); // JIT and caches out of the measurement
        var small = Departments(2_500);
        var large = Departments(10_000);

        var smallBytes = AllocatedBytes(() => RegistryImportReader.Read(small, Registry));
        var largeBytes = AllocatedBytes(() => RegistryImportReader.Read(large, Registry));

        Assert.True(largeBytes < 5 * smallBytes, $"2,500 rows allocate {smallBytes / 1e6:0.0} MB, 10,000 rows {largeBytes / 1e6:0.0} MB");
    }

    [Fact]
    public void Reporting_many_bad_rows_takes_memory_in_proportion_to_the_file()
    {
        RegistryImportReader.Read(Departments(300), Registry);
        var small = Departments(2_500, badEvery: 5);
        var large = Departments(10_000, badEvery: 5);
        InputException? error = null;

        var smallBytes = AllocatedBytes(() => Assert.Throws<InputException>(() => RegistryImportReader.Read(small, Registry)));
        var largeBytes = AllocatedBytes(() => error = Assert.Throws<InputException>(() => RegistryImportReader.Read(large, Registry)));

        Assert.True(largeBytes < 5 * smallBytes, $"2,500 rows allocate {smallBytes / 1e6:0.0} MB, 10,000 rows {largeBytes / 1e6:0.0} MB");
        var rows = error!.Problems.Select(p => int.Parse(p.Location.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 10_000).Where(i => i % 5 == 4).Select(i => i + 2), rows.Distinct());
        Assert.Equal(rows.Order(), rows);
    }

    [Fact]
    public void A_large_import_resolves_parents_and_channel_rows_by_name_and_lists_new_units_after_their_parent()
    {
        var import = RegistryImportReader.Read(Departments(3_000), Registry);

        Assert.Equal(2_000, import.Units.Count);
        Assert.Equal(3_000, import.Channels.Count);
        var units = import.Units.ToDictionary(u => u.Unit.Code, u => u.Unit);
        Assert.Equal("D0", units["D1"].Parent);
        Assert.Equal("440000", units["D2997"].Parent);
        Assert.Equal("D2997", units["D2998"].Parent);
        Assert.Contains(import.Channels, c => c.Channel.UnitCode == "D2997" && c.Channel.Account == "部门公众号2999" && c.Source == "units.csv:3001");

        // Guangdong's departments follow its last county, in file order, each department's own one right after it.
        var guangdong = Registry.Units.Where(u => u.Code.StartsWith("44", StringComparison.Ordinal)).Max(u => u.Order);
        var under = import.Units.Select(u => u.Unit).Where(u => u.Parent == "440000").ToList();
        Assert.Equal(200, under.Count);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => guangdong + 1 + (2 * i)), under.Select(u => u.Order));
        Assert.All(under, u => Assert.Equal(u.Order + 1, import.Units.Single(d => d.Unit.Parent == u.Code).Unit.Order));
    }

    [Fact]
    public void A_parent_chain_that_leads_back_to_the_unit_is_refused_also_through_a_shipped_unit()
    {
        // Guangdong under Shenzhen, which the shipped registry puts under Guangdong.
        var throughShipped = Table(["code", "parent"], [["440000", "440300"]]);
        var amongNew = Table(["code", "name", "level", "kind", "parent"], [["A1", "甲", "province", "department", "B1"], ["B1", "乙", "province", "department", "A1"]]);

        var shipped = Assert.Throws<InputException>(() => RegistryImportReader.Read(throughShipped, Registry));
        var fresh = Assert.Throws<InputException>(() => RegistryImportReader.Read(amongNew, Registry));

        Assert.Equal("units.csv:2:parent", shipped.Location);
        Assert.Contains("440000 → 440300 → 440000", shipped.Message);
        Assert.Equal("units.csv:2:parent", fresh.Location);
        Assert.Contains("A1 → B1 → A1", fresh.Message);
    }
}
