using System.Text.Json;

namespace GovEval.Tests.Cli;

public sealed class RegistryImportCliTests : IDisposable
{
    private readonly CliWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private async Task<List<JsonElement>> ListAsync(params string[] extra)
    {
        var result = await workspace.RunOkAsync(["registry", "list", "--format", "json", .. extra]);
        return JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
    }

    private static JsonElement Unit(List<JsonElement> units, string code) =>
        units.Single(u => u.GetProperty("code").GetString() == code);

    private static List<JsonElement> ChannelsOf(List<JsonElement> units, string code) =>
        Unit(units, code).GetProperty("channels").EnumerateArray().ToList();

    [Fact]
    public async Task Csv_adds_new_units_with_derived_short_names_and_channels_to_known_units()
    {
        var file = workspace.Write("units.csv", """
            code,name,level,kind,parent,tags,channel,url,account,portal,services
            440399,新区,,,,pilot,website,https://xq.sz.gov.cn/,,yes,否
            513499,某某彝族自治县,county,county,513400,,,,,,
            ,外交部,,,,,weibo,,外交小灵通,,
            110105,,,,,,网站,http://www.bjchy.gov.cn/,,true,
            """);

        var result = await workspace.RunOkAsync("registry", "import", file);

        Assert.Contains("2 units added", result.Out);
        Assert.Contains("3 channels added", result.Out);
        var units = await ListAsync();
        var added = Unit(units, "440399");
        Assert.Equal("深圳新区", added.GetProperty("short").GetString());
        Assert.Equal("county", added.GetProperty("level").GetString());
        Assert.Equal("district", added.GetProperty("kind").GetString());
        Assert.Equal("440300", added.GetProperty("parent").GetString());
        Assert.Equal(["pilot"], added.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var site = Assert.Single(ChannelsOf(units, "440399"));
        Assert.Equal("https://xq.sz.gov.cn/", site.GetProperty("url").GetString());
        Assert.True(site.GetProperty("portal").GetBoolean());
        Assert.False(site.GetProperty("externalServices").GetBoolean());
        Assert.Equal("凉山州某某彝族自治县", Unit(units, "513499").GetProperty("short").GetString());

        // Listed right after the last unit under its parent, before the next prefecture.
        var codes = units.Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.True(codes.IndexOf("440309") < codes.IndexOf("440399"));
        Assert.True(codes.IndexOf("440399") < codes.IndexOf("440400"));

        var weibo = Assert.Single(ChannelsOf(units, "SC001"));
        Assert.Equal("weibo", weibo.GetProperty("kind").GetString());
        Assert.Equal("外交小灵通", weibo.GetProperty("account").GetString());
        Assert.Equal("website", Assert.Single(ChannelsOf(units, "110105")).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var file = workspace.Write("units.csv", """
            code,name,level,kind,parent,channel,account
            GD-DRC,广东省发展和改革委员会,province,department,广东省,wechat,广东发改
            """);
        await workspace.RunOkAsync("registry", "import", file);

        var again = await workspace.RunOkAsync("registry", "import", file);

        Assert.Contains("0 units added, 0 updated; 0 channels added, 0 updated", again.Out);
        var units = await ListAsync();
        Assert.Single(units, u => u.GetProperty("code").GetString() == "GD-DRC");
        Assert.Single(ChannelsOf(units, "GD-DRC"));
        Assert.Equal("440000", Unit(units, "GD-DRC").GetProperty("parent").GetString());
    }

    [Fact]
    public async Task A_known_unit_given_by_code_with_new_fields_is_changed_once()
    {
        var file = workspace.Write("tags.csv", "code,name,tags\n110105,朝阳区,pilot;capital\n");

        var first = await workspace.RunOkAsync("registry", "import", file);
        var again = await workspace.RunOkAsync("registry", "import", file);

        Assert.Contains("0 units added, 1 updated", first.Out);
        Assert.Contains("0 units added, 0 updated", again.Out);
        var chaoyang = Unit(await ListAsync(), "110105");
        Assert.Equal(["pilot", "capital"], chaoyang.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("北京朝阳区", chaoyang.GetProperty("short").GetString());
        Assert.Equal(1030, chaoyang.GetProperty("order").GetInt64());
        var capitals = await ListAsync("--cohort", "provincial-capital");
        Assert.Contains(capitals, u => u.GetProperty("code").GetString() == "110105");
    }

    [Fact]
    public async Task Xlsx_with_chinese_headers_is_imported()
    {
        var path = Path.Combine(workspace.Folder, "单位.xlsx");
        Xlsx.Write(path, "渠道", [
            ["代码", "名称", "渠道", "网址", "账号", "门户"],
            ["110000", "", "数据开放平台", "https://data.beijing.gov.cn/", "", ""],
            ["", "仙桃市", "微信", "", "仙桃发布", ""],
            ["429099", "新设市", "网站", "https://xin.gov.cn/", "", "是"],
        ]);

        var result = await workspace.RunOkAsync("registry", "import", path, "--year", "2020");

        Assert.Contains("1 units added", result.Out);
        var units = await ListAsync();
        Assert.Equal("data-portal", Assert.Single(ChannelsOf(units, "110000")).GetProperty("kind").GetString());
        Assert.Equal("仙桃发布", Assert.Single(ChannelsOf(units, "429004")).GetProperty("account").GetString());
        Assert.Equal("420000", Unit(units, "429099").GetProperty("parent").GetString());
        Assert.Equal("新设市", Unit(units, "429099").GetProperty("short").GetString());
    }

    [Fact]
    public async Task Json_rows_are_imported_for_the_year_asked_only()
    {
        var file = workspace.Write("units.json", """
            [
              {"code": "SC901", "name": "国家数据局", "short": "数据局", "level": "central", "kind": "state-council-body", "tags": "bureau",
               "channel": "website", "url": "https://www.nda.gov.cn/", "portal": true},
              {"code": "SC901", "channel": "app", "account": "国家数据局APP"}
            ]
            """);

        await workspace.RunOkAsync("registry", "import", file, "--year", "2024");

        var units2024 = await ListAsync("--year", "2024");
        var body = Unit(units2024, "SC901");
        Assert.Equal("数据局", body.GetProperty("short").GetString());
        Assert.Equal(2, ChannelsOf(units2024, "SC901").Count);
        var codes = units2024.Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Equal(codes.IndexOf("SC063") + 1, codes.IndexOf("SC901"));
        var units2020 = await ListAsync("--year", "2020");
        Assert.DoesNotContain(units2020, u => u.GetProperty("code").GetString() == "SC901");

        // An imported unit joins the cohorts its kind and tags select.
        var ministries = await ListAsync("--year", "2024", "--cohort", "ministry-other");
        Assert.Contains(ministries, u => u.GetProperty("code").GetString() == "SC901");
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_file_row_and_column_and_nothing_is_stored()
    {
        var good = workspace.Write("good.csv", """
            code,name,channel,url
            110101,,website,https://www.bjdch.gov.cn/
            """);
        await workspace.RunOkAsync("registry", "import", good);
        var before = await ListAsync();
        var bad = workspace.Write("bad.csv", """
            code,name,level,kind,parent,channel,url,account
            110102,,,,,website,https://www.bjxch.gov.cn/,
            999999,某区,county,district,990000,website,https://x.gov.cn/,
            ,朝阳区,,,,website,https://c.gov.cn/,
            110105,,,,,telegram,https://a.gov.cn/,
            110106,,,,,website,ftp://a.gov.cn/,
            XX1,某部门,,department,,,,
            XX2,某机构,province,ministry,,,,
            440399,新区,,,,,,
            440399,另一个新区,,,,,,
            110108,,,,,weibo,,
            """);

        var result = await workspace.RunAsync("registry", "import", bad);

        Assert.Equal(2, result.Code);
        Assert.Equal("", result.Out);
        foreach (var location in new[]
                 {
                     "bad.csv:3:parent", "bad.csv:4:name", "bad.csv:5:channel", "bad.csv:6:url", "bad.csv:7:level",
                     "bad.csv:8:kind", "bad.csv:10:code", "bad.csv:11:account",
                 })
        {
            Assert.Contains(location, result.Error);
        }

        Assert.Contains("duplicate code '440399': row 9", result.Error);
        Assert.Contains("110105 北京朝阳区, 220104 长春朝阳区", result.Error);
        Assert.DoesNotContain("bad.csv:2:", result.Error);

        var after = await ListAsync();
        Assert.Equal(before.Count, after.Count);
        Assert.Empty(ChannelsOf(after, "110102"));
        Assert.Single(ChannelsOf(after, "110101"));
        Assert.DoesNotContain(after, u => u.GetProperty("code").GetString() == "440399");
    }

    [Fact]
    public async Task A_bad_file_does_not_create_a_store_and_list_works_without_one()
    {
        var bad = workspace.Write("bad.csv", "code,name,colour\n110101,,red\n");

        var result = await workspace.RunAsync("registry", "import", bad);

        Assert.Equal(2, result.Code);
        Assert.Contains("bad.csv:1:colour: unknown column", result.Error);
        Assert.False(File.Exists(workspace.Db));
        var units = await ListAsync("--cohort", "municipality");
        Assert.Equal(["北京市", "天津市", "上海市", "重庆市"], units.Select(u => u.GetProperty("name").GetString()));
        Assert.False(File.Exists(workspace.Db));
    }

    [Fact]
    public async Task A_website_with_credentials_a_non_web_port_or_an_internal_host_is_refused_naming_file_row_and_url()
    {
        var bad = workspace.Write("bad.csv", """
            code,channel,url
            110101,website,http://admin:s3cret@127.0.0.1:22/
            110102,website,https://www.bjxch.gov.cn:25/
            110105,website,http://192.168.1.10/
            110106,website,http://localhost:8080/
            110107,data-portal,http://169.254.169.254/latest/meta-data/
            """);

        var result = await workspace.RunAsync("registry", "import", bad);

        Assert.Equal(2, result.Code);
        Assert.Contains("bad.csv:2:url: 'http://…@127.0.0.1:22/' has a user name or password", result.Error);
        Assert.Contains("uses port 22, which browsers refuse to open", result.Error);
        Assert.Contains("names a loopback address", result.Error);
        Assert.DoesNotContain("s3cret", result.Error);
        Assert.Contains("bad.csv:3:url: 'https://www.bjxch.gov.cn:25/' uses port 25", result.Error);
        Assert.Contains("bad.csv:4:url: 'http://192.168.1.10/' names a private address", result.Error);
        Assert.Contains("bad.csv:5:url: 'http://localhost:8080/' names a host of the local network", result.Error);
        Assert.Contains("bad.csv:6:url: 'http://169.254.169.254/latest/meta-data/' names a link-local address", result.Error);
        Assert.Contains("--allow-internal-hosts", result.Error);
        Assert.False(File.Exists(workspace.Db));
    }

    [Fact]
    public async Task Web_ports_are_accepted_and_internal_hosts_only_when_allowed()
    {
        var sites = workspace.Write("sites.csv", """
            code,channel,url
            110101,website,http://www.bjdch.gov.cn:8080/
            110102,website,https://www.bjxch.gov.cn:8443/index.html
            """);
        var intranet = workspace.Write("intranet.csv", """
            code,channel,url
            110105,website,http://192.168.1.10:8080/
            110106,website,http://oa/
            """);
        var stillBad = workspace.Write("still-bad.csv", "code,channel,url\n110108,website,http://admin@10.0.0.5:22/\n");

        await workspace.RunOkAsync("registry", "import", sites);
        var refused = await workspace.RunAsync("registry", "import", intranet);
        var allowed = await workspace.RunAsync("registry", "import", intranet, "--allow-internal-hosts");
        var neverAllowed = await workspace.RunAsync("registry", "import", stillBad, "--allow-internal-hosts");

        Assert.Equal(2, refused.Code);
        Assert.Contains("intranet.csv:3:url: 'http://oa/' names a host name of one label", refused.Error);
        Assert.Equal(0, allowed.Code);
        Assert.Contains("2 channels added", allowed.Out);
        Assert.Equal(2, neverAllowed.Code);
        Assert.Contains("still-bad.csv:2:url", neverAllowed.Error);
        Assert.Contains("user name or password", neverAllowed.Error);
        Assert.Contains("port 22", neverAllowed.Error);
        Assert.DoesNotContain("private address", neverAllowed.Error);
        var units = await ListAsync();
        Assert.Equal("http://www.bjdch.gov.cn:8080/", Assert.Single(ChannelsOf(units, "110101")).GetProperty("url").GetString());
        Assert.Equal("http://192.168.1.10:8080/", Assert.Single(ChannelsOf(units, "110105")).GetProperty("url").GetString());
        Assert.Empty(ChannelsOf(units, "110108"));
    }

    [Fact]
    public async Task A_bad_last_row_of_a_large_file_is_reported_before_any_store_is_made()
    {
        var rows = Enumerable.Range(0, 20_000).Select(i => $"D{i},部门{i},province,department,{(i % 2 == 0 ? "440000" : "部门" + (i - 1))},website,https://d{i}.gov.cn/");
        var file = workspace.Write("large.csv", "code,name,level,kind,parent,channel,url\n" + string.Join('\n', rows) + "\nD-last,最后,province,department,440000,website,ftp://d.gov.cn/\n");

        var result = await workspace.RunAsync("registry", "import", file);

        Assert.Equal(2, result.Code);
        Assert.StartsWith("goveval: large.csv:20002:url: 'ftp://d.gov.cn/' is not an absolute http(s) URL", result.Error.Replace(workspace.Folder + Path.DirectorySeparatorChar, "", StringComparison.Ordinal));
        Assert.False(File.Exists(workspace.Db));
    }
}
