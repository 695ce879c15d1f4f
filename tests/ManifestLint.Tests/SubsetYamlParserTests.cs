using System.Text;
using CsCheck;
using ManifestLint.Loading;
using YamlDotNet.Core;
using ManifestLint.Loading.Yaml;
using ManifestLint.Tests.Fuzz;

namespace ManifestLint.Tests;

/// <summary>SubsetYamlParser is held to YamlDotNet's parser: whenever it accepts a text, its tree is the one built from
/// YamlDotNet's events (values, styles, tags and spans of every node), and it never accepts a text YamlDotNet rejects.
/// Checked on every YAML file of the repository (fixtures, hostile inputs, examples) and on generated block-style
/// YAML, valid and mutated. (<see cref="YamlTreeTests"/> holds that tree to YamlDotNet's own representation model.)</summary>
public class SubsetYamlParserTests
{
    private const int Depth = 256;

    /// <summary>The tree built from YamlDotNet's events, described; null when YamlDotNet (or the tree's rules) rejects the text.</summary>
    private static List<string>? Reference(string text)
    {
        try
        {
            return YamlTrees.Describe(YamlText.Build(new Parser(new StringReader(text)), new YamlTreeBuilder(Depth)));
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Null when the subset parser declines the text; otherwise the first difference from YamlDotNet, or "".</summary>
    private static string? Difference(string text)
    {
        var documents = SubsetYamlParser.TryParse(text, Depth);
        if (documents is null) return null;
        var expected = Reference(text);
        if (expected is null) return "YamlDotNet rejects this text, the subset parser accepted it";
        return YamlTrees.FirstDifference(YamlTrees.Describe(documents), expected, "subset", "YamlDotNet");
    }

    private static void AssertSame(string text)
    {
        var difference = Difference(text);
        Assert.True(difference is null or "", $"{difference}\n--- text ---\n{text}");
    }

    [Fact]
    public void Every_yaml_file_of_the_repository_parses_as_YamlDotNet_parses_it()
    {
        var files = Directory.EnumerateFiles(Repo.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 300, $"only {files.Count} YAML files found");
        var accepted = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var difference = Difference(text);
            if (difference is null) continue;
            Assert.True(difference == "", $"{Path.GetRelativePath(Repo.Root, file)}: {difference}");
            accepted++;
        }
        // The fast path must be the common one, or it buys nothing.
        Assert.True(accepted * 10 > files.Count * 7, $"the subset parser read only {accepted} of {files.Count} files");
    }

    [Fact]
    public void The_crashloop_examples_manifests_all_take_the_fast_path()
    {
        foreach (var file in Directory.EnumerateFiles(Repo.Path_("testdata", "examples", "chat-app-crashloop", "k8s")))
        {
            var text = File.ReadAllText(file);
            Assert.NotNull(SubsetYamlParser.TryParse(text, Depth));
            AssertSame(text);
        }
    }

    [Theory]
    [InlineData("a: 1\nb:\n  c: x\n  d: [p, \"q\", 'r''s']\ne:\n- 1\n-\n- k: v\n  l: w\n")]
    [InlineData("---\na: |\n  l1\n\n  l2\n\n\nb: |-\n    x\n     y\nc: |+\n  keep\n\n")]
    [InlineData("a: |\n  no final break")]
    [InlineData("a: |-\n  x\n  \n  y\n")]
    [InlineData("- a\n- b: 1\n  c: |\n    x\n")]
    [InlineData("# c\n\nkind: Service # t\nspec:\n  ports:\n    - port: 80\n      targetPort: http\n---\nkind: ConfigMap\ndata: {}\n")]
    [InlineData("a: \"esc \\\" \\\\ \\n \\t \\u00e9 \\/\"\nb: ''\nc: \"\"\nd: [ ]\ne: {  }\nf: x,y [z] {w}\ng: -1\ni: a#b\n")]
    [InlineData("env:\n- name: A\n  value:\n- name: B\n  value: # none\n-\nnext: 1\n")]
    [InlineData("  indented: root\n  more: 2\n")]
    [InlineData("a:\n  - [x, y]\n  - []\n  - {}\n")]
    [InlineData("a: [x, ]\nb: [ 'q' , \"r\" ]\n")]
    [InlineData("v:\n- |\n  a b\n\n ")]         // found by the mutation test: a last line of bare spaces, no break
    [InlineData("a: |\n  x\n  ")]
    [InlineData("a: |+\n  x\n\n ")]
    [InlineData("a: |-\n  x\n \n ")]
    public void Block_style_yaml_is_read_exactly_as_YamlDotNet_reads_it(string text)
    {
        Assert.NotNull(SubsetYamlParser.TryParse(text, Depth));
        AssertSame(text);
    }

    [Theory]
    [InlineData("a: &x 1\nb: *x\n")]                 // anchors and aliases
    [InlineData("a: !!str 1\n")]                    // tags
    [InlineData("%YAML 1.2\n---\na: 1\n")]          // directives
    [InlineData("a: >\n  folded\n")]                // folded scalars
    [InlineData("a: b\n  c\n")]                     // multi-line plain scalar
    [InlineData("a: \"x\n  y\"\n")]                 // multi-line quoted scalar
    [InlineData("\"k\": v\n")]                      // quoted key
    [InlineData("a: {b: 1}\n")]                     // flow mapping
    [InlineData("a: [b, [c]]\n")]                   // nested flow
    [InlineData("a: [b,\n  c]\n")]                  // multi-line flow
    [InlineData("a:\tb\n")]                          // tab
    [InlineData("a: b\r\n")]                        // CR
    [InlineData("a: caf\u00e9\n")]                  // non-ASCII
    [InlineData("? a\n: b\n")]                      // complex key
    [InlineData("- :x\n")]                          // YamlDotNet reads this as `x`
    [InlineData("- - a\n")]                         // compact nested sequence
    [InlineData("a: b: c\n")]                       // an error: YamlDotNet reports it
    [InlineData("a: 1\n b: 2\n")]                   // an error
    [InlineData("a: [1, 2\n")]                      // an error
    [InlineData("---\n---\na: 1\n")]                // an empty document
    [InlineData("scalar document\n")]               // a root scalar
    [InlineData("a: |2\n   x\n")]                   // indentation indicator
    [InlineData("a: \"\\x41\"\n")]                  // an escape outside the subset
    [InlineData("a: ...\n...\n")]                   // document end marker
    public void Yaml_outside_the_subset_is_left_to_YamlDotNet(string text)
    {
        Assert.Null(SubsetYamlParser.TryParse(text, Depth));
    }

    /// <summary>`SUBSET_YAML_ITERATIONS=200000` for more cases; with `PROPERTY_SEED=random`, new ones.</summary>
    private static long Iterations(long ci) => long.TryParse(Environment.GetEnvironmentVariable("SUBSET_YAML_ITERATIONS"), out var n) ? n : ci;

    [Fact]
    public void Generated_block_yaml_parses_as_YamlDotNet_parses_it()
    {
        var accepted = 0;
        Property.Check(YamlGen.Document, text =>
        {
            var difference = Difference(text);
            if (difference == "") Interlocked.Increment(ref accepted);
            Assert.True(difference is null or "", $"{difference}\n--- text ---\n{text}");
        }, iter: Iterations(4000));
        Assert.True(accepted > 400, $"the generator produced only {accepted} texts in the subset");
    }

    [Fact]
    public void Mutated_block_yaml_is_never_accepted_when_YamlDotNet_rejects_it_and_otherwise_reads_the_same()
    {
        Property.Check(YamlGen.Mutated, AssertSame, iter: Iterations(8000));
    }
}

/// <summary>Block-style YAML in the shapes manifests take, with every scalar style, comments, blank lines and
/// several documents (one text per seed); and the same texts with a few random edits.</summary>
internal static class YamlGen
{
    private static readonly string[] Plain = ["a", "app", "x y", "1", "-1", "3000", "http://h:80/p?q=1", "a#b", "nginx:1.25", "true", "~", "null", "-x", ":x", "a, b", "[x]y", "k8s.io/name", "0.5", "v1"];
    private static readonly string[] Quoted = ["\"\"", "\"x\"", "\"a b\"", "\"\\\"q\\\"\"", "\"t\\tn\\n\"", "\"\\u0041\"", "\"a\\\\b\"", "\"#x\"", "\": \"",
        "''", "'x'", "'it''s'", "'a: b'", "'# c'"];
    private static readonly string[] Flow = ["[]", "{}", "[a, \"b\", 'c']", "[ x ]", "[1,2,]"];
    private static readonly string[] Keys = ["name", "kind", "apiVersion", "spec", "data", "env", "value", "image", "ports", "a b", "app.kubernetes.io/name", "x-y", "k1"];
    private static readonly string[] LiteralLines = ["x", "a b", "  more", "# not a comment", "", "key: v"];
    private static readonly string[] Comments = ["", "", "", " # note", "  #x"];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>A node after its owner's `key:` or `-` (the indicator is already written); <paramref name="indent"/> is the owner's.</summary>
    private static void Node(Random random, int depth, int indent, bool underKey, StringBuilder text)
    {
        var kind = depth == 0 ? random.Next(5) : random.Next(9);
        if (kind < 3)
        {
            var scalar = random.Next(10) switch { < 6 => Pick(random, Plain), < 9 => Pick(random, Quoted), _ => Pick(random, Flow) };
            text.Append(' ').Append(scalar).Append(Pick(random, Comments)).Append('\n');
        }
        else if (kind == 3 || kind == 4)
        {
            text.Append(" |").Append(Pick(random, new[] { "", "-", "+" })).Append('\n');
            for (var i = random.Next(1, 5); i > 0; i--)
            {
                var l = Pick(random, LiteralLines);
                if (l.Length == 0) text.Append('\n');
                else text.Append(' ', indent + 2).Append(l).Append('\n');
            }
        }
        else
        {
            text.Append(Pick(random, Comments)).Append('\n');
            var mapping = kind < 7;
            var inner = !mapping && underKey && random.Next(2) == 0 ? indent : indent + Pick(random, new[] { 1, 2, 2, 4 });
            Entries(random, depth - 1, inner, mapping, compactFirst: false, text);
        }
    }

    private static void Entries(Random random, int depth, int inner, bool mapping, bool compactFirst, StringBuilder text)
    {
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            if (random.Next(8) == 0) text.Append(random.Next(2) == 0 ? "\n" : new string(' ', random.Next(6)) + "# comment\n");
            if (!compactFirst) text.Append(' ', inner);
            compactFirst = false;
            if (mapping)
            {
                text.Append(Pick(random, Keys)).Append(':');
                Node(random, depth, inner, underKey: true, text);
            }
            else if (depth > 0 && random.Next(3) == 0)
            {
                text.Append("- "); // `- key: value`, the mapping's other keys under the first
                Entries(random, depth - 1, inner + 2, mapping: true, compactFirst: true, text);
            }
            else
            {
                text.Append('-');
                Node(random, depth, inner, underKey: false, text);
            }
        }
    }

    private static string Build(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var documents = random.Next(1, 4);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(3) == 0) text.Append("---").Append(random.Next(3) == 0 ? " # doc" : "").Append('\n');
            Entries(random, 4, random.Next(4) == 0 ? 2 : 0, mapping: random.Next(4) > 0, compactFirst: false, text);
        }
        return text.ToString();
    }

    public static readonly Gen<string> Document = Gen.Int.Select(Build);

    private const string EditChars = " -:#\n'\"|[]{},ab1&*!>?";

    public static readonly Gen<string> Mutated = Gen.Int.Select(seed =>
    {
        var random = new Random(seed);
        var sb = new StringBuilder(Build(random.Next()));
        for (var e = random.Next(1, 4); e > 0 && sb.Length > 0; e--)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(4))
            {
                case 0: sb.Remove(at, 1); break;
                case 1: sb.Insert(at, EditChars[random.Next(EditChars.Length)]); break;
                case 2: sb.Insert(at, " ", random.Next(1, 3)); break;
                default: sb[at] = EditChars[random.Next(EditChars.Length)]; break;
            }
        }
        return sb.ToString();
    });
}
