using GovEval.Checks;
using GovEval.Checks.Content;

namespace GovEval.Checks.Tests.Content;

/// <summary>Every listed wrong form is found with its right form; no right form of any list is ever flagged.</summary>
public sealed class RightFormsTests
{
    [Fact]
    public void No_right_form_is_reported_as_a_typo()
    {
        var dictionaries = ContentDictionaries.For(ShippedRules.Options);
        var rights = dictionaries.OfficialTerms.Concat(dictionaries.MisusedWords).Select(w => w.Right).Distinct().ToList();
        var flagged = rights.Where(r => TypoMatcher.Find(r, dictionaries).Count > 0).ToList();
        Assert.True(flagged.Count == 0, "flagged right forms: " + string.Join("、", flagged.Take(20)));
    }

    [Fact]
    public void Every_wrong_form_is_found_alone_and_in_a_sentence()
    {
        var dictionaries = ContentDictionaries.For(ShippedRules.Options);
        var missed = dictionaries.OfficialTerms.Concat(dictionaries.MisusedWords)
            .Where(w => !TypoMatcher.Find($"会议强调，要把{w.Wrong}作为当前一项重要工作抓紧抓好。", dictionaries).Any(h => h.Written == w.Wrong))
            .Select(w => w.Wrong)
            .ToList();
        Assert.True(missed.Count == 0, "missed wrong forms: " + string.Join("、", missed.Take(20)));
    }
}
