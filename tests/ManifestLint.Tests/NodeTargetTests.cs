using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Tests;

public class NodeTargetTests
{
    [Theory]
    [InlineData("node:20-alpine", "20.20.2", "20.0.0")]
    [InlineData("node:22.12-slim", "22.12.0", "22.12.0")]
    [InlineData("node:22.12.0", "22.12.0", "22.12.0")]
    [InlineData("docker.io/library/node:18.20.8-bookworm", "18.20.8", "18.20.8")]
    [InlineData("node:lts-alpine", "26.10.0", "26.0.0")]
    [InlineData("node:iron", "20.20.2", "20.0.0")]
    [InlineData("node:alpine", "26.10.0", "26.0.0")]
    [InlineData("node", "26.10.0", "26.0.0")]
    [InlineData("gcr.io/distroless/nodejs20-debian12", "20.20.2", "20.0.0")]
    public void Image_tags_map_to_release_spans(string image, string newest, string oldest)
    {
        var target = NodeTargetResolver.FromImage(image, "test")!;
        Assert.Equal((newest, oldest), (target.Newest.ToString(), target.Oldest.ToString()));
    }

    [Theory]
    [InlineData("node@sha256:0123abcd")]
    [InlineData("node:${NODE_VERSION}-alpine")]
    [InlineData("nginx:1.27")]
    public void Unreadable_or_foreign_images_give_no_version(string image) => Assert.Null(NodeTargetResolver.FromImage(image, "test"));

    [Theory]
    [InlineData("20.18.3", false)]
    [InlineData("20.19.0", true)]
    [InlineData("21.7.3", false)]
    [InlineData("22.6.0", false)]
    [InlineData("22.7.0", true)]
    [InlineData("24.0.0", true)]
    public void Syntax_detection_versions(string version, bool detects) =>
        Assert.Equal(detects, NodeFeatures.DetectsModuleSyntax(NodeVersion.Parse(version)!.Value));

    [Theory]
    [InlineData("20.18.3", false)]
    [InlineData("20.19.0", true)]
    [InlineData("22.11.0", false)]
    [InlineData("22.12.0", true)]
    public void Require_esm_versions(string version, bool requires) =>
        Assert.Equal(requires, NodeFeatures.RequiresEsm(NodeVersion.Parse(version)!.Value));

    [Fact]
    public void Sources_are_ordered_and_reported()
    {
        using var p = new TestProject()
            .Write("a/package.json", """{ "name": "a", "engines": { "node": ">=18.17 <21" } }""")
            .Write("b/package.json", """{ "name": "b", "engines": { "node": ">=18" } }""")
            .Write("b/Dockerfile", "FROM node:22.12-alpine AS base\nFROM base\nCMD [\"node\", \"index.js\"]\n")
            .Write("c/package.json", """{ "name": "c" }""")
            .Write("c/.nvmrc", "lts/jod\n")
            .Write("d/package.json", """{ "name": "d" }""");
        var targets = p.Lint().Model.NodeTargets;
        Assert.Equal("18.17.0", targets["a"].Newest.ToString());
        Assert.Contains("engines.node", targets["a"].Source);
        Assert.Equal("22.12.0", targets["b"].Newest.ToString());
        Assert.Equal("node:22.12-alpine in b/Dockerfile:1", targets["b"].Source);
        Assert.Equal(22, targets["c"].Newest.Major);
        Assert.StartsWith("default", targets["d"].Source);

        var pinned = Linter.Lint([p.Root], nodeVersion: "20.18").Model.NodeTargets;
        Assert.All(pinned.Values, t => Assert.Equal((20, 18), (t.Newest.Major, t.Newest.Minor)));
    }
}
