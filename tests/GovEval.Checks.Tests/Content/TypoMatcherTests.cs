using GovEval.Checks;
using GovEval.Checks.Content;
using GovEval.Checks.Text;
using GovEval.Core.Errors;

namespace GovEval.Checks.Tests.Content;

public sealed class TypoMatcherTests
{
    private static readonly ContentDictionaries Defaults = ContentDictionaries.For(ShippedRules.Options);

    [Fact]
    public void Pinyin_table_knows_the_readings_input_methods_confuse()
    {
        var pinyin = Defaults.Pinyin!;
        Assert.True(pinyin.Count > 20_000);
        Assert.True(pinyin.SoundAlike('付', '副'));
        Assert.True(pinyin.SoundAlike('纪', '记'));
        Assert.False(pinyin.SoundAlike('坏', '环'));
        Assert.False(pinyin.SoundAlike('律', '路')); // lv is not lu
        Assert.False(pinyin.SoundAlike('副', '副'));
    }

    [Fact]
    public void Near_misses_differ_in_exactly_one_same_sounding_character()
    {
        var pinyin = Defaults.Pinyin!;
        Assert.Equal(["省委副书纪"], TypoMatcher.NearMisses("任命为省委副书纪。", "省委副书记", pinyin).ToList());
        Assert.Empty(TypoMatcher.NearMisses("省委副书记", "省委副书记", pinyin));
        Assert.Empty(TypoMatcher.NearMisses("省委付书纪", "省委副书记", pinyin)); // two differences
        Assert.Empty(TypoMatcher.NearMisses("省委正书记", "省委副书记", pinyin)); // different sound
    }

    [Fact]
    public void Exact_wrong_forms_are_reported_once_with_their_right_form()
    {
        var hits = TypoMatcher.Find("国务院付总理和国务院付总理", Defaults);
        var hit = Assert.Single(hits);
        Assert.Equal(("国务院付总理", "国务院副总理", true), (hit.Written, hit.Right, hit.Serious));
    }

    [Fact]
    public void Two_character_misused_entries_are_skipped_by_default()
    {
        Assert.DoesNotContain(Defaults.MisusedWords, w => w.Wrong.Length < 3);
        Assert.Empty(TypoMatcher.Find("网站标识码", Defaults));
    }

    [Fact]
    public void Embedded_dictionaries_load()
    {
        Assert.True(Defaults.OfficialTerms.Count >= 20);
        Assert.Contains(Defaults.SensitiveTerms, t => t.Word == "网上赌场" && t.Serious);
        Assert.Contains(Defaults.SensitiveTerms, t => t.Word == "代开发票" && !t.Serious);
        Assert.True(Defaults.MisusedWords.Count > 400);
    }

    [Fact]
    public void A_malformed_line_names_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"official-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# comment\nwrong\tright\tserious\n国务院总里\t国务院总理\tyes\n只有一列\n");
        try
        {
            var error = Assert.Throws<InputException>(() => ContentDictionaries.For(ShippedRules.Options with { OfficialTermsPath = path }));
            Assert.Equal($"{path}:4", error.Location);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_serious_value_names_file_and_line()
    {
        var error = Assert.Throws<InputException>(() => DictionaryFile.YesNo(new DictionaryRow("x.tsv", 7, ["a", "b", "maybe"]), 2));
        Assert.Equal("x.tsv:7", error.Location);
    }

    [Fact]
    public void Extra_sensitive_words_come_from_options()
    {
        var path = Path.Combine(Path.GetTempPath(), $"extra-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "word\tcategory\tserious\n刷单返利\tfraud\tno\n");
        try
        {
            var dictionaries = ContentDictionaries.For(ShippedRules.Options with { ExtraSensitiveWordPaths = [path], ExtraSensitiveWords = ["代办假证"] });
            var words = dictionaries.SensitiveAutomaton.Matches("刷单返利，代办假证，网上赌场").Select(m => dictionaries.SensitiveTerms[m.Pattern].Word).ToList();
            Assert.Equal(["刷单返利", "代办假证", "网上赌场"], words);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
