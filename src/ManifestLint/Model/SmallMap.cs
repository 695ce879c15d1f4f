using System.Diagnostics.CodeAnalysis;

namespace ManifestLint.Model;

/// <summary>A read-only string-keyed map for the model's many small tables (labels, annotations, selectors,
/// scripts): two exact-size arrays searched in order, about a third of a Dictionary's memory; tens of thousands
/// of them live for the whole run. Keeps insertion order, as the Dictionary it replaces did. Larger tables stay
/// Dictionaries (<see cref="From"/>).</summary>
public sealed class SmallMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private const int MaxLinear = 8;

    public static readonly SmallMap<TValue> Empty = new([], []);

    private readonly string[] keys;
    private readonly TValue[] values;

    private SmallMap(string[] keys, TValue[] values)
    {
        this.keys = keys;
        this.values = values;
    }

    /// <summary>The compact form of a finished table: shared empty, arrays up to <see cref="MaxLinear"/> entries,
    /// else the table itself.</summary>
    public static IReadOnlyDictionary<string, TValue> From(IReadOnlyDictionary<string, TValue> table)
    {
        if (table.Count == 0) return Empty;
        if (table.Count > MaxLinear || table is SmallMap<TValue>) return table;
        var keys = new string[table.Count];
        var values = new TValue[table.Count];
        var i = 0;
        foreach (var (k, v) in table)
        {
            keys[i] = k;
            values[i++] = v;
        }
        return new SmallMap<TValue>(keys, values);
    }

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => keys;

    public IEnumerable<TValue> Values => values;

    public int Count => keys.Length;

    public bool ContainsKey(string key) => Array.IndexOf(keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = Array.IndexOf(keys, key);
        value = i >= 0 ? values[i] : default;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < keys.Length; i++) yield return new KeyValuePair<string, TValue>(keys[i], values[i]);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
