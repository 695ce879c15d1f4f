namespace ManifestLint.Tests;

/// <summary>`limits:` in .manifestlint.yaml: each limit can be raised, the old top-level `maxFileBytes` still
/// works, and merge keys are resolved wherever kubectl resolves them. The ML005 fixtures cover each limit hit.</summary>
public class InputLimitsTests
{
    private const string Deep = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {}\n---\na: ";

    [Fact]
    public void Default_nesting_limit_stops_at_level_257_and_a_raised_one_reads_the_file()
    {
        var yaml = Deep + new string('[', 300) + new string(']', 300) + "\n";
        using var p = new TestProject().Write("deep.yaml", yaml);
        Assert.Equal(["ML005 deep.yaml:6:259"], p.Findings());
        Assert.DoesNotContain(p.Lint().Model.Objects, o => o.Name == "deep");

        p.Write(".manifestlint.yaml", "limits:\n  maxNestingDepth: 400\n");
        Assert.Empty(p.Findings());
        Assert.Single(p.Lint().Model.Objects, o => o.Name == "deep");
    }

    [Fact]
    public void Top_level_maxFileBytes_is_still_honoured_and_limits_maxFileBytes_overrides_it()
    {
        using var p = new TestProject().Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {K: " + new string('v', 500) + "}\n");
        p.Write(".manifestlint.yaml", "maxFileBytes: 400\n");
        Assert.Equal(["ML005 cm.yaml:1:1"], p.Findings());
        p.Write(".manifestlint.yaml", "maxFileBytes: 400\nlimits:\n  maxFileBytes: 4000\n");
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Total_input_limit_names_the_first_file_left_out_and_counts_the_rest()
    {
        using var p = new TestProject().Write(".manifestlint.yaml", "limits: {maxTotalBytes: 150}\n");
        foreach (var name in new[] { "a", "b", "c", "d" }) p.Write($"{name}.yaml", $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: {name}}}\ndata: {{K: v}}\n");
        var result = p.Lint();
        Assert.Equal(["ML005 c.yaml:1:1"], Hostile.Findings(result));
        Assert.StartsWith("this file (and 1 more file after it) is not read: the files before it already add up to the 150-byte total", result.Findings[0].Message);
        Assert.Equal(["a", "b"], result.Model.Objects.Select(o => o.Name));
    }

    /// <summary>kubectl merges `<<:` into ConfigMap data; before this the key `<<` itself was taken for a data key.</summary>
    [Fact]
    public void ConfigMap_data_merge_keys_are_resolved_with_own_keys_winning()
    {
        using var p = new TestProject().Write("cm.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
              annotations:
                base: &base {LOG_LEVEL: info, PORT: "80"}
            data:
              <<: *base
              PORT: "3000"
            """);
        var cm = Assert.Single(p.Lint().Model.Objects);
        var entries = cm.ConfigData!.Entries;
        Assert.Equal(["LOG_LEVEL", "PORT"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("3000", entries["PORT"].Value);
        Assert.Equal(9, entries["PORT"].ValueSpan.StartLine);
    }
}
