using System.Diagnostics.CodeAnalysis;

namespace ManifestLint.Model;

/// <summary>A read-only string-keyed map for the model's many small tables (labels, annotations, selectors,
/// scripts): one exact-size array of pairs searched in order, about a quarter of a Dictionary's memory; hundreds of
/// thousands of them live for the whole run on a large monorepo, so one array per map (not a key array and a value
/// array) matters. Keeps insertion order, as the Dictionary it replaces did. Larger tables stay Dictionaries
/// (<see cref="From"/>).</summary>
public sealed class SmallMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private const int MaxLinear = 8;

    public static readonly SmallMap<TValue> Empty = new([]);

    private readonly KeyValuePair<string, TValue>[] entries;

    private SmallMap(KeyValuePair<string, TValue>[] entries) => this.entries = entries;

    /// <summary>The compact form of a finished table: shared empty, an array up to <see cref="MaxLinear"/> entries,
    /// else the table itself.</summary>
    public static IReadOnlyDictionary<string, TValue> From(IReadOnlyDictionary<string, TValue> table)
    {
        if (table.Count == 0) return Empty;
        if (table.Count > MaxLinear || table is SmallMap<TValue>) return table;
        var entries = new KeyValuePair<string, TValue>[table.Count];
        var i = 0;
        foreach (var entry in table) entries[i++] = entry;
        return new SmallMap<TValue>(entries);
    }

    /// <summary><see cref="From"/>, and one instance per distinct content: the same small tables recur across a
    /// monorepo's files (a Deployment's labels, its selector and its pod labels; `{ router: "router" }` in every route
    /// file), a quarter of a million maps on the 8× bench corpus of which most are copies. Bounded like
    /// <see cref="Loading.StringPool"/>: past the bound, maps are kept as they are.</summary>
    public static IReadOnlyDictionary<string, TValue> Shared(IReadOnlyDictionary<string, TValue> table)
    {
        var compact = From(table);
        if (compact is not SmallMap<TValue> map || map.entries.Length == 0) return compact;
        if (Pool.TryGetValue(map, out var shared)) return shared;
        if (Volatile.Read(ref pooled) >= MaxPooled) return map;
        Interlocked.Increment(ref pooled);
        return Pool.GetOrAdd(map, map);
    }

    private const int MaxPooled = 1 << 18;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SmallMap<TValue>, SmallMap<TValue>> Pool = new(ContentComparer.Instance);
    private static int pooled; // approximate, as in StringPool

    /// <summary>Same keys and values in the same order (ordinal keys, the value type's default equality).</summary>
    private sealed class ContentComparer : IEqualityComparer<SmallMap<TValue>>
    {
        public static readonly ContentComparer Instance = new();

        public bool Equals(SmallMap<TValue>? x, SmallMap<TValue>? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null || x.entries.Length != y.entries.Length) return false;
            for (var i = 0; i < x.entries.Length; i++)
            {
                if (!string.Equals(x.entries[i].Key, y.entries[i].Key, StringComparison.Ordinal)
                    || !EqualityComparer<TValue>.Default.Equals(x.entries[i].Value, y.entries[i].Value)) return false;
            }
            return true;
        }

        public int GetHashCode(SmallMap<TValue> map)
        {
            var hash = new HashCode();
            foreach (var (k, v) in map.entries)
            {
                hash.Add(k, StringComparer.Ordinal);
                hash.Add(v);
            }
            return hash.ToHashCode();
        }
    }

    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public IEnumerable<string> Keys => entries.Select(e => e.Key);

    public IEnumerable<TValue> Values => entries.Select(e => e.Value);

    public int Count => entries.Length;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? entries[i].Value : default;
        return i >= 0;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)entries).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
