using System.Text;
using System.Text.Json;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Reads package.json with a forward-only reader (no recursion, token positions kept).</summary>
internal static class PackageJsonLoader
{
    public static (NodePackage? Package, LoadProblem? Problem) Load(string file, byte[] bytes)
    {
        // Node reads package.json as UTF-8 text with invalid bytes replaced (U+FFFD), then JSON.parse: do the same.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes));
        var dir = file.Contains('/') ? file[..file.LastIndexOf('/')] : "";
        var lines = new LineIndex(bytes);
        string? name = null, type = null, main = null, engines = null;
        SourceSpan? typeSpan = null, mainSpan = null;
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        var bin = new Dictionary<string, string>(StringComparer.Ordinal);
        var deps = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? imports = null;
        var reader = new Utf8JsonReader(bytes.AsSpan(StartAfterBom(bytes)), new JsonReaderOptions
        {
            // Node reads package.json with JSON.parse: comments and trailing commas are errors there too.
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 256,
        });
        var offset = StartAfterBom(bytes);
        try
        {
            string? topKey = null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = StringPool.Shared(reader.GetString()!);
                    if (reader.CurrentDepth == 1) topKey = key;
                    if (reader.CurrentDepth == 1 && key == "imports") imports ??= new HashSet<string>(StringComparer.Ordinal);
                    if (reader.CurrentDepth == 2 && topKey == "imports") imports?.Add(key);
                    if (!reader.Read()) break;
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        var value = StringPool.Shared(reader.GetString()!);
                        if (reader.CurrentDepth == 1)
                        {
                            switch (key)
                            {
                                case "name": name = value; break;
                                case "main":
                                    main = value;
                                    mainSpan = lines.Span(file, offset + (int)reader.TokenStartIndex);
                                    break;
                                case "bin": bin[name ?? ""] = value; break;
                                case "type":
                                    type = value;
                                    typeSpan = lines.Span(file, offset + (int)reader.TokenStartIndex);
                                    break;
                            }
                        }
                        else if (reader.CurrentDepth == 2)
                        {
                            switch (topKey)
                            {
                                case "scripts": scripts[key] = value; break;
                                case "bin": bin[key] = value; break;
                                case "dependencies" or "devDependencies": deps.Add(key); break;
                                case "engines" when key == "node": engines = value; break;
                            }
                        }
                    }
                    else if (reader.CurrentDepth == 1 && key == "type")
                    {
                        // `"type": 1` / `true` / `null` / `{…}` / `[…]`: not a string, which Node treats like any unknown value.
                        typeSpan = lines.Span(file, offset + (int)reader.TokenStartIndex);
                        type = reader.TokenType switch
                        {
                            JsonTokenType.StartObject => "{…}",
                            JsonTokenType.StartArray => "[…]",
                            _ => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                        };
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth > 1)
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString on bytes that are not UTF-8.
            var line = lines.Span(file, offset + (int)reader.TokenStartIndex);
            return (null, new LoadProblem(line, "JSON", $"not valid UTF-8 text ({FirstSentence(ex.Message)})"));
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            return (null, new LoadProblem(SourceSpan.At(file, line, column), "JSON", FirstSentence(ex.Message)));
        }

        return (new NodePackage
        {
            Dir = dir,
            File = file,
            Name = name,
            Type = type,
            TypeSpan = typeSpan,
            Main = main,
            EnginesNode = engines,
            MainSpan = mainSpan,
            Imports = imports,
            Scripts = SmallMap<string>.From(scripts),
            Bin = SmallMap<string>.From(bin),
            Dependencies = deps,
        }, null);
    }

    private static int StartAfterBom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;

    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }
        return message.Trim();
    }

    /// <summary>Maps byte offsets to 1-based line and character columns.</summary>
    private sealed class LineIndex(byte[] bytes)
    {
        public SourceSpan Span(string file, int offset)
        {
            int line = 1, lineStart = 0;
            for (var i = 0; i < offset && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n') { line++; lineStart = i + 1; }
            }
            var column = Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
            return SourceSpan.At(file, line, column);
        }
    }
}
