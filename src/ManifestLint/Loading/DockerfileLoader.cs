using System.Text.Json;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Reads the Dockerfile instructions we need (FROM, WORKDIR, ENV, EXPOSE, CMD, ENTRYPOINT).
/// Unknown or malformed instructions are skipped: Docker itself is the authority on syntax.</summary>
internal static partial class DockerfileLoader
{
    public static ImageRecipe Load(string file, string text)
    {
        var stages = new List<ImageStage>();
        var globalArgs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, instruction, rest) in Instructions(text))
        {
            // ARGs before the first FROM parameterise FROM lines (`ARG NODE_VERSION=20`, `FROM node:${NODE_VERSION}`).
            if (instruction == "ARG" && stages.Count == 0)
            {
                var eq = rest.IndexOf('=');
                if (eq > 0) globalArgs[rest[..eq].Trim()] = SubstituteArgs(Unquote(rest[(eq + 1)..].Trim()), globalArgs); // may use earlier ARGs
                continue;
            }
            if (instruction == "FROM")
            {
                var parts = SubstituteArgs(rest, globalArgs).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Where(p => !p.StartsWith("--", StringComparison.Ordinal)).ToArray();
                if (parts.Length == 0) continue;
                var alias = parts.Length >= 3 && parts[1].Equals("AS", StringComparison.OrdinalIgnoreCase) ? parts[2] : null;
                // Stage names are case-insensitive in Docker.
                var previous = stages.LastOrDefault(s => string.Equals(s.Alias, parts[0], StringComparison.OrdinalIgnoreCase));
                var stage = new ImageStage { BaseImage = StringPool.Shared(parts[0]), Alias = alias, Span = SourceSpan.At(file, line, 1) };
                if (previous is not null) Inherit(stage, previous);
                stages.Add(stage);
                continue;
            }
            if (stages.Count == 0) continue;
            var current = stages[^1];
            switch (instruction)
            {
                case "WORKDIR":
                    var dir = rest.Trim();
                    var before = current.WorkDir;
                    current.WorkDir = StringPool.Shared(dir.StartsWith('/') || current.WorkDir is null ? dir : current.WorkDir.TrimEnd('/') + "/" + dir);
                    if (before != current.WorkDir) current.CopiesContextToWorkDir = false;
                    break;
                case "ENV":
                    foreach (var (k, v) in ParseEnv(rest)) current.Env[StringPool.Shared(k)] = StringPool.Shared(v);
                    break;
                case "EXPOSE":
                    foreach (var p in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (int.TryParse(p.Split('/')[0], out var port)) current.Expose.Add(port);
                    }
                    break;
                case "CMD":
                    current.Cmd = ParseCommand(rest).Select(StringPool.Shared).ToArray();
                    current.CommandSpan = SourceSpan.At(file, line, 1);
                    break;
                case "ENTRYPOINT":
                    current.Entrypoint = ParseCommand(rest).Select(StringPool.Shared).ToArray();
                    current.CommandSpan ??= SourceSpan.At(file, line, 1);
                    break;
                case "RUN":
                    current.Runs.Add(StringPool.Shared(rest));
                    break;
                case "COPY" or "ADD":
                    if (rest.Contains("--from", StringComparison.Ordinal)) current.CopiesFromStage = true;
                    var words = CopyArguments(rest);
                    if (!rest.Contains("--from", StringComparison.Ordinal) && words.Count >= 2) current.CopiedSources.AddRange(words[..^1].Select(StringPool.Shared));
                    if (words.Count == 2 && words[0] is "." or "./")
                    {
                        var dest = words[1].TrimEnd('/');
                        var workDir = (current.WorkDir ?? "/").TrimEnd('/');
                        if (dest is "." or "" && words[1] != "/" || dest == workDir) current.CopiesContextToWorkDir = true;
                    }
                    break;
            }
        }
        var slash = file.LastIndexOf('/');
        return new ImageRecipe { File = file, Dir = slash < 0 ? "" : file[..slash], Stages = stages };
    }

    /// <summary>`$NAME`, `${NAME}`, `${NAME:-default}` (and `${NAME-default}`), `${NAME:+alt}`, as BuildKit expands them.</summary>
    private static string SubstituteArgs(string text, Dictionary<string, string> args) =>
        ArgReference().Replace(text, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["bare"].Value;
            var set = args.TryGetValue(name, out var value) && value.Length > 0;
            return m.Groups["op"].Value switch
            {
                ":-" or "-" => set ? value! : m.Groups["word"].Value,
                ":+" or "+" => set ? m.Groups["word"].Value : "",
                _ => set ? value! : m.Value,
            };
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-+])(?<word>[^}]*))?\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial System.Text.RegularExpressions.Regex ArgReference();

    private static void Inherit(ImageStage stage, ImageStage from)
    {
        stage.WorkDir = from.WorkDir;
        foreach (var (k, v) in from.Env) stage.Env[k] = v;
        stage.Cmd = from.Cmd;
        stage.Entrypoint = from.Entrypoint;
        stage.CommandSpan = from.CommandSpan;
        stage.Runs.AddRange(from.Runs);
        stage.CopiesFromStage = from.CopiesFromStage;
        stage.CopiesContextToWorkDir = from.CopiesContextToWorkDir;
        stage.CopiedSources.AddRange(from.CopiedSources);
    }

    /// <summary>Logical instructions: comments dropped, backslash continuations joined.</summary>
    private static IEnumerable<(int Line, string Instruction, string Args)> Instructions(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].Trim();
            if (raw.Length == 0 || raw.StartsWith('#')) continue;
            var startLine = i + 1;
            var joined = raw;
            while (joined.EndsWith('\\') && i + 1 < lines.Length)
            {
                i++;
                var next = lines[i].Trim();
                if (next.StartsWith('#')) continue;
                joined = joined[..^1] + " " + next;
            }
            var space = joined.IndexOfAny([' ', '\t']);
            if (space < 0) continue;
            yield return (startLine, joined[..space].ToUpperInvariant(), joined[(space + 1)..].Trim());
            // Heredocs (`RUN <<EOF` … `EOF`, `COPY <<-"EOT" /app/x`): their bodies are file content, not instructions.
            var instruction = joined[..space].ToUpperInvariant();
            if (instruction is not ("RUN" or "COPY" or "ADD")) continue;
            foreach (System.Text.RegularExpressions.Match heredoc in HeredocStart().Matches(joined))
            {
                var end = heredoc.Groups["word"].Value;
                var dash = heredoc.Groups["dash"].Success;
                // Skip to the terminator only when there is one: `$((1<<BITS))` and stray `<<` are not heredocs.
                for (var j = i + 1; j < lines.Length; j++)
                {
                    if ((dash ? lines[j].TrimStart('\t') : lines[j]).TrimEnd('\r') != end) continue;
                    i = j;
                    break;
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!<)<<(?!<)(?<dash>-)?[""']?(?<word>[A-Za-z_][A-Za-z0-9_]*)[""']?")]
    private static partial System.Text.RegularExpressions.Regex HeredocStart();

    private static IEnumerable<(string Key, string Value)> ParseEnv(string rest)
    {
        if (!rest.Contains('=') || rest.IndexOf(' ') is var sp and > 0 && sp < rest.IndexOf('='))
        {
            // Legacy form: ENV KEY value with spaces
            var sp2 = rest.IndexOf(' ');
            if (sp2 > 0) yield return (rest[..sp2], Unquote(rest[(sp2 + 1)..].Trim()));
            yield break;
        }
        foreach (var token in ShellWords(rest))
        {
            var eq = token.IndexOf('=');
            if (eq > 0) yield return (token[..eq], token[(eq + 1)..]);
        }
    }

    /// <summary>COPY/ADD sources and destination, after the `--flag` options: the exec form
    /// (`COPY ["package.json", "./"]`, for paths with spaces) is JSON, the other form shell words.</summary>
    private static List<string> CopyArguments(string rest)
    {
        var args = rest.TrimStart();
        while (args.StartsWith("--", StringComparison.Ordinal))
        {
            var end = args.IndexOfAny([' ', '\t']);
            args = end < 0 ? "" : args[end..].TrimStart();
        }
        return [.. ParseCommand(args)];
    }

    private static IReadOnlyList<string> ParseCommand(string rest)
    {
        if (rest.StartsWith('['))
        {
            try
            {
                var items = JsonSerializer.Deserialize(rest, DockerJsonContext.Default.StringArray);
                if (items is not null) return items;
            }
            catch (JsonException)
            {
                // Docker falls back to shell form for invalid JSON.
            }
        }
        return ShellWords(rest).ToList();
    }

    private static IEnumerable<string> ShellWords(string text)
    {
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        var inWord = false;
        foreach (var ch in text)
        {
            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                else current.Append(ch);
            }
            else if (ch is '"' or '\'')
            {
                quote = ch;
                inWord = true;
            }
            else if (char.IsWhiteSpace(ch))
            {
                if (inWord) yield return current.ToString();
                current.Clear();
                inWord = false;
            }
            else
            {
                current.Append(ch);
                inWord = true;
            }
        }
        if (inWord) yield return current.ToString();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
internal sealed partial class DockerJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
