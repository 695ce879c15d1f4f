using System.Text;
using ManifestLint.Discovery;

namespace ManifestLint.Tests.Fuzz;

/// <summary>The fixture projects under testdata/ (one folder per case, e.g. testdata/ML204/bad-named-port), read once.</summary>
internal static class Fixtures
{
    private static readonly Lazy<IReadOnlyList<(string Name, IReadOnlyList<(string Path, byte[] Bytes)> Files)>> All = new(Load);

    public static IReadOnlyList<(string Name, IReadOnlyList<(string Path, byte[] Bytes)> Files)> Cases => All.Value;

    private static IReadOnlyList<(string, IReadOnlyList<(string, byte[])>)> Load() =>
        [.. Directory.GetDirectories(Repo.TestData).SelectMany(Directory.GetDirectories).Order(StringComparer.Ordinal).Select(dir => (
            Path.GetRelativePath(Repo.TestData, dir).Replace('\\', '/'),
            (IReadOnlyList<(string, byte[])>)[.. Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f)))]))];

    /// <summary>Files the linter reads, or may read (JSON next to the code, node_modules), and may be mutated.
    /// The project's own configuration is left alone: a broken configuration is a usage error (exit 2) by design.</summary>
    public static bool Mutable(string path)
    {
        var name = Path.GetFileName(path);
        return name != ProjectRoot.ConfigFileName && (FileDiscoverer.Classify(name) is not null || name.EndsWith(".json", StringComparison.Ordinal));
    }
}

/// <summary>Byte-level mutations of a random fixture project: bit flips, random and "interesting" bytes (NUL, 0xFF,
/// tabs, CR, a BOM anywhere, overlong and surrogate UTF-8), deleted, duplicated and swapped ranges, truncation,
/// numbers replaced, and chunks spliced in from another fixture.</summary>
internal sealed class Mutator(Tape t)
{
    private static readonly byte[][] Interesting =
    [
        [0x00], [0xFF], [(byte)'\t'], [(byte)'\r'], [(byte)'\n'], [0xEF, 0xBB, 0xBF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE2, 0x80, 0xA8], [0xC3], [.. "{"u8], [.. "["u8], [.. "\""u8], [.. ": "u8], [.. "- "u8], [.. "&a "u8], [.. "*a"u8], [.. "#"u8],
        [.. "\\"u8], [.. "---\n"u8], [.. "<<: "u8], [.. "${"u8], [.. "`"u8], [.. "/*"u8], [.. "<<EOF\n"u8], [.. " \\\n"u8], [.. "\t\t"u8],
    ];

    private static readonly string[] Numbers = ["0", "-1", "65536", "99999999999999999999", "1e999", "08", "0x1F", "3.5", ""];

    public FuzzRepo Repo()
    {
        var (name, files) = t.Pick(Fixtures.Cases);
        var repo = new FuzzRepo { Origin = "testdata/" + name };
        foreach (var (path, bytes) in files) repo.Add(path, bytes);
        var mutable = files.Where(f => Fixtures.Mutable(f.Path)).Select(f => f.Path).ToList();
        if (mutable.Count == 0) return repo;
        for (var n = t.Between(1, Math.Min(3, mutable.Count)); n > 0; n--)
        {
            var path = t.Pick(mutable);
            repo.Add(path, Mutate(repo.Files[path]));
        }
        return repo;
    }

    private byte[] Mutate(byte[] input)
    {
        var b = new List<byte>(input);
        for (var k = 1 + t.Count(7); k > 0; k--) // mostly one or two: more of the file stays readable
        {
            var at = t.Below(b.Count + 1);
            switch (t.Below(11))
            {
                case 0 when b.Count > 0:
                    b[Math.Min(at, b.Count - 1)] ^= (byte)(1 << t.Below(8));
                    break;
                case 1 when b.Count > 0:
                    b[Math.Min(at, b.Count - 1)] = (byte)t.Below(256);
                    break;
                case 2 or 3:
                    b.InsertRange(at, t.Pick(Interesting));
                    break;
                case 4:
                    b.RemoveRange(at, Math.Min(t.Between(1, 32), b.Count - at));
                    break;
                case 5 when b.Count > 0:
                {
                    var from = t.Below(b.Count);
                    var chunk = b.GetRange(from, Math.Min(t.Between(1, 64), b.Count - from));
                    b.InsertRange(t.Below(b.Count + 1), chunk);
                    break;
                }
                case 6:
                    b.RemoveRange(at, b.Count - at); // truncate
                    break;
                case 7:
                    b = SwapLines(b);
                    break;
                case 8:
                    b = ReplaceNumber(b);
                    break;
                case 9:
                {
                    var (_, other) = t.Pick(Fixtures.Cases);
                    var donor = t.Pick(other).Bytes;
                    if (donor.Length == 0) break;
                    var from = t.Below(donor.Length);
                    b.InsertRange(at, donor.AsSpan(from, Math.Min(t.Between(1, 200), donor.Length - from)).ToArray());
                    break;
                }
                default:
                    b.InsertRange(at, Enumerable.Repeat((byte)t.Pick(' ', '\t', '\n', '-', '['), t.Between(1, 300)));
                    break;
            }
        }
        return [.. b];
    }

    private List<byte> SwapLines(List<byte> b)
    {
        var lines = Split(b);
        if (lines.Count < 2) return b;
        var i = t.Below(lines.Count);
        var j = t.Below(lines.Count);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return [.. lines.SelectMany(l => l)];
    }

    private static List<byte[]> Split(List<byte> b)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < b.Count; i++)
        {
            if (b[i] != '\n') continue;
            lines.Add([.. b.GetRange(start, i + 1 - start)]);
            start = i + 1;
        }
        if (start < b.Count) lines.Add([.. b.GetRange(start, b.Count - start)]);
        return lines;
    }

    private List<byte> ReplaceNumber(List<byte> b)
    {
        var digits = Enumerable.Range(0, b.Count).Where(i => b[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || b[i - 1] is < (byte)'0' or > (byte)'9')).ToList();
        if (digits.Count == 0) return b;
        var start = t.Pick(digits);
        var end = start;
        while (end < b.Count && b[end] is >= (byte)'0' and <= (byte)'9') end++;
        b.RemoveRange(start, end - start);
        b.InsertRange(start, Encoding.ASCII.GetBytes(t.Pick(Numbers)));
        return b;
    }
}
