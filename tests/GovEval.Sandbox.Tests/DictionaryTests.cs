using GovEval.Sandbox.Tests.Support;
using GovEval.Sandbox.Text;

namespace GovEval.Sandbox.Tests;

public sealed class DictionaryTests
{
    [Fact]
    public void The_shipped_word_lists_load_whole()
    {
        Assert.True(Dictionaries.MisusedWords.Count >= 1360, $"{Dictionaries.MisusedWords.Count} misused words");
        Assert.Contains(Dictionaries.MisusedWords, w => w is { Wrong: "兴高彩列", Right: "兴高采烈" });
        Assert.True(Dictionaries.ReliableMisusedWords.Count > 400);
        Assert.All(Dictionaries.ReliableMisusedWords, w => Assert.True(w.Wrong.Length >= 3));
        Assert.Contains(Dictionaries.OfficialTerms, t => t is { Wrong: "国务院付总理", Serious: true });
        Assert.Contains(Dictionaries.SensitiveTerms, t => t.Category == "gambling" && t.Serious);
        Assert.Contains(Dictionaries.SensitiveTerms, t => !t.Serious);
    }

    [Fact]
    public void Clean_prose_carries_no_wrong_form_and_no_sensitive_term()
    {
        var phrases = PhraseBank.AllSentenceTemplates.Concat(PhraseBank.AllTitleTemplates).Concat(PhraseBank.Topics).Concat(PhraseBank.Events);
        foreach (var phrase in phrases)
        {
            Assert.False(Observer.ContainsWrongForm(phrase), phrase);
            Assert.DoesNotContain(Dictionaries.SensitiveTerms, t => phrase.Contains(t.Word, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Generated_personal_data_is_checksum_valid_and_masks_hide_it()
    {
        var rng = new Determinism.Rng(42);
        for (var i = 0; i < 200; i++)
        {
            var id = Pii.CitizenId(ref rng, "440305", new DateOnly(2020, 11, 30));
            Assert.Equal(18, id.Length);
            Assert.Equal(Pii.IdCheckDigit(id[..17]), id[17]);
            var card = Pii.BankCard(ref rng);
            Assert.Equal(Pii.LuhnDigit(card[..^1]), card[^1]);
            Assert.True(Observer.HasPii(id) && Observer.HasPii(card) && Observer.HasPii(Pii.Mobile(ref rng)));
            Assert.False(Observer.HasPii(Pii.MaskId(id) + " " + Pii.MaskCard(card) + " " + Pii.MaskMobile(Pii.Mobile(ref rng))));
        }

        // GB 11643 worked example.
        Assert.Equal('X', Pii.IdCheckDigit("11010519491231002"));
    }
}
