using System.Text.RegularExpressions;
using ManifestLint.Rules;

namespace ManifestLint.Tests;

/// <summary>Keeps rules, their docs, their fixtures and the README table in step (like ESLint's
/// checkRuleFiles and kube-linter's parity script).</summary>
public class RuleParityTests
{
    private static readonly string[] RequiredSections = ["## Why", "## Bad", "## Good", "## Fix"];

    public static TheoryData<string> RuleIds() => new(RuleRegistry.All.Select(r => r.Descriptor.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_matching_doc(string id)
    {
        var rule = RuleRegistry.Find(id)!.Descriptor;
        var path = Repo.Path_("rules", id + ".md");
        Assert.True(File.Exists(path), $"rules/{id}.md is missing");
        var doc = RuleDocs.Parse(File.ReadAllText(path));
        Assert.Equal(rule.Id, doc.Id);
        Assert.Equal(rule.Name, doc.Name);
        Assert.Equal(rule.Family, doc.Family);
        Assert.Equal(rule.DefaultLevel.ToString().ToLowerInvariant(), doc.Level);
        Assert.Matches("^(high|medium|low)$", doc.Precision);
        Assert.NotEmpty(doc.Tags);
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.StartsWith($"# {id} {rule.Name}: {doc.Title}", doc.Markdown);
        foreach (var section in RequiredSections)
        {
            Assert.Matches(new Regex("^" + Regex.Escape(section) + "\\s*$", RegexOptions.Multiline), doc.Markdown);
        }
        // The embedded copy is the file on disk (docs are never stale in the binary).
        var embedded = RuleDocs.For(id);
        Assert.NotNull(embedded);
        Assert.Equal(doc, embedded with { Tags = doc.Tags }, RuleDocComparer.Instance);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_bad_and_good_fixtures(string id)
    {
        var dir = Path.Combine(Repo.TestData, id);
        Assert.True(Directory.Exists(dir), $"testdata/{id} is missing");
        var cases = Directory.GetDirectories(dir).Select(Path.GetFileName).ToList();
        Assert.Contains(cases, c => c!.StartsWith("bad-", StringComparison.Ordinal));
        Assert.Contains(cases, c => c!.StartsWith("good-", StringComparison.Ordinal));
        Assert.All(cases, c => Assert.Matches("^(bad|good)-[a-z0-9-]+$", c));
    }

    [Fact]
    public void Every_doc_and_fixture_folder_has_a_rule()
    {
        foreach (var file in Directory.GetFiles(Repo.Path_("rules"), "*.md"))
        {
            Assert.NotNull(RuleRegistry.Find(Path.GetFileNameWithoutExtension(file)));
        }
        foreach (var dir in Directory.GetDirectories(Repo.TestData).Select(Path.GetFileName).Where(d => d is not ("examples" or "differential")))
        {
            Assert.NotNull(RuleRegistry.Find(dir!));
        }
    }

    [Fact]
    public void Rule_ids_and_names_are_unique_and_well_formed()
    {
        var all = RuleRegistry.All.Select(r => r.Descriptor).ToList();
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.Equal(all.Count, all.Select(d => d.Name).Distinct().Count());
        Assert.All(all, d => Assert.Matches("^ML[0-4][0-9]{2}$", d.Id));
        Assert.All(all, d => Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", d.Name));
        Assert.Equal(all.Select(d => d.Id).Order(StringComparer.Ordinal), all.Select(d => d.Id));
    }

    [Fact]
    public void Readme_rules_table_matches_docs()
    {
        var readme = File.ReadAllText(Repo.Path_("README.md"));
        var start = readme.IndexOf("<!-- rules-table:start -->", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- rules-table:end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "README lacks the rules-table markers");
        var rows = readme[start..end].Split('\n').Where(l => l.StartsWith("| [ML", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        var expected = RuleRegistry.All.Select(r =>
        {
            var doc = RuleDocs.For(r.Descriptor.Id)!;
            return $"| [{doc.Id}](rules/{doc.Id}.md) | {doc.Name} | {doc.Level} | {doc.Title} |";
        }).ToList();
        Assert.Equal(expected, rows);
    }

    private sealed class RuleDocComparer : IEqualityComparer<RuleDoc?>
    {
        public static readonly RuleDocComparer Instance = new();

        public bool Equals(RuleDoc? x, RuleDoc? y) => x is not null && y is not null && x.Id == y.Id && x.Markdown == y.Markdown && x.Title == y.Title;

        public int GetHashCode(RuleDoc? obj) => obj?.Id.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
