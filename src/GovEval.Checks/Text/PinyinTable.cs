namespace GovEval.Checks.Text;

/// <summary>
/// Toneless Mandarin readings of Chinese characters (data/dictionaries/pinyin.tsv, derived by
/// scripts/derive-pinyin.py from go-pinyin / Unihan, MIT). Most typos in official prose are input-method slips
/// that keep the sound and change the character (付总理 for 副总理, 书纪 for 书记): two characters that share a
/// reading are what a same-pinyin near miss looks for.
/// </summary>
public sealed class PinyinTable
{
    private readonly Dictionary<char, string[]> readings;

    public PinyinTable(IReadOnlyList<DictionaryRow> rows)
    {
        readings = new Dictionary<char, string[]>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Fields[0].Length != 1)
            {
                throw new Core.Errors.InputException(row.Location, $"expected one character, found \"{row.Fields[0]}\"");
            }

            readings[row.Fields[0][0]] = row.Fields[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    public static PinyinTable Load(string? path) => new(DictionaryFile.Read(path, "pinyin.tsv", 2, "char\treadings"));

    public int Count => readings.Count;

    public IReadOnlyList<string> ReadingsOf(char c) => readings.TryGetValue(c, out var r) ? r : [];

    /// <summary>True when the two characters differ and share at least one reading (付/副: fu).</summary>
    public bool SoundAlike(char a, char b)
    {
        if (a == b || !readings.TryGetValue(a, out var ra) || !readings.TryGetValue(b, out var rb))
        {
            return false;
        }

        foreach (var x in ra)
        {
            foreach (var y in rb)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
