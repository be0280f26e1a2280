namespace GovEval.Checks.Privacy;

/// <summary>
/// Bank cards as privacy.pii reads them. A digit run is a card number only when a card scheme issues its prefix at
/// its length (<c>card-issuers.tsv</c>) and its Luhn digit holds: about one random run in ten passes Luhn, so the
/// checksum alone calls every table of project codes a list of cards. It is a person's card only when nothing
/// around it says otherwise (<see cref="NumberContext"/>, words of <c>card-context.tsv</c>):
/// <list type="number">
/// <item>an organisation's account (对公账户, or a holder whose name ends like an organisation's: 户名：某某市财政局)
/// is published on purpose and is not personal data;</item>
/// <item>the word nearest the number in its label, else in its column header, decides: a code word (项目编号,
/// 准考证号, 序号) makes it a code, a card word (账号, 卡号, 开户行) a card; a table whose header names codes and
/// no card is a table of codes, whatever cell the number ended up in (a row number glued to a code);</item>
/// <item>with no word either way, only a scheme that counts alone (UnionPay) makes it a card.</item>
/// </list>
/// </summary>
public static class BankCards
{
    /// <summary>A scheme issues this prefix at this length and the Luhn digit holds.</summary>
    public static bool IsCardNumber(ReadOnlySpan<char> digits, CardDictionaries words) =>
        words.IssuerOf(digits) is not null && Luhn.IsValid(digits);

    /// <summary>Whether the digits written at <paramref name="start"/> of <paramref name="text"/> are a person's bank card.</summary>
    public static bool IsPersonalCard(string text, int start, string digits, CardDictionaries words)
    {
        if (words.IssuerOf(digits) is not { } issuer || !Luhn.IsValid(digits))
        {
            return false;
        }

        var context = NumberContext.Read(text, start, words);
        if (IsOrganisations(context, words))
        {
            return false;
        }

        var says = Nearest(context.Label, words) ?? Nearest(context.ColumnHeader, words);
        if (says is null && context.HeaderRow is { } header
            && header.Any(h => ContainsAny(h, words.CodeWords)) && !header.Any(h => ContainsAny(h, words.CardWords)))
        {
            says = Kind.Code;
        }

        return says switch
        {
            Kind.Card => true,
            Kind.Code => false,
            _ => issuer.Alone,
        };
    }

    private enum Kind
    {
        Code,
        Card,
    }

    private static bool IsOrganisations(NumberContext context, CardDictionaries words)
    {
        if (ContainsAny(context.Label, words.OrganisationWords) || ContainsAny(context.ColumnHeader, words.OrganisationWords)
            || ContainsAny(context.Before, words.OrganisationWords))
        {
            return true;
        }

        var holder = context.Holder?.Trim().TrimEnd('）', ')', '：', ':');
        return !string.IsNullOrEmpty(holder) && words.OrganisationSuffixes.Any(s => holder.EndsWith(s, StringComparison.Ordinal));
    }

    /// <summary>The kind of the code or card word that ends nearest the end of <paramref name="text"/>, if any.</summary>
    private static Kind? Nearest(string? text, CardDictionaries words)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var code = LastEnd(text, words.CodeWords);
        var card = LastEnd(text, words.CardWords);
        return code < 0 && card < 0 ? null : card >= code ? Kind.Card : Kind.Code;
    }

    private static int LastEnd(string text, IReadOnlyList<string> words)
    {
        var end = -1;
        foreach (var word in words)
        {
            var at = text.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                end = Math.Max(end, at + word.Length);
            }
        }

        return end;
    }

    private static bool ContainsAny(string? text, IReadOnlyList<string> words) =>
        !string.IsNullOrEmpty(text) && words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
