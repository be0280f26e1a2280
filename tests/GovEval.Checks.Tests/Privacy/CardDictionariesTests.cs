using GovEval.Checks.Privacy;
using GovEval.Core.Errors;

namespace GovEval.Checks.Tests.Privacy;

/// <summary>The issuer ranges and context words are data: the embedded tables read, a user's replacement is used, a bad line is refused with file:line.</summary>
public sealed class CardDictionariesTests
{
    private static readonly DateOnly Today = new(2020, 11, 30);

    [Fact]
    public void The_embedded_tables_hold_the_schemes_and_every_kind_of_word()
    {
        var words = CardDictionaries.Default;
        Assert.Contains(words.Issuers, i => i is { Scheme: "UnionPay", From: "62", Alone: true });
        Assert.All(words.Issuers.Where(i => i.Scheme != "UnionPay"), i => Assert.False(i.Alone));
        Assert.Contains("项目编号", words.CodeWords);
        Assert.Contains("账号", words.CardWords);
        Assert.Contains("对公账户", words.OrganisationWords);
        Assert.Equal("户名", words.HolderLabels[0]);
        Assert.Contains("局", words.OrganisationSuffixes);
    }

    [Fact]
    public void A_replacement_issuer_table_decides_what_a_card_is()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["issuers.tsv"], "scheme\tfrom\tto\tlengths\talone\nVisa\t4\t4\t16\tyes\n");
        var options = ShippedRules.Options with { CardIssuersPath = folder["issuers.tsv"] };
        var words = CardDictionaries.For(options);
        Assert.Single(words.Issuers);
        Assert.Equal(PiiKind.BankCard, Assert.Single(PiiScanner.Find("4111111111111111", Today, words)).Kind);
        Assert.Empty(PiiScanner.Find("6222021234567890128", Today, words));
    }

    [Theory]
    [InlineData("scheme\tfrom\tto\tlengths\talone\nUnionPay\t62\t6\t16-19\tyes\n", "issuers.tsv:2", "same length")]
    [InlineData("scheme\tfrom\tto\tlengths\talone\nUnionPay\t62\t62\t16-29\tyes\n", "issuers.tsv:2", "lengths")]
    [InlineData("scheme\tfrom\tto\tlengths\talone\nUnionPay\t62\t62\t16-19\tperhaps\n", "issuers.tsv:2", "yes or no")]
    [InlineData("# comment\nscheme\tfrom\tto\tlengths\talone\nUnionPay\t62\t62\n", "issuers.tsv:3", "5 non-empty")]
    public void A_bad_issuer_line_is_refused_naming_file_and_line(string content, string location, string message)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["issuers.tsv"], content);
        var error = Assert.Throws<InputException>(() => CardDictionaries.For(ShippedRules.Options with { CardIssuersPath = folder["issuers.tsv"] }));
        Assert.Contains(location, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_kind_of_context_word_is_refused()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["context.tsv"], "word\tkind\n账号\tcard\n编号\tcodes\n");
        var error = Assert.Throws<InputException>(() => CardDictionaries.For(ShippedRules.Options with { CardContextPath = folder["context.tsv"] }));
        Assert.Contains("context.tsv:3", error.Message, StringComparison.Ordinal);
    }
}
