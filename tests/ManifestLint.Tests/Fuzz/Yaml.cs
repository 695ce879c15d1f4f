using System.Text;
using System.Text.RegularExpressions;

namespace ManifestLint.Tests.Fuzz;

/// <summary>A YAML node to render: scalars hold their rendered text (plain, quoted or tagged), keys too.</summary>
internal abstract record Y
{
    public static Y Null { get; } = new YScalar("null");

    /// <summary>A string: plain when that reads back as the same string, double-quoted otherwise.</summary>
    public static Y Str(string value) => new YScalar(Yaml.IsPlainString(value) ? value : Yaml.Quote(value));

    public static Y Int(long value) => new YScalar(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Y Raw(string text) => new YScalar(text);

    public static Y Map(params (string Key, Y Value)[] entries) => new YMap([.. entries]);

    public static Y Seq(params Y[] items) => new YSeq([.. items]);
}

internal sealed record YScalar(string Text) : Y;

/// <summary>A multi-line string: a literal (`|`) or folded (`>`) block scalar in block context, quoted in flow context.</summary>
internal sealed record YBlock(string Indicator, IReadOnlyList<string> Lines) : Y;

internal sealed record YMap(List<(string Key, Y Value)> Entries) : Y;

internal sealed record YSeq(List<Y> Items) : Y;

internal static partial class Yaml
{
    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./-]*$")]
    private static partial Regex PlainSafe();

    [GeneratedRegex(@"^(?i:null|true|false|yes|no|on|off|y|n|~)$")]
    private static partial Regex Reserved();

    public static bool IsPlainString(string value) => PlainSafe().IsMatch(value) && !Reserved().IsMatch(value);

    public static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u2028' or '\u2029' or '\u0085') sb.Append("\\u").Append(((int)c).ToString("X4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    public static string Unquote(string key) => key.Length >= 2 && key[0] is '"' or '\'' && key[^1] == key[0] ? key[1..^1] : key;

    /// <summary>A key as written: usually the plain word, now and then quoted (the same key to YAML).</summary>
    public static string Key(Tape t, string key) => t.Chance(3) ? (t.Chance(50) ? $"'{key}'" : $"\"{key}\"") : key;
}

/// <summary>Renders <see cref="Y"/> trees as block or flow YAML, with anchors, aliases (sometimes to a node that
/// is still open, which makes a cycle) and merge keys drawn from the tape. The output is valid YAML but for what
/// the tape asks for on purpose now and then: an alias to an anchor of an earlier document, a block scalar whose
/// lines are less indented than its first.</summary>
internal sealed class YamlWriter(Tape t)
{
    private readonly StringBuilder sb = new();
    private readonly List<(string Name, bool IsMap, bool Open)> anchors = [];
    private int anchorCount;

    /// <summary>Structural weirdness (anchors, aliases, flow style), in percent.</summary>
    public int Weird { get; init; }

    public string Text => sb.ToString();

    public YamlWriter Document(Y root)
    {
        if (!t.Chance(Weird / 2 + 1)) anchors.Clear(); // an alias into an earlier document is an error
        Value(root, 0, topLevel: true);
        return this;
    }

    public YamlWriter Line(string text)
    {
        sb.Append(text).Append('\n');
        return this;
    }

    private (string Prefix, Y? Alias) Decorate(Y node)
    {
        if (node is YScalar { Text: ['*', ..] }) return ("", null); // an alias takes no anchor
        if (anchors.Count > 0 && t.Chance(Weird / 4))
        {
            var candidates = anchors.Where(a => !a.Open || t.Chance(10)).ToList();
            if (candidates.Count > 0) return ("", Y.Raw("*" + t.Pick(candidates).Name + " "));
        }
        if (t.Chance(Weird / 3 + (node is YMap ? 2 : 0)))
        {
            var name = "a" + anchorCount++;
            anchors.Add((name, node is YMap, true));
            return ("&" + name + " ", null);
        }
        return ("", null);
    }

    private void Close(string prefix)
    {
        if (prefix.Length == 0) return;
        var name = prefix[1..^1];
        var i = anchors.FindIndex(a => a.Name == name);
        if (i >= 0) anchors[i] = anchors[i] with { Open = false };
    }

    private List<(string Key, Y Value)> WithMerge(YMap map)
    {
        var entries = map.Entries;
        var maps = anchors.Where(a => a.IsMap && !a.Open).ToList();
        if (maps.Count == 0 || !t.Chance(Weird / 3)) return entries;
        var merged = new List<(string, Y)>(entries);
        merged.Insert(t.Below(entries.Count + 1), ("<<", Y.Raw("*" + t.Pick(maps).Name + " ")));
        return merged;
    }

    private static string Spaces(int n) => new(' ', n);

    /// <summary>Writes a value right after `key:` (or at the start of a document), ending the line.</summary>
    private void Value(Y node, int indent, bool topLevel = false)
    {
        var (prefix, alias) = topLevel ? ("", null) : Decorate(node);
        if (alias is not null)
        {
            sb.Append(' ').Append(((YScalar)alias).Text.TrimEnd()).Append('\n');
            return;
        }
        if (node is YBlock block && !topLevel)
        {
            sb.Append(' ').Append(prefix).Append(block.Indicator).Append('\n');
            foreach (var line in block.Lines) sb.Append(line.Length == 0 ? "" : Spaces(indent + 2)).Append(line).Append('\n');
            Close(prefix);
            return;
        }
        var flow = !topLevel && (t.Chance(Weird / 2 + 5) || node is YMap { Entries.Count: 0 } || node is YSeq { Items.Count: 0 });
        if (node is YScalar or YBlock || flow)
        {
            if (!topLevel) sb.Append(' ');
            sb.Append(prefix);
            Flow(node);
            sb.Append('\n');
        }
        else if (node is YMap map)
        {
            if (prefix.Length > 0) sb.Append(' ').Append(prefix.TrimEnd());
            if (!topLevel) sb.Append('\n');
            var childIndent = topLevel ? 0 : indent + 2;
            foreach (var (key, value) in WithMerge(map))
            {
                sb.Append(Spaces(childIndent)).Append(key).Append(':');
                Value(value, childIndent);
            }
        }
        else if (node is YSeq seq)
        {
            if (prefix.Length > 0) sb.Append(' ').Append(prefix.TrimEnd());
            if (!topLevel) sb.Append('\n');
            // A sequence in a mapping may sit at the key's own indentation.
            var dash = topLevel ? 0 : t.Chance(50) ? indent : indent + 2;
            foreach (var item in seq.Items)
            {
                sb.Append(Spaces(dash)).Append("- ");
                Item(item, dash + 2);
            }
        }
        Close(prefix);
    }

    /// <summary>Writes a sequence item right after `- `, ending the line; <paramref name="indent"/> is its column.</summary>
    private void Item(Y node, int indent)
    {
        var (prefix, alias) = Decorate(node);
        if (alias is not null)
        {
            sb.Append(((YScalar)alias).Text.TrimEnd()).Append('\n');
            return;
        }
        if (node is YBlock block)
        {
            sb.Append(prefix).Append(block.Indicator).Append('\n');
            foreach (var line in block.Lines) sb.Append(line.Length == 0 ? "" : Spaces(indent)).Append(line).Append('\n');
            Close(prefix);
            return;
        }
        var flow = t.Chance(Weird / 2 + 5) || node is YScalar || node is YMap { Entries.Count: 0 } || node is YSeq { Items.Count: 0 };
        if (flow)
        {
            sb.Append(prefix);
            Flow(node);
            sb.Append('\n');
        }
        else if (node is YMap map)
        {
            var first = true;
            if (prefix.Length > 0)
            {
                sb.Append(prefix.TrimEnd()).Append('\n');
                first = false;
            }
            foreach (var (key, value) in WithMerge(map))
            {
                if (!first) sb.Append(Spaces(indent));
                first = false;
                sb.Append(key).Append(':');
                Value(value, indent);
            }
        }
        else if (node is YSeq seq)
        {
            var first = true;
            if (prefix.Length > 0)
            {
                sb.Append(prefix.TrimEnd()).Append('\n');
                first = false;
            }
            foreach (var item in seq.Items)
            {
                if (!first) sb.Append(Spaces(indent));
                first = false;
                sb.Append("- ");
                Item(item, indent + 2);
            }
        }
        Close(prefix);
    }

    private void Flow(Y node)
    {
        switch (node)
        {
            case YScalar s:
                sb.Append(s.Text);
                break;
            case YBlock b:
                sb.Append(Yaml.Quote(string.Join('\n', b.Lines) + (b.Indicator.Contains('-') ? "" : "\n")));
                break;
            case YMap m:
                sb.Append('{');
                var i = 0;
                foreach (var (key, value) in WithMerge(m))
                {
                    if (i++ > 0) sb.Append(", ");
                    sb.Append(key).Append(": ");
                    FlowChild(value);
                }
                sb.Append('}');
                break;
            case YSeq q:
                sb.Append('[');
                var j = 0;
                foreach (var item in q.Items)
                {
                    if (j++ > 0) sb.Append(", ");
                    FlowChild(item);
                }
                sb.Append(']');
                break;
        }
    }

    private void FlowChild(Y node)
    {
        var (prefix, alias) = Decorate(node);
        if (alias is not null)
        {
            sb.Append(((YScalar)alias).Text);
            return;
        }
        sb.Append(prefix);
        Flow(node);
        Close(prefix);
    }
}
