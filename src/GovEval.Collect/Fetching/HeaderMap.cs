using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GovEval.Collect.Fetching;

/// <summary>
/// A response's headers as the observation keeps them: names matched case-insensitively, in arrival order, held
/// in one array of name/value pairs. A crawl keeps the headers of every page until it ends; a hash table per page
/// (three objects and a table sized for growth) was a tenth of what a crawl kept alive, to look up a dozen names.
/// </summary>
internal sealed class HeaderMap : IReadOnlyDictionary<string, string>
{
    private string[] pairs;
    private int count;

    public HeaderMap(int capacity = 12)
    {
        pairs = new string[capacity * 2];
    }

    public int Count => count;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no header '{key}'");

    public IEnumerable<string> Keys => this.Select(pair => pair.Key);

    public IEnumerable<string> Values => this.Select(pair => pair.Value);

    /// <summary>Sets a header; a name already present keeps its place and takes the new value.</summary>
    public void Set(string name, string value)
    {
        var index = IndexOf(name);
        if (index >= 0)
        {
            pairs[index + 1] = value;
            return;
        }

        if (count * 2 == pairs.Length)
        {
            Array.Resize(ref pairs, Math.Max(8, pairs.Length * 2));
        }

        pairs[count * 2] = name;
        pairs[count * 2 + 1] = value;
        count++;
    }

    /// <summary>Drops the unused room once complete: the map lives as long as the crawl.</summary>
    public HeaderMap Trim()
    {
        if (count * 2 < pairs.Length)
        {
            Array.Resize(ref pairs, count * 2);
        }

        return this;
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? pairs[index + 1] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return new KeyValuePair<string, string>(pairs[i * 2], pairs[i * 2 + 1]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string name)
    {
        for (var i = 0; i < count * 2; i += 2)
        {
            if (string.Equals(pairs[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
