using System.CommandLine;
using System.Globalization;
using GovEval.Core.Errors;

namespace GovEval.Cli.Collection;

/// <summary>
/// The resource limits of <c>check</c> and <c>collect</c>: how long one site may take, how many links one page
/// may give, how long one page may take to parse. Limits of the tool, not numbers of the rules: past any of them
/// the site is assessed on what was read and the rest is "not measured" with the limit named, never a deduction.
/// </summary>
public sealed class LimitOptions
{
    public Option<string> SiteBudget { get; } = new("--site-budget")
    {
        Description = "Time one site may take, collection and checks (e.g. 90s, 30m, 2h; a bare number is minutes); past it what was not reached is not measured",
        DefaultValueFactory = _ => "60m",
    };

    public Option<int> MaxLinksPerPage { get; } = new("--max-links-per-page")
    {
        Description = "Links read from one page; past it the page's other links are not checked and its link rules are not measured",
        DefaultValueFactory = _ => 10_000,
    };

    public Option<double> PageParseTimeout { get; } = new("--page-parse-timeout")
    {
        Description = "Seconds one page's HTML may take to parse; a page past it is not read and its rules are not measured",
        DefaultValueFactory = _ => 30,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(SiteBudget);
        command.Options.Add(MaxLinksPerPage);
        command.Options.Add(PageParseTimeout);
    }

    /// <summary>The site budget, checked: bad input names the argument.</summary>
    public TimeSpan Budget(ParseResult parse) => ParseDuration(parse.GetValue(SiteBudget) ?? "", "--site-budget");

    public int LinksPerPage(ParseResult parse)
    {
        var links = parse.GetValue(MaxLinksPerPage);
        return links >= 1 ? links : throw new InputException("--max-links-per-page", $"must be at least 1, got {links}");
    }

    public TimeSpan ParseTimeout(ParseResult parse)
    {
        var seconds = parse.GetValue(PageParseTimeout);
        return seconds is > 0 and <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new InputException("--page-parse-timeout", $"must be more than 0 and at most 86400 seconds, got {seconds.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>"90s", "30m", "2h", or a bare number of minutes; at least one second, at most 7 days.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        var unit = trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? trimmed[^1] : 'm';
        var number = char.IsAsciiLetter(unit) && trimmed.Length > 0 && char.IsAsciiLetter(trimmed[^1]) ? trimmed[..^1] : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || unit is not ('s' or 'm' or 'h') || !double.IsFinite(value))
        {
            throw new InputException(option, $"'{text}' is not a duration; write e.g. 90s, 30m or 2h");
        }

        var duration = unit switch
        {
            's' => value,
            'm' => value * 60,
            _ => value * 3600,
        };
        return duration is >= 1 and <= 7 * 86_400
            ? TimeSpan.FromSeconds(duration)
            : throw new InputException(option, $"must be at least 1 second and at most 7 days, got '{text}'");
    }
}
