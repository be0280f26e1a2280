using GovEval.Collect.Fetching;
using GovEval.Core.Errors;

namespace GovEval.Collect.Tests;

public sealed class ConnectToRulesTests
{
    [Fact]
    public void The_first_matching_rule_wins_and_empty_fields_match_any()
    {
        var rules = ConnectToRules.Parse(["a.gov.cn:80:127.0.0.1:8080", ":443:127.0.0.1:8443", "a.gov.cn:443:127.0.0.2:9443", "b.gov.cn::[::1]:"]);
        Assert.Equal(("127.0.0.1", 8080), rules.Resolve("a.gov.cn", 80));
        Assert.Equal(("127.0.0.1", 8443), rules.Resolve("a.gov.cn", 443));
        Assert.Equal(("::1", 81), rules.Resolve("b.gov.cn", 81));
        Assert.Null(rules.Resolve("c.gov.cn", 80));
        Assert.Equal(("127.0.0.1", 8443), rules.Resolve("c.gov.cn", 443));
    }

    [Theory]
    [InlineData("a.gov.cn:80:127.0.0.1")]
    [InlineData("a.gov.cn:http:127.0.0.1:80")]
    [InlineData("a.gov.cn:80:127.0.0.1:70000")]
    [InlineData("a.gov.cn:80:[::1:80")]
    public void A_malformed_argument_is_named(string rule)
    {
        var error = Assert.Throws<InputException>(() => ConnectToRules.Parse([rule]));
        Assert.Equal("--connect-to", error.Location);
    }

    [Fact]
    public void A_malformed_line_of_a_rules_file_names_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, ["# routes", "a.gov.cn:80:127.0.0.1:8080", "", "b.gov.cn:80:127.0.0.1"]);
        try
        {
            var error = Assert.Throws<InputException>(() => ConnectToRules.FromFile(path));
            Assert.Equal($"{path}:4", error.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
