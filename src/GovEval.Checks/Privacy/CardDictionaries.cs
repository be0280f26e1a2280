using System.Collections.Concurrent;
using System.Globalization;
using GovEval.Checks.Text;
using GovEval.Core.Errors;

namespace GovEval.Checks.Privacy;

/// <summary>One issuer range of <c>card-issuers.tsv</c>: numbers starting From…To (inclusive, same length) of a listed length.</summary>
public sealed record CardIssuer(string Scheme, string From, string To, IReadOnlySet<int> Lengths, bool Alone)
{
    public bool Issued(ReadOnlySpan<char> digits)
    {
        if (!Lengths.Contains(digits.Length) || digits.Length < From.Length)
        {
            return false;
        }

        var prefix = digits[..From.Length];
        return prefix.CompareTo(From, StringComparison.Ordinal) >= 0 && prefix.CompareTo(To, StringComparison.Ordinal) <= 0;
    }
}

/// <summary>
/// The data privacy.pii judges bank cards by, read once per distinct set of files: the card schemes' issuer ranges
/// and lengths (<c>data/dictionaries/card-issuers.tsv</c>) and the words around a number that say what it is
/// (<c>data/dictionaries/card-context.tsv</c>). Both are documented in their headers; CheckOptions may replace them.
/// </summary>
public sealed class CardDictionaries
{
    private static readonly ConcurrentDictionary<string, Lazy<CardDictionaries>> Cache = new(StringComparer.Ordinal);

    private CardDictionaries(string? issuersPath, string? contextPath)
    {
        Issuers = DictionaryFile.Read(issuersPath, "card-issuers.tsv", 5, "scheme\tfrom\tto\tlengths\talone").Select(Issuer).ToList();
        var words = DictionaryFile.Read(contextPath, "card-context.tsv", 2, "word\tkind");
        List<string> Kind(string kind) => words.Where(r => r.Fields[1] == kind).Select(r => r.Fields[0]).ToList();
        foreach (var row in words.Where(r => r.Fields[1] is not ("code" or "card" or "organisation" or "holder" or "org-suffix")))
        {
            throw new InputException(row.Location, $"unknown kind \"{row.Fields[1]}\": expected code, card, organisation, holder or org-suffix");
        }

        CodeWords = Kind("code");
        CardWords = Kind("card");
        OrganisationWords = Kind("organisation");
        HolderLabels = Kind("holder");
        OrganisationSuffixes = Kind("org-suffix");
    }

    public static CardDictionaries Default => For(null, null);

    public IReadOnlyList<CardIssuer> Issuers { get; }

    /// <summary>Words that make a number a code (项目编号, 准考证号): never a card.</summary>
    public IReadOnlyList<string> CodeWords { get; }

    /// <summary>Words that make a number a card or an account (账号, 卡号, 开户行).</summary>
    public IReadOnlyList<string> CardWords { get; }

    /// <summary>Words that make an account an organisation's (对公账户).</summary>
    public IReadOnlyList<string> OrganisationWords { get; }

    /// <summary>Labels naming an account's holder (户名, 姓名), in order of preference when a table has several.</summary>
    public IReadOnlyList<string> HolderLabels { get; }

    /// <summary>How an organisation's name ends (…局, …有限公司).</summary>
    public IReadOnlyList<string> OrganisationSuffixes { get; }

    /// <summary>The scheme that issues a number of this prefix and length, or null when none does.</summary>
    public CardIssuer? IssuerOf(ReadOnlySpan<char> digits)
    {
        foreach (var issuer in Issuers)
        {
            if (issuer.Issued(digits))
            {
                return issuer;
            }
        }

        return null;
    }

    public static CardDictionaries For(CheckOptions options) => For(options.CardIssuersPath, options.CardContextPath);

    private static CardDictionaries For(string? issuersPath, string? contextPath)
    {
        var key = issuersPath + '\u0001' + contextPath;
        var lazy = Cache.GetOrAdd(key, _ => new Lazy<CardDictionaries>(() => new CardDictionaries(issuersPath, contextPath)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A broken file must be reported again next time, not cached as a failure.
            Cache.TryRemove(key, out _);
            throw;
        }
    }

    private static CardIssuer Issuer(DictionaryRow row)
    {
        var (from, to) = (row.Fields[1], row.Fields[2]);
        if (from.Length != to.Length || !from.All(char.IsAsciiDigit) || !to.All(char.IsAsciiDigit) || string.CompareOrdinal(from, to) > 0)
        {
            throw new InputException(row.Location, $"from \"{from}\" and to \"{to}\" must be digit prefixes of the same length, from ≤ to");
        }

        var lengths = new HashSet<int>();
        foreach (var part in row.Fields[3].Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 12 and <= 19))
            {
                throw new InputException(row.Location, $"lengths \"{row.Fields[3]}\": expected card lengths 12-19, comma-separated, each a number or a range such as 16-19");
            }

            var low = int.Parse(range[0], CultureInfo.InvariantCulture);
            var high = int.Parse(range[^1], CultureInfo.InvariantCulture);
            for (var n = low; n <= high; n++)
            {
                lengths.Add(n);
            }
        }

        return new CardIssuer(row.Fields[0], from, to, lengths, DictionaryFile.YesNo(row, 4));
    }
}
