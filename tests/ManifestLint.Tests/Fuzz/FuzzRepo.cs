using System.Text;

namespace ManifestLint.Tests.Fuzz;

/// <summary>A generated repository: relative path → exact bytes. Later writes to a path replace earlier ones.</summary>
internal sealed class FuzzRepo
{
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, byte[]> Files => files;

    /// <summary>Where the files came from, when not generated from scratch (a fixture folder).</summary>
    public string? Origin { get; init; }

    public FuzzRepo Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public FuzzRepo Add(string path, byte[] bytes)
    {
        files[path.TrimStart('/')] = bytes;
        return this;
    }

    public TestProject Write()
    {
        var project = new TestProject();
        foreach (var (path, bytes) in files) project.WriteBytes(path, bytes);
        return project;
    }

    /// <summary>Copies the files to <paramref name="folder"/> (emptied first), to replay a failure by hand.</summary>
    public void Dump(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".manifestlint.yaml"), "# test project\n");
        foreach (var (path, bytes) in files)
        {
            var target = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }
    }

    /// <summary>Every file with its content quoted and escaped (\n, \t, \uXXXX for other control and invisible
    /// characters, \xNN for bytes that are not UTF-8), each cut at <paramref name="maxPerFile"/> characters.</summary>
    public string Print(int maxPerFile = 3000)
    {
        var sb = new StringBuilder();
        if (Origin is not null) sb.Append("from ").Append(Origin).Append(", ");
        sb.Append(files.Count).Append(" files, ").Append(files.Values.Sum(b => (long)b.Length)).Append(" bytes\n");
        foreach (var (path, bytes) in files)
        {
            var literal = Literal(bytes);
            sb.Append("--- ").Append(path).Append(" (").Append(bytes.Length).Append(" bytes)\n");
            if (literal.Length > maxPerFile) sb.Append(literal, 0, maxPerFile).Append("… (").Append(literal.Length - maxPerFile).Append(" more chars)");
            else sb.Append(literal);
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public override string ToString() => Print();

    private static string Literal(byte[] bytes)
    {
        var sb = new StringBuilder("\"");
        var i = 0;
        while (i < bytes.Length)
        {
            var rune = DecodeOne(bytes, i, out var length);
            if (rune is null)
            {
                sb.Append("\\x").Append(bytes[i].ToString("X2"));
                i++;
                continue;
            }
            var r = rune.Value;
            switch (r.Value)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (Rune.IsControl(r) || r.Value is 0xFEFF or 0x2028 or 0x2029) sb.Append("\\u").Append(r.Value.ToString("X4"));
                    else sb.Append(r.ToString());
                    break;
            }
            i += length;
        }
        return sb.Append('"').ToString();
    }

    private static Rune? DecodeOne(byte[] bytes, int index, out int length) =>
        Rune.DecodeFromUtf8(bytes.AsSpan(index), out var rune, out length) == System.Buffers.OperationStatus.Done ? rune : null;
}
