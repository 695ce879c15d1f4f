using System.Text.Json;

namespace ManifestLint.Tests;

/// <summary>Inline and annotation suppressions, unused directives, and baselines that survive line shifts.</summary>
public class SuppressionAndBaselineTests
{
    private const string Worker = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: worker }
        spec:
          selector: { matchLabels: { app: worker } }
          template:
            metadata: { labels: { app: worker } }
            spec:
              containers:
                - name: worker
                  image: ghcr.io/acme/worker:1
        """;

    [Fact]
    public void Next_line_comment_suppresses_only_the_named_rule_on_the_next_line()
    {
        using var p = new TestProject().Write("k8s/w.yaml", Worker.Replace("        - name: worker", "        # manifestlint-disable-next-line missing-liveness-probe -- watchdog\n        - name: worker"));
        var result = p.Lint();
        Assert.Empty(result.Findings);
        var suppressed = Assert.Single(result.Suppressed);
        Assert.Equal("ML402", suppressed.Finding.RuleId);
        Assert.Equal("comment", suppressed.Suppression.Kind);
        Assert.Equal("watchdog", suppressed.Suppression.Justification);
    }

    [Fact]
    public void Annotation_and_file_directives_suppress_and_untrusted_runs_ignore_them()
    {
        using var p = new TestProject()
            .Write("k8s/w.yaml", Worker.Replace("metadata: { name: worker }", "metadata: { name: worker, annotations: { manifestlint.io/ignore: \"ML402 -- agent\" } }"))
            .Write("k8s/v.yaml", "# manifestlint-disable-file\n" + Worker.Replace("worker", "worker2"));
        Assert.Empty(p.Findings());
        var untrusted = Linter.Lint([p.Root], new LintSettings { InlineSuppressions = false });
        Assert.Equal(["ML402 k8s/v.yaml:11:11", "ML402 k8s/w.yaml:10:11"],
            untrusted.Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.StartLine}:{f.Span.StartColumn}").ToList());
        Assert.Empty(untrusted.Suppressed);
    }

    [Fact]
    public void Js_comments_suppress_in_javascript()
    {
        using var p = new TestProject()
            .Write("api/package.json", """{ "name": "api", "type": "module", "main": "index.js", "scripts": { "start": "node index.js" } }""")
            .Write("api/index.js", "/* manifestlint-disable-file ML101 -- migrating */\nconst fs = require('fs');\nimport './lib.js';\n")
            .Write("api/lib.js", "// manifestlint-disable-next-line ML101\nconsole.log(__dirname);\n");
        Assert.Empty(p.Findings());
        Assert.Equal(2, p.Lint().Suppressed.Count);
    }

    [Fact]
    public void Baseline_hides_known_findings_across_line_shifts_but_not_new_ones()
    {
        using var p = new TestProject().Write("k8s/w.yaml", Worker);
        var baseline = Path.Combine(p.Root, "baseline.json");
        using (var writer = new StreamWriter(baseline)) Filtering.Baseline.Write(writer, p.Lint().Findings);
        Assert.Equal(1, JsonDocument.Parse(File.ReadAllText(baseline)).RootElement.GetProperty("findings").GetArrayLength());

        p.Write("k8s/w.yaml", "# a comment\n\n" + Worker); // the finding moves two lines down
        var shifted = Linter.Lint([p.Root], new LintSettings { BaselinePath = baseline });
        Assert.Empty(shifted.Findings);
        Assert.Equal("baseline", Assert.Single(shifted.Suppressed).Suppression.Kind);

        p.Write("k8s/w2.yaml", Worker.Replace("worker", "other"));
        var withNew = Linter.Lint([p.Root], new LintSettings { BaselinePath = baseline });
        Assert.Equal("k8s/w2.yaml", Assert.Single(withNew.Findings).Span.File);
    }

    [Fact]
    public void A_baseline_that_is_not_one_is_a_configuration_error()
    {
        using var p = new TestProject().Write("k8s/w.yaml", Worker).Write("b.json", "{ \"nope\": 1 }");
        Assert.Throws<Config.ConfigException>(() => Linter.Lint([p.Root], new LintSettings { BaselinePath = Path.Combine(p.Root, "b.json") }));
    }
}

/// <summary>CLI features of the integrations issue: init, baseline, rules formats, quiet, stdin name, SARIF suppressions.</summary>
public class CliFeatureTests
{
    [Fact]
    public void Init_writes_a_starter_config_once_and_never_overwrites()
    {
        using var temp = new TempDir("ml-init-");
        var dir = temp.Root;
        var first = CliRunner.Exec("init", dir);
        Assert.Equal(0, first.ExitCode);
        var text = File.ReadAllText(Path.Combine(dir, ".manifestlint.yaml"));
        Assert.Contains("external:", text);
        File.AppendAllText(Path.Combine(dir, ".manifestlint.yaml"), "# mine\n");
        var second = CliRunner.Exec("init", dir);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already exists", second.Stderr);
        Assert.EndsWith("# mine\n", File.ReadAllText(Path.Combine(dir, ".manifestlint.yaml")));
        // The starter is a valid configuration: linting the folder with it succeeds.
        Assert.Equal(0, CliRunner.Exec(dir).ExitCode);
    }

    [Fact]
    public void Baseline_write_then_lint_with_it_reports_nothing()
    {
        using var temp = new TempDir("ml-baseline-");
        var baseline = Path.Combine(temp.Root, "baseline.json");
        Assert.Equal(0, CliRunner.Exec("baseline", "write", baseline, "testdata/examples/chat-app-crashloop").ExitCode);
        var run = CliRunner.Exec("testdata/examples/chat-app-crashloop", "--baseline", baseline);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no problems", run.Stderr);
        Assert.Contains("(16 suppressed)", run.Stderr);
    }

    [Fact]
    public void Rules_list_as_json_and_markdown()
    {
        var json = JsonDocument.Parse(CliRunner.Exec("rules", "--format", "json").Stdout).RootElement;
        Assert.Contains(json.EnumerateArray(), r => r.GetProperty("id").GetString() == "ML406" && !r.GetProperty("enabledByDefault").GetBoolean());
        var markdown = CliRunner.Exec("rules", "--format", "markdown").Stdout;
        Assert.StartsWith("| ID | Name | Level | Title |", markdown);
        Assert.Contains("| [ML301](rules/ML301.md) | env-var-not-set | error |", markdown);
    }

    [Fact]
    public void Stats_prints_phase_times_and_counts()
    {
        var run = CliRunner.Exec("testdata/examples/chat-app-crashloop", "--stats");
        Assert.Matches(@"stats: discover \d+ ms, load \d+ ms, parse JS \d+ ms, link \d+ ms, rules \d+ ms, filter \d+ ms, report \d+ ms", run.Stderr);
        // The front end's JavaScript (bundled for the browser) is never read.
        Assert.Contains("6 objects, 2 packages, 4 JS files: 3 parsed (3 run by Node), 1 not parsed (no Node entry reaches them)", run.Stderr);
        Assert.Matches(@"stats: memory: \d+ MiB allocated, heap \d+ MiB after the last GC, peak working set \d+ MiB", run.Stderr);
    }

    [Theory]
    [InlineData("1", "server")]
    [InlineData("0", "workstation")]
    public void Stats_name_the_garbage_collector_in_use(string gcServer, string expected)
    {
        // DOTNET_gcServer=1 is the opt-in for large repositories (README): --stats shows that it took effect.
        var run = CliRunner.ExecWithEnv(new Dictionary<string, string> { ["DOTNET_gcServer"] = gcServer }, "testdata/examples/chat-app-crashloop", "--stats");
        Assert.Matches($@"GC pauses \d+ ms \({expected} GC\)", run.Stderr);
    }

    [Fact]
    public void The_cli_turns_off_advisory_file_locking()
    {
        // It only reads: .NET's flock() per opened file is a wasted system call (ManifestLint.Cli.csproj). The same
        // option is compiled into the NativeAOT binary.
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "manifestlint.runtimeconfig.json")));
        Assert.True(config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.IO.DisableFileLocking").GetBoolean());
    }

    [Fact]
    public void Quiet_reports_errors_only()
    {
        var run = CliRunner.Exec("testdata/examples/chat-app-crashloop", "--quiet", "--color", "never");
        Assert.DoesNotContain("  warning  ", run.Stdout);
        Assert.Contains("  error  ML101", run.Stdout);
    }

    [Fact]
    public void Stdin_is_reported_under_the_given_file_name()
    {
        var yaml = "apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n";
        var run = CliRunner.ExecIn(Path.GetTempPath(), yaml, "-", "--stdin-filename", "chart/rendered.yaml", "--format", "json");
        var file = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings")[0].GetProperty("file").GetString();
        Assert.Equal("chart/rendered.yaml", file);
    }

    [Fact]
    public void Sarif_omits_suppressed_results_unless_asked()
    {
        using var temp = new TempDir("ml-sarif-");
        var project = temp.Root;
        Directory.CreateDirectory(Path.Combine(project, "k8s"));
        File.WriteAllText(Path.Combine(project, ".manifestlint.yaml"), "# root\n");
        File.WriteAllText(Path.Combine(project, "k8s", "w.yaml"),
            "apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n    # manifestlint-disable-next-line ML402 -- has a watchdog\n    - name: w\n      image: nginx\n");
        JsonElement Results(params string[] extra) =>
            JsonDocument.Parse(CliRunner.Exec([project, "--format", "sarif", .. extra]).Stdout).RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(0, Results().GetArrayLength());
        var all = Results("--report-suppressed");
        var suppression = Assert.Single(all.EnumerateArray()).GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("has a watchdog", suppression.GetProperty("justification").GetString());
    }
}
