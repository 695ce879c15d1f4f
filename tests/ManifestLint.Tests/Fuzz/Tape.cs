using CsCheck;

namespace ManifestLint.Tests.Fuzz;

/// <summary>The random choices a generator reads, in order. CsCheck generates the array (so it also shrinks it and
/// replays it from a seed); every generator in this folder is a plain function of its tape. Past the end of the
/// tape every choice is 0, and choice 0 is always the simplest option (stop nesting, no weirdness, the first entry
/// of a pool), so a shorter tape of smaller numbers is a simpler repository.</summary>
internal sealed class Tape(uint[] choices)
{
    private int position;

    /// <summary>The tapes behind every property: up to 12,000 choices, more than a repository of a few apps
    /// and a few nests hundreds deep takes (a short tape ends in repetitive, simplest choices).</summary>
    public static Gen<uint[]> Choices { get; } = Gen.UInt.Array[0, 12_000];

    private uint Next() => position < choices.Length ? choices[position++] : 0;

    /// <summary>0 ≤ result &lt; <paramref name="n"/>.</summary>
    public int Below(int n) => n <= 1 ? 0 : (int)(Next() % (uint)n);

    /// <summary><paramref name="low"/> ≤ result ≤ <paramref name="high"/>.</summary>
    public int Between(int low, int high) => high <= low ? low : low + Below(high - low + 1);

    /// <summary>True with the given probability; false when the tape has run out.</summary>
    public bool Chance(int percent) => percent > 0 && Below(100) >= 100 - percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];

    public T Pick<T>(T first, T second, params T[] rest) => Below(rest.Length + 2) switch
    {
        0 => first,
        1 => second,
        var i => rest[i - 2],
    };

    /// <summary>A nesting depth: usually a few levels, now and then a few hundred (past the 256-level limits
    /// of the YAML and package.json loaders).</summary>
    public int Depth() => Chance(4) ? Between(150, 400) : Between(0, 4);

    /// <summary>A count of up to <paramref name="max"/>, small ones more likely.</summary>
    public int Count(int max) => Below(Below(max + 1) + 1);
}
