using System.Collections.Concurrent;

namespace ManifestLint.Loading;

/// <summary>One instance per distinct short string kept in the model. Labels, env names, image names, import
/// specifiers and route paths repeat across thousands of files: on the 2,000-service benchmark 23 of the model's
/// 31 MB of strings were copies. Thread-safe; bounded, so a long-lived process (the test host) cannot grow it
/// without limit: past the bound, strings are kept as they are.</summary>
internal static class StringPool
{
    private const int MaxLength = 128;
    private const int MaxEntries = 1 << 20;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static int added; // ConcurrentDictionary.Count takes every lock: counted here instead (approximately)

    public static string Shared(string value)
    {
        if (value.Length > MaxLength) return value;
        if (Pool.TryGetValue(value, out var shared)) return shared;
        if (Volatile.Read(ref added) >= MaxEntries) return value;
        Interlocked.Increment(ref added);
        return Pool.GetOrAdd(value, value);
    }

    public static string? SharedOrNull(string? value) => value is null ? null : Shared(value);
}
