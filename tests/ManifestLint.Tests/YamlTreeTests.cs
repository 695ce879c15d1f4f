using CsCheck;
using ManifestLint.Tests.Fuzz;
using ManifestLint.Loading;
using ManifestLint.Loading.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using RM = YamlDotNet.RepresentationModel;

namespace ManifestLint.Tests;

/// <summary>ManifestLint's YAML tree, built from YamlDotNet's events, is YamlDotNet's representation model in the
/// parts the loaders read: the same documents, node kinds, scalar values, styles and tags, spans, shared alias
/// targets, and the same errors at the same place (a duplicate key among them). It differs only where ManifestLint
/// is stricter on purpose (nesting limit, an alias inside the node it names, an alias with no anchor before it).</summary>
public class YamlTreeTests
{
    private const int Depth = 256;

    private static readonly string[] GuardMessages = ["nesting is deeper than", "is used inside the node it names", "has no anchor"];

    private static (List<string>? Tree, string? Error) Ours(string text) =>
        YamlText.TryLoad(text, Depth, out var documents, out var error) ? (YamlTrees.Describe(documents), null) : (null, $"{error.Line}:{error.Column} {error.Message}");

    private static (List<string>? Tree, string? Error) Reference(string text)
    {
        var stream = new RM.YamlStream();
        try
        {
            stream.Load(new DepthGuard(new Parser(new StringReader(text))));
            return (YamlTrees.Describe(stream.Documents.Select(d => d.RootNode)), null);
        }
        catch (YamlException ex)
        {
            return (null, $"{Math.Max(ex.Start.Line, 1)}:{Math.Max(ex.Start.Column, 1)} {ex.Message}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return (null, "invalid structure " + ex.Message);
        }
    }

    /// <summary>"" when both agree, else what differs.</summary>
    private static string Difference(string text)
    {
        var (tree, error) = Ours(text);
        var (expected, expectedError) = Reference(text);
        if (error is not null && GuardMessages.Any(error.Contains)) return "";
        if (tree is not null && expected is not null) return YamlTrees.FirstDifference(tree, expected, "ours", "YamlDotNet");
        if (tree is not null) return $"YamlDotNet rejects it ({expectedError}), the tree builder accepts it";
        if (expected is not null) return $"the tree builder rejects it ({error}), YamlDotNet accepts it";
        if (expectedError!.StartsWith("invalid structure", StringComparison.Ordinal)) return error!.Contains("invalid YAML structure", StringComparison.Ordinal) ? "" : $"ours: {error}; YamlDotNet: {expectedError}";
        // Same message at the same place (tab errors are moved to the tab by YamlErrorLocation: compare the message only).
        return error == expectedError || error!.Contains(" tab", StringComparison.Ordinal) && error.EndsWith(expectedError![expectedError!.IndexOf(' ')..], StringComparison.Ordinal)
            ? "" : $"errors differ:\n  ours:       {error}\n  YamlDotNet: {expectedError}";
    }

    private static void AssertSame(string text)
    {
        var difference = Difference(text);
        Assert.True(difference == "", $"{difference}\n--- text ---\n{text}");
    }

    [Fact]
    public void Every_yaml_file_of_the_repository_loads_as_YamlDotNet_loads_it()
    {
        var files = Directory.EnumerateFiles(Repo.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 300, $"only {files.Count} YAML files found");
        foreach (var file in files)
        {
            var difference = Difference(File.ReadAllText(file));
            Assert.True(difference == "", $"{Path.GetRelativePath(Repo.Root, file)}: {difference}");
        }
    }

    [Theory]
    [InlineData("a: &x {k: v}\nb: *x\nc: &x [1]\nd: *x\n")]         // an alias is the node its anchor last named
    [InlineData("base: &b {image: app, port: 80}\nweb:\n  <<: *b\n  port: 81\n")]
    [InlineData("a: !!str 1\nb: !custom x\n\"q\": 'single'\n? complex\n: value\n")]
    [InlineData("a: >\n  folded\n  text\nb: |2\n   indented\n")]
    [InlineData("{a: 1, b: [x, {y: z}], c: }\n")]
    [InlineData("--- 1\n--- [a]\n...\n---\n")]
    [InlineData("%YAML 1.2\n---\na: 1\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("a: 1\na: 2\n")]                                    // duplicate key
    [InlineData("a: 1\n\"a\": 2\n")]                                // ... whatever the quoting
    [InlineData("!!str a: 1\n!!str a: 2\n")]                        // ... same tag
    [InlineData("a: 1\n!!str a: 2\n")]                              // different tags: two keys
    [InlineData("m:\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  e: 5\n  f: 6\n  g: 7\n  h: 8\n  i: 9\n  j: 10\n  c: 11\n")] // past the linear scan
    [InlineData("a: {x: [1, 2}\n")]                                  // errors
    [InlineData("a: b: c\n")]
    [InlineData("a:\n\t- b\n")]
    [InlineData("a: *nowhere\n")]
    public void Yaml_loads_as_YamlDotNet_loads_it(string text) => AssertSame(text);

    [Fact]
    public void A_duplicate_key_is_reported_at_the_key_once_its_value_is_read()
    {
        Assert.False(YamlText.TryLoad("kind: Service\nmetadata:\n  name: a\nkind: Pod\n", Depth, out _, out var error));
        Assert.Equal((4, 1, "Duplicate key kind"), (error.Line, error.Column, error.Message));
        // An error inside the value comes first, as in YamlDotNet.
        Assert.False(YamlText.TryLoad("a: 1\na: [*none]\n", Depth, out _, out error));
        Assert.Contains("has no anchor", error.Message);
    }

    [Fact]
    public void Guards_stop_what_the_representation_model_would_accept()
    {
        Assert.False(YamlText.TryLoad("a: &x [*x]\n", Depth, out _, out var cycle));
        Assert.Equal((1, 8), (cycle.Line, cycle.Column));
        Assert.Contains("is used inside the node it names", cycle.Message);
        Assert.False(YamlText.TryLoad(new string('[', 5) + new string(']', 5), 4, out _, out var deep));
        Assert.True(deep.TooDeep);
        Assert.True(YamlText.TryLoad(new string('[', 4) + new string(']', 4), 4, out _, out _));
    }

    [Fact]
    public void An_alias_is_the_node_it_names()
    {
        Assert.True(YamlText.TryLoad("a: &x {k: v}\nb: *x\n", Depth, out var documents, out _));
        var root = (YamlMappingNode)documents[0];
        Assert.Same(root.Children[0].Value, root.Children[1].Value);
    }

    [Fact]
    public void Generated_and_mutated_yaml_loads_as_YamlDotNet_loads_it()
    {
        Property.Check(YamlGen.Document, AssertSame, iter: 1500);
        Property.Check(YamlGen.Mutated, AssertSame, iter: 3000);
    }

    /// <summary>YamlDotNet's representation model recurses per level: stop it where the builder stops.</summary>
    private sealed class DepthGuard(IParser inner) : IParser
    {
        private int depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            if (inner.Current is MappingStart or SequenceStart && ++depth > Depth) throw new YamlException(inner.Current.Start, inner.Current.End, "nesting is deeper than the limit");
            if (inner.Current is MappingEnd or SequenceEnd) depth--;
            return true;
        }
    }
}

/// <summary>A YAML tree as lines (node kind, span, style, tag, value; indented by depth), for comparing trees. A node
/// met again (an alias target) is written as a reference to its first appearance, so alias bombs stay small.</summary>
internal static class YamlTrees
{
    public static List<string> Describe(IEnumerable<YamlNode> documents) => Describe(documents.Cast<object>(), node => node switch
    {
        YamlScalarNode s => ($"scalar {s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column} {s.Style} tag={s.Tag} \"{s.Value.Replace("\n", "\\n")}\"", []),
        YamlMappingNode m => ($"mapping {m.Start.Line}:{m.Start.Column}-{m.End.Line}:{m.End.Column}", m.Children.SelectMany(c => new object[] { c.Key, c.Value }).ToList()),
        YamlSequenceNode q => ($"sequence {q.Start.Line}:{q.Start.Column}-{q.End.Line}:{q.End.Column}", q.Children.Cast<object>().ToList()),
        _ => throw new InvalidOperationException(),
    });

    public static List<string> Describe(IEnumerable<RM.YamlNode> documents) => Describe(documents.Cast<object>(), node => node switch
    {
        RM.YamlScalarNode s => ($"scalar {s.Start.Line}:{s.Start.Column}-{s.End.Line}:{s.End.Column} {s.Style} tag={(s.Tag.IsEmpty ? "" : s.Tag.Value)} \"{s.Value!.Replace("\n", "\\n")}\"", []),
        RM.YamlMappingNode m => ($"mapping {m.Start.Line}:{m.Start.Column}-{m.End.Line}:{m.End.Column}", m.Children.SelectMany(c => new object[] { c.Key, c.Value }).ToList()),
        RM.YamlSequenceNode q => ($"sequence {q.Start.Line}:{q.Start.Column}-{q.End.Line}:{q.End.Column}", q.Children.Cast<object>().ToList()),
        _ => ($"unresolved {node.GetType().Name}", []),
    });

    private static List<string> Describe(IEnumerable<object> documents, Func<object, (string Line, List<object> Children)> read)
    {
        var lines = new List<string>();
        var seen = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        foreach (var document in documents)
        {
            lines.Add("document");
            var pending = new Stack<(object Node, int Depth)>();
            pending.Push((document, 1));
            while (pending.Count > 0)
            {
                var (node, depth) = pending.Pop();
                if (seen.TryGetValue(node, out var first))
                {
                    lines.Add($"{new string(' ', depth)}#{first}");
                    continue;
                }
                var (line, children) = read(node);
                if (children.Count > 0) seen[node] = lines.Count;
                lines.Add(new string(' ', depth) + line);
                for (var i = children.Count - 1; i >= 0; i--) pending.Push((children[i], depth + 1));
            }
        }
        return lines;
    }

    /// <summary>"" when equal, else the first line that differs.</summary>
    public static string FirstDifference(List<string> actual, List<string> expected, string actualName, string expectedName)
    {
        for (var i = 0; i < Math.Max(actual.Count, expected.Count); i++)
        {
            var a = i < actual.Count ? actual[i] : "(none)";
            var b = i < expected.Count ? expected[i] : "(none)";
            if (a != b) return $"line {i}:\n  {actualName}: {a}\n  {expectedName}: {b}";
        }
        return "";
    }
}
