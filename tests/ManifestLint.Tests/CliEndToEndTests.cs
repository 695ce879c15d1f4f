using System.Text.Json;

namespace ManifestLint.Tests;

/// <summary>The built CLI as a process: exit codes, formats, and input handling.</summary>
public class CliEndToEndTests
{
    private const string Crashloop = "testdata/examples/chat-app-crashloop";
    private const string Fixed = "testdata/examples/chat-app-fixed";

    [Fact]
    public void Crashloop_example_reports_the_incident_and_exits_1()
    {
        var run = CliRunner.Exec(Crashloop, "--color", "never");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("backend/src/index.js:1:17  error  ML101 require-in-esm", run.Stdout);
        Assert.Contains("ReferenceError: require is not defined in ES module scope", run.Stdout);
        Assert.Contains("ML201 host-without-service  Host `mongodb-service`", run.Stdout);
        foreach (var name in new[] { "MONGODB_URI", "JWT_SECRET", "PORT" })
        {
            Assert.Contains($"reads `{name}` with no default; container `backend` in Deployment/chat-app/backend does not set it", run.Stdout);
        }
        Assert.Contains("k8s/backend-deployment.yml:19:11  error  ML401 missing-readiness-probe", run.Stdout); // a Service selects it
        Assert.Contains("  1 | const express = require('express');", run.Stdout);
        Assert.Contains("    |                 ^^^^^^^", run.Stdout);
        Assert.DoesNotContain("\u001b[", run.Stdout);
        Assert.Contains("16 problems (12 errors, 4 warnings)", run.Stderr);
    }

    [Fact]
    public void Fixed_example_is_clean_and_exits_0()
    {
        var run = CliRunner.Exec(Fixed);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("no problems", run.Stderr);
    }

    [Fact]
    public void Linting_only_k8s_folder_still_sees_the_app_and_reports_only_k8s_files()
    {
        var run = CliRunner.Exec(Crashloop + "/k8s", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var findings = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.StartsWith("k8s/", f.GetProperty("file").GetString()));
        Assert.Equal(3, findings.Count(f => f.GetProperty("ruleId").GetString() == "ML301"));
    }

    [Fact]
    public void Fail_on_controls_the_exit_code()
    {
        Assert.Equal(0, CliRunner.Exec(Crashloop, "--fail-on", "none").ExitCode);
        // Only warnings (probes) remain when the error rules are turned off in a copied project.
        using var copy = CopyToTemp(Crashloop);
        var dir = copy.Root;
        File.WriteAllText(Path.Combine(dir, ".manifestlint.yaml"), "rules:\n  ML101: off\n  host-without-service: off\n  ML301: off\n  ML401: warning\n");
        Assert.Equal(0, CliRunner.Exec(dir).ExitCode);
        Assert.Equal(1, CliRunner.Exec(dir, "--fail-on", "warning").ExitCode);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--no-such-option")]
    [InlineData("--fail-on", "sometimes")]
    [InlineData("does/not/exist")]
    public void Usage_errors_exit_2_without_a_stack_trace(params string[] args)
    {
        var run = CliRunner.Exec(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("manifestlint:", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Unknown_config_key_exits_2_with_its_location()
    {
        using var copy = CopyToTemp(Fixed);
        var dir = copy.Root;
        File.WriteAllText(Path.Combine(dir, ".manifestlint.yaml"), "# config\nrulez:\n  ML101: off\n");
        var run = CliRunner.Exec(dir);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(".manifestlint.yaml:2:1: unknown key `rulez`", run.Stderr);
    }

    [Fact]
    public void Json_output_follows_the_documented_schema()
    {
        var run = CliRunner.Exec(Crashloop, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("ManifestLint", root.GetProperty("tool").GetProperty("name").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(16, findings.Count);
        string[] keys = ["ruleId", "name", "family", "level", "message", "file", "line", "column", "endLine", "endColumn", "object", "fingerprint"];
        foreach (var f in findings)
        {
            Assert.Equal(keys, f.EnumerateObject().Select(p => p.Name));
            Assert.Matches("^ML[0-9]{3}$", f.GetProperty("ruleId").GetString());
            Assert.Contains(f.GetProperty("level").GetString(), new[] { "error", "warning", "note" });
            Assert.DoesNotContain("\\", f.GetProperty("file").GetString());
            Assert.True(f.GetProperty("line").GetInt32() >= 1 && f.GetProperty("column").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{16}$", f.GetProperty("fingerprint").GetString());
        }
        var ml201 = findings.Single(f => f.GetProperty("ruleId").GetString() == "ML201");
        Assert.Equal("k8s/backend-deployment.yml", ml201.GetProperty("file").GetString());
        Assert.Equal(28, ml201.GetProperty("line").GetInt32());
        Assert.Equal(22, ml201.GetProperty("column").GetInt32());
        Assert.Equal("Deployment/chat-app/backend", ml201.GetProperty("object").GetString());
        Assert.Equal(12, root.GetProperty("summary").GetProperty("error").GetInt32());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("warning").GetInt32());
    }

    [Fact]
    public void Sarif_output_has_one_result_per_finding_and_rule_metadata()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"ml-{Guid.NewGuid():N}.sarif");
        var run = CliRunner.Exec(Crashloop, "--format", "sarif", "--output", outFile);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stdout);
        var root = JsonDocument.Parse(File.ReadAllText(outFile)).RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var sarifRun = root.GetProperty("runs")[0];
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(ManifestLint.Rules.RuleRegistry.All.Count, rules.Count);
        var ml101 = rules.Single(r => r.GetProperty("id").GetString() == "ML101");
        Assert.Equal("CommonJS global used in an ES module", ml101.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Contains("## Fix", ml101.GetProperty("help").GetProperty("markdown").GetString());
        Assert.EndsWith("rules/ML101.md", ml101.GetProperty("helpUri").GetString());
        Assert.Equal("error", ml101.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Contains("esm", ml101.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(16, results.Count);
        foreach (var r in results)
        {
            var loc = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", loc.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.False(loc.GetProperty("artifactLocation").GetProperty("uri").GetString()!.StartsWith("file:", StringComparison.Ordinal));
            Assert.False(r.TryGetProperty("fingerprints", out _) && r.GetProperty("fingerprints").TryGetProperty("primaryLocationLineHash", out _));
        }
        var first = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
        // Code scanning resolves URIs against the repository root, so paths carry the project folder.
        Assert.Equal(Crashloop + "/backend/src/config/db.js", first.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(1, first.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(18, first.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.StartsWith("file:///", sarifRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), StringComparison.Ordinal);
        File.Delete(outFile);
    }

    [Fact]
    public void Github_output_emits_workflow_commands()
    {
        var run = CliRunner.Exec(Crashloop, "--format", "github");
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.Contains("::error file=" + Crashloop + "/backend/src/index.js,line=1,col=17,endLine=1,endColumn=24,title=ML101 require-in-esm::", run.Stdout);
        Assert.Contains(lines, l => l.StartsWith("::warning file=" + Crashloop + "/k8s/mongodb-deployment.yml,line=19,col=11", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_next_to_good_files_yields_ML001_and_the_other_findings()
    {
        var run = CliRunner.Exec("testdata/ML001/bad-yaml-bad-indentation", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var findings = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}").ToList();
        Assert.Equal(["ML001 k8s/api.yaml:17", "ML401 k8s/worker.yaml:15"], findings);
    }

    [Fact]
    public void Paths_from_two_projects_are_a_usage_error()
    {
        var run = CliRunner.Exec(Crashloop, Fixed);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("different projects", run.Stderr);
    }

    [Fact]
    public void Folder_of_nested_projects_warns_that_nothing_was_linted()
    {
        var run = CliRunner.Exec("testdata/ML101");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped testdata/ML101/bad-require-in-type-module: separate project", run.Stderr);
        Assert.DoesNotContain("testdata/ML102", run.Stderr);
        Assert.Contains("no files were linted", run.Stderr);
    }

    [Fact]
    public void Stdin_is_linted_as_yaml()
    {
        var yaml = "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n";
        var run = CliRunner.ExecIn(Path.GetTempPath(), yaml, "-", "--format", "json");
        Assert.Equal(0, run.ExitCode); // warnings only
        var files = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}").ToList();
        Assert.Equal(["ML402 <stdin>:9:11"], files); // no ports, no Service: liveness advice only
    }

    [Fact]
    public void Rules_and_explain_commands_use_the_rule_docs()
    {
        var rules = CliRunner.Exec("rules");
        Assert.Equal(0, rules.ExitCode);
        Assert.Equal(ManifestLint.Rules.RuleRegistry.All.Count, rules.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("ML301  env-var-not-set", rules.Stdout);

        var explain = CliRunner.Exec("explain", "require-in-esm");
        Assert.Equal(0, explain.ExitCode);
        Assert.StartsWith("# ML101 require-in-esm", explain.Stdout);

        Assert.Equal(2, CliRunner.Exec("explain", "ML999").ExitCode);
    }

    [Fact]
    public void Color_always_paints_and_never_does_not()
    {
        Assert.Contains("\u001b[31m", CliRunner.Exec(Crashloop, "--color", "always").Stdout);
        Assert.DoesNotContain("\u001b[", CliRunner.Exec(Crashloop, "--color", "never").Stdout);
        // Redirected output with auto: no colour.
        Assert.DoesNotContain("\u001b[", CliRunner.Exec(Crashloop).Stdout);
    }

    [Fact]
    public void Output_file_is_written_whole_with_no_temporary_left_behind()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ml-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "report.json");
        File.WriteAllText(file, "old");
        Assert.Equal(1, CliRunner.Exec(Crashloop, "-f", "json", "-o", file).ExitCode);
        Assert.Equal(16, JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("findings").GetArrayLength());
        Assert.Equal([file], Directory.GetFiles(dir));
        Directory.Delete(dir, true);
    }

    [Fact]
    public void Links_command_shows_links_with_evidence_and_what_is_unlinked()
    {
        var run = CliRunner.Exec("links", Crashloop);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("backend/package.json -> Deployment/chat-app/backend container `backend`", run.Stdout);
        Assert.Contains("evidence: container name `backend` matches folder backend/", run.Stdout);
        Assert.Contains("entry: backend/src/index.js; 3 file(s) reachable; Node 20.20.2 (node:20-alpine in backend/Dockerfile:1", run.Stdout);
        Assert.Contains("Deployment/chat-app/mongodb container `mongodb` (image mongo:7", run.Stdout);
    }

    [Fact]
    public void Version_prints_the_tool_version()
    {
        var run = CliRunner.Exec("--version");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Stdout.Trim());
    }

    private static TempDir CopyToTemp(string relative)
    {
        var source = Path.Combine(Repo.Root, relative);
        var copy = new TempDir("ml-test-");
        var target = copy.Root;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest);
        }
        return copy;
    }
}
