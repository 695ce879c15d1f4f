using System.Buffers;
using System.Text;
using ManifestLint.Loading.Yaml;
using YamlDotNet.Core;

namespace ManifestLint.Loading;

/// <summary>Reads the block-style YAML nearly every Kubernetes manifest is written in straight into a
/// <see cref="YamlNode"/> tree, with the values, styles and marks YamlDotNet's own parser gives (a differential test
/// holds it to that), several times faster than YamlDotNet's general scanner and without its events. Anything outside
/// that subset — anchors, aliases, tags, directives, flow mappings, nested or multi-line flow sequences, multi-line
/// plain or quoted scalars, folded scalars, quoted keys, tabs, CR, non-ASCII text — returns null, and the caller parses
/// the text with YamlDotNet, which also reports every error: this reader never decides that a text is invalid (a
/// duplicate key or the nesting limit met while building the tree also hands the text over, so that YamlDotNet's
/// parser reports whatever it meets first). Iterative (an explicit stack of open collections), so nesting depth costs
/// no recursion.</summary>
internal sealed class SubsetYamlParser
{
    /// <summary>Printable ASCII and LF: anything else (tabs, CR, control characters, non-ASCII) is left to YamlDotNet.</summary>
    private static readonly SearchValues<char> Supported = SearchValues.Create("\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Characters that cannot start a plain scalar (YAML c-indicator; `-`, `?` and `:` only when followed by a space).</summary>
    private static readonly SearchValues<char> Indicators = SearchValues.Create(",[]{}#&*!|>'\"%@`");

    /// <summary>What keys in the subset are made of (Kubernetes' are names, label keys and `<<`).</summary>
    private static readonly SearchValues<char> KeyCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-< ");

    private readonly record struct Block(bool IsMapping, int Indent, bool Indentless);

    /// <summary>A key or `-` whose value is not on its line: the next content line decides (nested block, or empty scalar).</summary>
    private readonly record struct Pending(int Indent, bool OwnerIsSequence, Mark EmptyAt);

    private sealed class Unsupported : Exception;

    private readonly string text;
    private readonly YamlTreeBuilder builder;
    private readonly List<Block> open = [];
    private int lineStart;
    private int line = 1;
    private int eol;
    private Pending? pending;

    private SubsetYamlParser(string text, int maxDepth) => (this.text, builder) = (text, new YamlTreeBuilder(maxDepth));

    /// <summary>The documents of <paramref name="text"/>, or null when it is not in the subset (or not valid).</summary>
    public static List<YamlNode>? TryParse(string text, int maxDepth)
    {
        if (text.AsSpan().IndexOfAnyExcept(Supported) >= 0) return null;
        try
        {
            var parser = new SubsetYamlParser(text, maxDepth);
            parser.ParseStream();
            return parser.builder.Documents;
        }
        catch (Exception ex) when (ex is Unsupported or YamlException or InvalidOperationException)
        {
            return null;
        }
    }

    private Mark At(int index) => new(index, line, index - lineStart + 1);

    private const int MaxSharedLength = 40;
    private const int MaxSharedStrings = 8192;

    /// <summary>Short texts seen by this thread's parses (keys, kinds, label values, ports repeat in every manifest),
    /// looked up by span: a repeated one costs no new string. Bounded; past the bound, texts are copied.</summary>
    [ThreadStatic] private static Dictionary<string, string>? shared;

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, shared when short.</summary>
    private string Short(int start, int end)
    {
        if (end - start > MaxSharedLength) return text[start..end];
        var table = shared ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var span = text.AsSpan(start, end - start);
        if (table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(span, out var known)) return known;
        var value = span.ToString();
        if (table.Count < MaxSharedStrings) table[value] = value;
        return value;
    }

    private void ParseStream()
    {
        var inDocument = false;      // a DocumentStart was emitted
        var hasContent = false;      // ... and its root node begun
        for (var p = 0; p < text.Length; p = NextLine())
        {
            lineStart = p;
            eol = text.IndexOf('\n', p);
            if (eol < 0) eol = text.Length;
            var indent = p;
            while (indent < eol && text[indent] == ' ') indent++;
            if (indent == eol || text[indent] == '#') continue; // blank or comment line
            var q = indent;
            if (q == p && IsMarker(p, "---"))
            {
                RestIsBlank(p + 3);
                if (inDocument) EndDocument(hasContent);
                builder.DocumentStart();
                inDocument = true;
                hasContent = false;
                continue;
            }
            if (q == p && (IsMarker(p, "...") || text[p] == '%')) throw new Unsupported();
            if (!hasContent)
            {
                if (!inDocument) builder.DocumentStart();
                inDocument = hasContent = true;
                if (IsDash(q)) OpenSequence(q, indentless: false);
                else OpenMapping(q);
                Entry(q);
                continue;
            }
            ContentLine(q);
        }
        if (inDocument) EndDocument(hasContent);
    }

    /// <summary>Moves past the current line (after a block scalar, <see cref="eol"/> and <see cref="line"/> are those of
    /// the last line it consumed).</summary>
    private int NextLine()
    {
        if (eol >= text.Length) return text.Length;
        line++;
        return eol + 1;
    }

    private void EndDocument(bool hasContent)
    {
        if (!hasContent) throw new Unsupported(); // an empty document: YamlDotNet's marks for its null root are its own
        ResolvePendingAsEmpty();
        while (open.Count > 0) Close();
        builder.DocumentEnd();
    }

    private void ResolvePendingAsEmpty()
    {
        if (pending is { } pd) EmptyScalar(pd.EmptyAt);
        pending = null;
    }

    /// <summary>A key or `-` with no value: YamlDotNet's empty plain scalar, marked right after the indicator.</summary>
    private void EmptyScalar(Mark at) => builder.Scalar("", ScalarStyle.Plain, at, at);

    /// <summary>A line with content at <paramref name="q"/> inside the document's root collection.</summary>
    private void ContentLine(int q)
    {
        var indent = q - lineStart;
        if (pending is { } pd)
        {
            pending = null;
            var dash = IsDash(q);
            if (indent > pd.Indent || indent == pd.Indent && dash && !pd.OwnerIsSequence)
            {
                if (dash) OpenSequence(q, indentless: indent == pd.Indent);
                else OpenMapping(q);
                Entry(q);
                return;
            }
            EmptyScalar(pd.EmptyAt);
        }
        while (open.Count > 0 && (open[^1].Indent > indent || open[^1].Indentless && open[^1].Indent == indent && !IsDash(q))) Close();
        // Content after the root node, a more-indented line (a multi-line scalar), or an indentation no block has.
        if (open.Count == 0 || open[^1].Indent != indent) throw new Unsupported();
        Entry(q);
    }

    private void Close()
    {
        open.RemoveAt(open.Count - 1);
        builder.CollectionEnd();
    }

    private void OpenSequence(int q, bool indentless)
    {
        open.Add(new Block(false, q - lineStart, indentless));
        // YamlDotNet ends an indentless sequence's start mark after its first `-`.
        builder.SequenceStart(At(q), At(indentless ? q + 1 : q));
    }

    private void OpenMapping(int q)
    {
        open.Add(new Block(true, q - lineStart, false));
        builder.MappingStart(At(q), At(q));
    }

    /// <summary>A key or `-` entry of the innermost open collection, starting at <paramref name="q"/>.</summary>
    private void Entry(int q)
    {
        var block = open[^1];
        if (!block.IsMapping)
        {
            if (!IsDash(q)) throw new Unsupported();
            var r = SkipSpaces(q + 1);
            if (r == eol || text[r] == '#')
            {
                pending = new Pending(block.Indent, true, At(q + 1));
                return;
            }
            if (IsDash(r)) throw new Unsupported(); // `- - x`
            if (CanStartPlain(r) && ScanPlain(r).Colon >= 0)
            {
                OpenMapping(r); // `- key: value`: a mapping in the entry
                Entry(r);
                return;
            }
            Value(r, block.Indent, ownerIsSequence: true, default);
            return;
        }
        if (IsDash(q) || !CanStartPlain(q)) throw new Unsupported();
        var (end, colon) = ScanPlain(q);
        // Not a key, longer than YAML's simple keys, or with characters YamlDotNet reads its own way (`a *b: c` is one scalar).
        if (colon < 0 || colon - q > 1024 || text.AsSpan(q, end - q).IndexOfAnyExcept(KeyCharacters) >= 0) throw new Unsupported();
        builder.Scalar(Short(q, end), ScalarStyle.Plain, At(q), At(end));
        Value(SkipSpaces(colon + 1), block.Indent, ownerIsSequence: false, At(colon + 1));
    }

    /// <summary>The value after a key's `:` or an entry's `-`, at <paramref name="r"/> on the same line.</summary>
    private void Value(int r, int ownerIndent, bool ownerIsSequence, Mark emptyAt)
    {
        if (r == eol || text[r] == '#')
        {
            pending = new Pending(ownerIndent, ownerIsSequence, emptyAt);
            return;
        }
        switch (text[r])
        {
            case '"' or '\'':
                RestIsBlank(Quoted(r));
                return;
            case '[':
                FlowSequence(r);
                return;
            case '{':
                var close = SkipSpaces(r + 1);
                if (close == eol || text[close] != '}') throw new Unsupported(); // only `{}`
                builder.MappingStart(At(r), At(r));
                builder.CollectionEnd();
                RestIsBlank(close + 1);
                return;
            case '|':
                Literal(r, ownerIndent);
                return;
        }
        if (!CanStartPlain(r)) throw new Unsupported();
        var (end, colon) = ScanPlain(r);
        if (colon >= 0) throw new Unsupported(); // `a: b: c` is an error: YamlDotNet says so
        builder.Scalar(Short(r, end), ScalarStyle.Plain, At(r), At(end));
    }

    /// <summary>A plain scalar in block context from <paramref name="q"/>: its end (trailing spaces trimmed) and the `: `
    /// that ends it as a key, if any. It also ends at ` #` (a comment) or the end of the line.</summary>
    private (int End, int Colon) ScanPlain(int q)
    {
        var end = q;
        for (var i = q; i < eol; i++)
        {
            var c = text[i];
            if (c == ':' && (i + 1 == eol || text[i + 1] == ' ')) return (end, i);
            if (c == '#' && text[i - 1] == ' ') break;
            if (c != ' ') end = i + 1;
        }
        return (end, -1);
    }

    /// <summary>`[a, "b", 'c']` on one line, scalars only.</summary>
    private void FlowSequence(int r)
    {
        builder.SequenceStart(At(r), At(r));
        var i = SkipSpaces(r + 1);
        while (true)
        {
            if (i == eol) throw new Unsupported(); // continues on the next line
            if (text[i] == ']') break;
            if (text[i] is '"' or '\'') i = Quoted(i);
            else
            {
                if (!CanStartPlain(i) || text[i] == '-') throw new Unsupported(); // `[-, x]` is an error
                var first = i;
                var end = i;
                for (; i < eol; i++)
                {
                    var c = text[i];
                    if (c is ',' or ']') break;
                    // Nested collections, a `key: value` pair, or a comment inside the brackets.
                    if (c is '[' or '{' or '}' || c == ':' && (i + 1 == eol || text[i + 1] is ' ' or ',' or ']') || c == '#' && text[i - 1] == ' ') throw new Unsupported();
                    if (c != ' ') end = i + 1;
                }
                builder.Scalar(Short(first, end), ScalarStyle.Plain, At(first), At(end));
            }
            i = SkipSpaces(i);
            if (i == eol) throw new Unsupported();
            if (text[i] == ',') i = SkipSpaces(i + 1);
            else if (text[i] != ']') throw new Unsupported();
        }
        builder.CollectionEnd();
        RestIsBlank(i + 1);
    }

    /// <summary>A single-line quoted scalar at <paramref name="r"/>; returns the index after its closing quote.</summary>
    private int Quoted(int r)
    {
        var quote = text[r];
        StringBuilder? value = null;
        var runStart = r + 1;
        var i = r + 1;
        for (; ; i++)
        {
            if (i == eol) throw new Unsupported(); // continues on the next line (or is unterminated)
            var c = text[i];
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < eol && text[i + 1] == '\'')
                {
                    (value ??= new StringBuilder()).Append(text, runStart, i + 1 - runStart);
                    runStart = ++i + 1;
                    continue;
                }
                break;
            }
            if (c != '\\' || quote == '\'') continue;
            (value ??= new StringBuilder()).Append(text, runStart, i - runStart);
            if (i + 1 == eol) throw new Unsupported();
            var escaped = text[++i];
            switch (escaped)
            {
                case '\\' or '"' or '/': value.Append(escaped); break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case '0': value.Append('\0'); break;
                case 'u' when i + 4 < eol && ushort.TryParse(text.AsSpan(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code) && !char.IsSurrogate((char)code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default: throw new Unsupported();
            }
            runStart = i + 1;
        }
        var result = value is null ? Short(r + 1, i) : value.Append(text, runStart, i - runStart).ToString();
        builder.Scalar(result, quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, At(r), At(i + 1));
        return i + 1;
    }

    /// <summary>A literal block scalar (`|`, `|-`, `|+`) whose header is at <paramref name="r"/>; consumes its lines.
    /// Its content must be indented more than <paramref name="ownerIndent"/>, the collection holding it.</summary>
    private void Literal(int r, int ownerIndent)
    {
        var i = r + 1;
        var chomp = i < eol && text[i] is '-' or '+' ? text[i++] : ' ';
        RestIsBlank(i);
        var start = At(r);
        var value = new StringBuilder();
        var contentIndent = -1;
        var blanks = 0;            // empty lines not yet known to be inside the content
        var endsWithBreak = true;  // the last content line ends with a line break (not the end of the text)
        var next = eol + 1;        // start of the line being read, and its number
        var nextLine = line + 1;
        Mark end = default;
        while (true)
        {
            if (next >= text.Length)
            {
                end = new Mark(text.Length, nextLine, 1); // the text ends with a line break
                next = text.Length;
                break;
            }
            var lineEnd = text.IndexOf('\n', next);
            if (lineEnd < 0) lineEnd = text.Length;
            var spaces = next;
            while (spaces < lineEnd && text[spaces] == ' ') spaces++;
            if (spaces == lineEnd)
            {
                // An empty line: more spaces than the content's indentation would be content (kept out of the subset).
                if (spaces > next && (contentIndent < 0 || spaces - next > contentIndent)) throw new Unsupported();
                if (lineEnd < text.Length) blanks++; // bare spaces with no line break after them add nothing
            }
            else
            {
                var indent = spaces - next;
                if (contentIndent < 0)
                {
                    if (indent <= ownerIndent) throw new Unsupported(); // an empty block scalar
                    contentIndent = indent;
                }
                if (indent < contentIndent)
                {
                    end = new Mark(next, nextLine, 1); // YamlDotNet ends it at the first column of the next token's line
                    break;
                }
                value.Append('\n', blanks).Append(text, next + contentIndent, lineEnd - next - contentIndent);
                blanks = 0;
                endsWithBreak = lineEnd < text.Length;
                if (endsWithBreak) value.Append('\n');
            }
            if (lineEnd == text.Length)
            {
                // YamlDotNet moves the end past content, and past line breaks, never past a last line's bare spaces.
                end = spaces == lineEnd ? new Mark(next, nextLine, 1) : new Mark(text.Length, nextLine, text.Length - next + 1);
                next = text.Length;
                break;
            }
            next = lineEnd + 1;
            nextLine++;
        }
        if (contentIndent < 0) throw new Unsupported(); // nothing but empty lines: an empty block scalar
        if (chomp == '-' && endsWithBreak) value.Length--;
        else if (chomp == '+') value.Append('\n', blanks);
        builder.Scalar(value.ToString(), ScalarStyle.Literal, start, end);
        // The line loop resumes at `next` (NextLine steps past `eol`), or stops at the end of the text.
        if (next == text.Length)
        {
            eol = text.Length;
            line = (int)end.Line;
        }
        else
        {
            eol = next - 1;
            line = nextLine - 1;
        }
    }

    /// <summary>Only spaces or a comment may follow from <paramref name="i"/> to the end of the line.</summary>
    private void RestIsBlank(int i)
    {
        var j = SkipSpaces(i);
        if (j < eol && !(text[j] == '#' && j > i)) throw new Unsupported();
    }

    private int SkipSpaces(int i)
    {
        while (i < eol && text[i] == ' ') i++;
        return i;
    }

    private bool IsDash(int q) => text[q] == '-' && (q + 1 == eol || text[q + 1] == ' ');

    private bool IsMarker(int p, string marker) =>
        string.CompareOrdinal(text, p, marker, 0, 3) == 0 && (p + 3 == eol || text[p + 3] == ' ');

    private bool CanStartPlain(int q)
    {
        var c = text[q];
        if (Indicators.Contains(c) || c is '?' or ':') return false; // YamlDotNet reads `- :x` as the value `x`
        return c != '-' || q + 1 < eol && text[q + 1] != ' ';
    }
}
