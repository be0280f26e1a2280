using GovEval.Collect.Fetching;

namespace GovEval.Collect.Tests;

public class HeaderMapTests
{
    [Fact]
    public void Names_match_without_case_and_keep_arrival_order()
    {
        var map = new HeaderMap(2);
        map.Set("Server", "nginx");
        map.Set("Content-Type", "text/html; charset=utf-8");
        map.Set("X-Frame-Options", "SAMEORIGIN");

        Assert.Equal(3, map.Count);
        Assert.Equal("text/html; charset=utf-8", map["content-type"]);
        Assert.True(map.TryGetValue("X-FRAME-OPTIONS", out var frame));
        Assert.Equal("SAMEORIGIN", frame);
        Assert.False(map.ContainsKey("Strict-Transport-Security"));
        Assert.Equal(["Server", "Content-Type", "X-Frame-Options"], map.Keys);
        Assert.Throws<KeyNotFoundException>(() => map["Location"]);
    }

    [Fact]
    public void A_name_set_again_keeps_its_place_and_takes_the_new_value()
    {
        var map = new HeaderMap();
        map.Set("Cache-Control", "no-cache");
        map.Set("Expires", "0");
        map.Set("cache-control", "max-age=60");

        Assert.Equal(2, map.Count);
        Assert.Equal([new("Cache-Control", "max-age=60"), new KeyValuePair<string, string>("Expires", "0")], map.Trim());
    }

    [Fact]
    public void An_empty_map_grows_from_nothing()
    {
        var map = new HeaderMap(0);
        Assert.Empty(map.Trim());
        for (var i = 0; i < 40; i++)
        {
            map.Set($"X-{i}", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(40, map.Count);
        Assert.Equal("39", map["x-39"]);
        Assert.Equal(40, map.Values.Distinct().Count());
    }
}
