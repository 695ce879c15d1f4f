using System.Text.Json;
using System.Text.Json.Nodes;
using ManifestLint.Reporting;

namespace ManifestLint.Tests;

/// <summary>Our SARIF must pass the Microsoft SARIF Multitool with the GitHub rule set (0 errors,
/// 0 warnings) for every example and every rule fixture. .ci/run installs the validator (npm
/// @microsoft/sarif-multitool) and sets MANIFESTLINT_REQUIRE_SARIF_VALIDATOR=1 so a missing validator
/// fails CI instead of skipping.</summary>
public class SarifValidationTests
{
    // GitHub's stricter settings (paths relative to the repository root are required, help URIs expected),
    // and SARIF2006 off: it fetches every helpUri over the network, which this offline test cannot do
    // (and it only ever reports notes).
    private const string Policy = """
        <?xml version="1.0" encoding="utf-8"?>
        <Properties>
          <Properties Key="SARIF2006.UrisShouldBeReachable.Options"><Property Key="RuleEnabled" Value="Disabled" /></Properties>
          <Properties Key="SARIF2007.ExpressPathsRelativeToRepoRoot.Options"><Property Key="RuleEnabled" Value="Error" /></Properties>
          <Properties Key="SARIF2012.ProvideHelpUris.Options"><Property Key="RuleEnabled" Value="Warning" /></Properties>
        </Properties>
        """;

    // A log the validator must reject (GitHub requires locations): proves the validator and the parsing
    // of its report really work, in the same run.
    private const string Canary = """
        {"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":{"driver":{"name":"Canary","version":"1.0.0","informationUri":"https://example.com/","rules":[{"id":"C001","shortDescription":{"text":"Canary."},"fullDescription":{"text":"Canary."},"help":{"text":"Canary."}}]}},"results":[{"ruleId":"C001","level":"error","message":{"text":"A result with no location."}}]}]}
        """;

    private static string? Validator()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SARIF_MULTITOOL");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var local = Repo.Path_(".ci", ".tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        return File.Exists(local) ? local : null;
    }

    [SkippableFact]
    public void Sarif_of_every_example_and_fixture_passes_the_multitool_with_github_rules()
    {
        var validator = Validator();
        if (validator is null)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("MANIFESTLINT_REQUIRE_SARIF_VALIDATOR"));
            Skip.If(true, "SARIF Multitool not installed (run .ci/install-tools)");
        }
        using var dir = new TempDir("ml-sarif-");
        var logs = new List<string>();

        // The examples through the CLI, as users (and the GitHub Action) produce them.
        foreach (var example in Directory.GetDirectories(Path.Combine(Repo.TestData, "examples")).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(dir.Root, $"example-{Path.GetFileName(example)}.sarif");
            var run = CliRunner.Exec(Path.GetRelativePath(Repo.Root, example), "--format", "sarif", "--output", file);
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            logs.Add(file);
        }

        // Every rule fixture in-process. The validator costs about half a second per log (mostly the rule
        // metadata, the same in every log), so the fixtures' logs are merged: logs that are identical except
        // for their results become one log holding all their results. Each result is still checked
        // against the exact run it came from.
        var groups = new Dictionary<string, (JsonNode Log, JsonArray Results)>();
        var fixtures = 0;
        var findings = 0;
        foreach (var dirPath in Directory.GetDirectories(Repo.TestData, "ML*").Order(StringComparer.Ordinal)
                     .SelectMany(rule => Directory.GetDirectories(rule).Order(StringComparer.Ordinal)))
        {
            var result = Linter.Lint([dirPath]);
            var writer = new StringWriter();
            Reporters.Create("sarif", false).Write(result, writer);
            var log = JsonNode.Parse(writer.ToString())!;
            var run = Assert.Single(log["runs"]!.AsArray())!;
            var results = run["results"]!.AsArray();
            Assert.Equal(result.Findings.Count, results.Count);
            run["results"] = new JsonArray();
            var key = log.ToJsonString();
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (log, new JsonArray());
            foreach (var r in results.ToList())
            {
                results.Remove(r);
                group.Results.Add(r);
            }
            fixtures++;
            findings += result.Findings.Count;
        }
        Assert.True(fixtures > 100, $"only {fixtures} fixtures found");
        Assert.True(findings > 100, $"only {findings} findings in the fixtures");
        var index = 0;
        foreach (var (log, results) in groups.Values)
        {
            log["runs"]![0]!["results"] = results;
            var file = Path.Combine(dir.Root, $"fixtures-{index++}.sarif");
            File.WriteAllText(file, log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            logs.Add(file);
        }
        var canary = Path.Combine(dir.Root, "canary.sarif");
        File.WriteAllText(canary, Canary);
        logs.Add(canary);

        var problems = Validate(validator!, dir.Root, logs);
        Assert.Contains(problems, p => p.File == canary && p.Level == "error");
        Assert.Empty(problems.Where(p => p.File != canary).Select(p => $"{Path.GetFileName(p.File)}: {p.Level} {p.Rule} {p.Message}"));
    }

    private sealed record Problem(string File, string Level, string Rule, string Message);

    /// <summary>One validator run over all <paramref name="logs"/>; its errors and warnings. The validator
    /// exits 0 even when it finds errors, so its own SARIF report is read.</summary>
    private static List<Problem> Validate(string validator, string workDir, IReadOnlyList<string> logs)
    {
        var policy = Path.Combine(workDir, "policy.xml");
        File.WriteAllText(policy, Policy);
        var report = Path.Combine(workDir, "validation-report.sarif"); // must not exist yet (ERR997 otherwise)
        var run = Proc.Run(validator, workDir,
            ["validate", .. logs, "--rule-kind", "Sarif;Gh", "--config", policy, "--level", "Error;Warning", "--output", report, "--quiet"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(File.Exists(report), "the validator wrote no report:\n" + run.Output);

        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        var sarifRun = doc.RootElement.GetProperty("runs")[0];
        Assert.True(sarifRun.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), run.Output);
        var problems = new List<Problem>();
        if (!sarifRun.TryGetProperty("results", out var results)) return problems;
        foreach (var r in results.EnumerateArray())
        {
            // SARIF: a result without `level` is a warning.
            var level = r.TryGetProperty("level", out var l) ? l.GetString()! : "warning";
            if (level is not ("error" or "warning")) continue;
            var uri = r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            var message = r.GetProperty("message");
            var text = message.TryGetProperty("text", out var t) ? t.GetString()!
                : message.GetProperty("id").GetString() + ": " + string.Join("; ", message.TryGetProperty("arguments", out var a) ? a.EnumerateArray().Select(x => x.GetString()) : []);
            problems.Add(new Problem(new Uri(uri).LocalPath, level, r.GetProperty("ruleId").GetString()!, text));
        }
        return problems;
    }
}
