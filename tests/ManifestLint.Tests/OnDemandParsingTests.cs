using ManifestLint.Model;
using ManifestLint.Reporting;

namespace ManifestLint.Tests;

/// <summary>JavaScript is read and parsed only when a Node entry point reaches it; file texts are not kept, and a
/// code frame reads its file again.</summary>
public sealed class OnDemandParsingTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: api }
        spec:
          selector: { matchLabels: { app: api } }
          template:
            metadata: { labels: { app: api } }
            spec:
              containers:
                - name: api
                  image: acme/api:1
        """;

    private static TestProject Project() => new TestProject()
        .Write("api/package.json", """{ "name": "api", "type": "module", "scripts": { "start": "node src/server.js" } }""")
        .Write("api/src/server.js", "import { port } from './config.js';\nconsole.log(port);\n")
        .Write("api/src/config.js", "export const port = 8080;\n")
        // Not reached from any entry: a test helper and a script with a syntax error.
        .Write("api/test/helper.js", "const x = require('x');\n")
        .Write("api/scripts/broken.js", "function (\n")
        .Write("web/package.json", """{ "name": "web", "scripts": { "build": "vite build" }, "devDependencies": { "vite": "5" } }""")
        .Write("web/src/main.js", "import App from './App.jsx';\n<App />;\n");

    [Fact]
    public void Only_javascript_that_an_entry_reaches_is_parsed()
    {
        using var p = Project();
        var result = p.Lint();
        var modules = result.Model.Modules;
        Assert.Equal(5, modules.FileCount);
        Assert.Equal(2, modules.ParsedCount);
        Assert.True(modules.IsParsed("api/src/server.js"));
        Assert.True(modules.IsParsed("api/src/config.js"));
        Assert.False(modules.IsParsed("api/test/helper.js"));
        Assert.False(modules.IsParsed("api/scripts/broken.js"));
        Assert.False(modules.IsParsed("web/src/main.js"));
        // Files never read are not counted as linted, and their problems (ML001, ML101) are not reported.
        Assert.False(result.Model.Sources.Contains("api/scripts/broken.js"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_file_asked_for_by_many_threads_at_once_is_parsed_once()
    {
        using var p = Project();
        var result = p.Lint();
        var modules = result.Model.Modules;
        var before = result.Model.Sources.Count;
        var helpers = new JsModule?[16];
        var broken = new bool[16];
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            helpers[i] = modules.GetValueOrDefault("api/test/helper.js");
            broken[i] = modules.TryGetValue("api/scripts/broken.js", out _);
        });
        Assert.NotNull(helpers[0]);
        Assert.All(helpers, h => Assert.Same(helpers[0], h));
        Assert.All(broken, Assert.False);
        Assert.Equal(4, modules.ParsedCount);
        Assert.Single(modules.Problems, pr => pr.Span.File == "api/scripts/broken.js");
        // Each file read once: the two new files, once each.
        Assert.Equal(before + 2, result.Model.Sources.Count);
        Assert.True(result.Model.Sources.Contains("api/scripts/broken.js"));
        Assert.False(modules.TryGetValue("api/missing.js", out _));
        Assert.False(modules.IsJavaScript("api/package.json"));
    }

    [Fact]
    public void Read_files_are_counted_with_their_size()
    {
        using var p = Project();
        var sources = p.Lint().Model.Sources;
        // Two package.json files and the two JavaScript files an entry reaches.
        Assert.Equal(
            ["api/package.json", "api/src/config.js", "api/src/server.js", "web/package.json"],
            sources.Paths.Order(StringComparer.Ordinal));
        Assert.Equal(4, sources.Count);
        var expected = sources.Paths.Sum(f => File.ReadAllText(Path.Combine(p.Root, f)).Length);
        Assert.Equal(expected, sources.TotalChars);
        Assert.Null(sources.TextForDisplay("api/test/helper.js")); // never read: no code frame
    }

    [Fact]
    public void Texts_are_read_as_utf8_without_a_byte_order_mark_whatever_size_the_file_reports()
    {
        var dir = Directory.CreateTempSubdirectory("ml-read-").FullName;
        try
        {
            var bom = Path.Combine(dir, "bom.js");
            File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, (byte)'a', 0xC3, 0xA9, 0xFF, (byte)'\n']);
            Assert.Equal("a\u00e9\uFFFD\n", SourceFiles.ReadText(bom));
            var large = Path.Combine(dir, "large.js");
            var text = string.Concat(Enumerable.Repeat("const x = 1; // \u00e9\n", 50_000));
            File.WriteAllText(large, text);
            Assert.Equal(text, SourceFiles.ReadText(large));
            File.WriteAllBytes(Path.Combine(dir, "empty.js"), []);
            Assert.Equal("", SourceFiles.ReadText(Path.Combine(dir, "empty.js")));
            Assert.Throws<FileNotFoundException>(() => SourceFiles.ReadText(Path.Combine(dir, "missing.js")));
            // procfs files report size 0 and have content: read on until the end.
            if (OperatingSystem.IsLinux()) Assert.Contains("Name:", SourceFiles.ReadText("/proc/self/status"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_file_only_a_container_command_starts_is_parsed_when_linking_reaches_it()
    {
        using var p = Project()
            .Write("api/Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"src/server.js\"]\n")
            .Write("api/src/migrate.js", "const db = require('./db.js');\n")
            .Write("api/src/db.js", "module.exports = {};\n")
            .Write("k8s/api.yaml", Deployment + "\n          command: [\"node\", \"src/migrate.js\"]\n");
        var result = p.Lint();
        Assert.True(result.Model.Modules.IsParsed("api/src/migrate.js"));
        Assert.True(result.Model.Modules.IsParsed("api/src/db.js"));
        Assert.False(result.Model.Modules.IsParsed("api/test/helper.js"));
        // migrate.js uses require in a "type": "module" package: found although no package entry reaches it.
        Assert.Contains(p.Findings(), f => f == "ML101 api/src/migrate.js:1:12");
    }

    [Fact]
    public void The_text_report_reads_the_code_frame_from_the_file()
    {
        using var p = new TestProject()
            .Write("app/package.json", """{ "name": "app", "type": "module", "scripts": { "start": "node index.js" } }""")
            .Write("app/index.js", "// first line\nconst express = require('express');\n");
        var result = p.Lint();
        var text = new StringWriter();
        new TextReporter(color: false).Write(result, text);
        Assert.Contains("  2 | const express = require('express');\n", text.ToString());
        Assert.Contains("    |                 ^^^^^^^", text.ToString());
    }

    [Fact]
    public void Suppression_comments_are_collected_at_load_and_env_files_are_never_shown()
    {
        using var p = new TestProject()
            .Write("app/package.json", """{ "name": "app", "type": "module", "scripts": { "start": "node index.js" } }""")
            .Write("app/index.js", "// manifestlint-disable-next-line require-in-esm -- migrating\nconst express = require('express');\n")
            .Write("app/.env", "# manifestlint-disable-file\nJWT_SECRET=hunter2\n");
        var result = p.Lint();
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "ML101");
        var directive = Assert.Single(result.Model.Sources.Directives);
        Assert.Equal(("app/index.js", 1, "migrating"), (directive.File, directive.Line, directive.Justification));
        Assert.Null(result.Model.Sources.TextForDisplay("app/.env"));
        Assert.NotNull(result.Model.Sources.TextForDisplay("app/index.js"));
    }
}
