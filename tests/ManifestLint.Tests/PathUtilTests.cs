using CsCheck;
using ManifestLint.Tests.Fuzz;
using ManifestLint.Linking;

namespace ManifestLint.Tests;

/// <summary>Project-relative path arithmetic, held to the plain split-and-join definition of it.</summary>
public class PathUtilTests
{
    [Theory]
    [InlineData("services/api/src", "./routes/a.js", "services/api/src/routes/a.js")]
    [InlineData("services/api/src", "../lib/db.js", "services/api/lib/db.js")]
    [InlineData("a", "../../x", "x")]
    [InlineData("", "./x.js", "x.js")]
    [InlineData("a/b", "", "a/b")]
    [InlineData("a//b/", "./c/./d/../e", "a/b/c/e")]
    [InlineData("a/b", "..", "a")]
    [InlineData("a/b", "../..", "")]
    public void Join_resolves_dot_segments(string dir, string relative, string expected) =>
        Assert.Equal(expected, PathUtil.Join(dir, relative));

    [Fact]
    public void Join_matches_split_and_join_for_generated_paths()
    {
        string[] parts = ["a", "src", "x.js", ".", "..", "", "node_modules", "é"];
        var path = Gen.Int[0, parts.Length - 1].Array[0, 12].Select(ix => string.Join('/', ix.Select(i => parts[i])));
        Property.Check(Gen.Select(path, path), p => Assert.Equal(Reference(p.Item1, p.Item2), PathUtil.Join(p.Item1, p.Item2)), iter: 20_000);
        // Long enough to take the rented buffer.
        var longDir = string.Join('/', Enumerable.Repeat("segment", 60));
        Assert.Equal(Reference(longDir, "../x/./y"), PathUtil.Join(longDir, "../x/./y"));
    }

    [Theory]
    [InlineData("charts/web/Chart.yaml", true)]
    [InlineData("Chart.yaml", true)]
    [InlineData("charts/web/MyChart.yaml", false)]
    [InlineData("charts/Chart.yaml/values.yaml", false)]
    public void LastSegmentIs_compares_the_whole_last_segment(string path, bool expected) =>
        Assert.Equal(expected, PathUtil.LastSegmentIs(path, "Chart.yaml"));

    [Theory]
    [InlineData("a/b", "a/b/c.js", "c.js")]
    [InlineData("a/b", "a/bc/d.js", null)]
    [InlineData("a/b", "a/b", null)]
    [InlineData("", "x/y", "x/y")]
    public void Relative_is_null_outside_the_folder(string dir, string path, string? expected) =>
        Assert.Equal(expected, PathUtil.Relative(dir, path));

    private static string Reference(string dir, string relative)
    {
        var kept = new List<string>();
        foreach (var part in (dir.Length == 0 ? relative : dir + "/" + relative).Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (kept.Count > 0) kept.RemoveAt(kept.Count - 1); continue; }
            kept.Add(part);
        }
        return string.Join('/', kept);
    }
}
