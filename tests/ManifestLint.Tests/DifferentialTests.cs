using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ManifestLint.Model;
using Xunit.Abstractions;

namespace ManifestLint.Tests;

/// <summary>Runs every testdata/differential case under real Node releases and checks that ManifestLint,
/// told the same version, reports a module-system error exactly when Node fails to load the entry.
/// .ci/run installs the binaries (.ci/install-tools) and requires this test to run.</summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private static string Cases => Path.Combine(Repo.TestData, "differential");

    private static IReadOnlyList<string> Versions() => File.ReadAllLines(Path.Combine(Cases, "node-versions.txt"))
        .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

    private static string NodeBinary(string version) =>
        Repo.Path_(".ci", ".tools", "node_modules", $"node-{version}", "bin", "node");

    [SkippableFact]
    public void ManifestLint_agrees_with_real_node_on_every_case_and_version()
    {
        var versions = Versions();
        var missing = versions.Where(v => !File.Exists(NodeBinary(v))).ToList();
        if (missing.Count > 0)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("MANIFESTLINT_REQUIRE_NODE_BINARIES"));
            Skip.If(true, $"Node binaries not installed ({string.Join(", ", missing)}): run .ci/install-tools");
        }
        var cases = Directory.GetDirectories(Cases).Order(StringComparer.Ordinal).ToList();
        Assert.True(cases.Count >= 8, "too few differential cases");
        var table = new StringBuilder($"{"case",-44}" + string.Concat(versions.Select(v => $" {v,-9}")) + "\n");
        var disagreements = new List<string>();
        foreach (var dir in cases)
        {
            var name = Path.GetFileName(dir);
            var entry = Entry(dir);
            table.Append($"{name,-44}");
            foreach (var version in versions)
            {
                var (nodeFails, stderr) = RunNode(version, dir, entry);
                var findings = Linter.Lint([dir], nodeVersion: version).Findings
                    .Where(f => f.RuleId.StartsWith("ML1", StringComparison.Ordinal) && f.Level == Level.Error).ToList();
                var lintFails = findings.Count > 0;
                var agree = nodeFails == lintFails;
                table.Append($" {(nodeFails ? "fail" : "ok")}/{(lintFails ? "err" : "-")}{(agree ? "" : "!")}".PadRight(10));
                if (!agree)
                {
                    disagreements.Add($"{name} on {version}: node {(nodeFails ? "failed: " + FirstLine(stderr) : "ran")}, " +
                        $"ManifestLint {(lintFails ? string.Join("; ", findings.Select(f => $"{f.RuleId} {f.Span}")) : "reported no ML1xx error")}");
                }
            }
            table.Append('\n');
        }
        output.WriteLine(table.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "manifestlint-differential.txt"), table.ToString());
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    /// <summary>Messages of module-system failures (what ML1xx errors predict). Other failures, such as a
    /// server that cannot bind or a missing environment variable, are not module-system errors.</summary>
    private static readonly System.Text.RegularExpressions.Regex ModuleSystemError = new(
        @"ERR_MODULE_NOT_FOUND|ERR_UNSUPPORTED_DIR_IMPORT|ERR_REQUIRE_ESM|ERR_REQUIRE_ASYNC_MODULE|ERR_PACKAGE_PATH_NOT_EXPORTED|" +
        @"ERR_PACKAGE_IMPORT_NOT_DEFINED|ERR_IMPORT_ATTRIBUTE_MISSING|ERR_IMPORT_ASSERTION_TYPE_MISSING|is not defined in ES module scope|" +
        @"Cannot use import statement outside a module|Unexpected token 'export'|Cannot use 'import.meta' outside a module|" +
        @"await is only valid in async functions|Unexpected identifier 'assert'|Named export '.*' not found|" +
        @"Cannot determine intended module format|Cannot find module '[./#]");

    /// <summary>The ML1xx golden fixtures that Node can load on its own (package.json `main`, no network
    /// dependency), minus the ones listed with a reason in fixtures-excluded.txt.</summary>
    [SkippableFact]
    public void Module_system_fixtures_agree_with_real_node()
    {
        var versions = Versions();
        if (versions.Any(v => !File.Exists(NodeBinary(v))))
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("MANIFESTLINT_REQUIRE_NODE_BINARIES"));
            Skip.If(true, "Node binaries not installed: run .ci/install-tools");
        }
        var excluded = File.ReadAllLines(Path.Combine(Cases, "fixtures-excluded.txt"))
            .Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        var fixtures = Directory.GetDirectories(Repo.TestData, "ML1*").SelectMany(Directory.GetDirectories)
            .Where(d => File.Exists(Path.Combine(d, "package.json")) && HasMain(d))
            .Select(d => Path.GetRelativePath(Repo.TestData, d).Replace('\\', '/'))
            .Where(d => !excluded.Contains(d)).Order(StringComparer.Ordinal).ToList();
        Assert.True(fixtures.Count >= 40, $"only {fixtures.Count} fixtures");
        var disagreements = new List<string>();
        var table = new StringBuilder($"{"fixture",-58}" + string.Concat(versions.Select(v => $" {v,-9}")) + "\n");
        foreach (var fixture in fixtures)
        {
            var dir = Path.Combine(Repo.TestData, fixture);
            table.Append($"{fixture,-58}");
            foreach (var version in versions)
            {
                var stderr = RunNodeForErrors(version, dir, Entry(dir));
                var nodeFails = ModuleSystemError.IsMatch(stderr);
                var findings = Linter.Lint([dir], nodeVersion: version).Findings
                    .Where(f => f.RuleId.StartsWith("ML1", StringComparison.Ordinal) && f.Level == Level.Error).ToList();
                var agree = nodeFails == findings.Count > 0;
                table.Append($" {(nodeFails ? "fail" : "ok")}/{(findings.Count > 0 ? "err" : "-")}{(agree ? "" : "!")}".PadRight(10));
                if (!agree)
                {
                    disagreements.Add($"{fixture} on {version}: node {(nodeFails ? "failed: " + FirstLine(stderr) : "loaded it")}, " +
                        $"ManifestLint {(findings.Count > 0 ? string.Join("; ", findings.Select(f => $"{f.RuleId} {f.Span}")) : "reported no ML1xx error")}");
                }
            }
            table.Append('\n');
        }
        output.WriteLine(table.ToString());
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "manifestlint-differential-fixtures.txt"), table.ToString());
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    private static bool HasMain(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "package.json")));
        return json.RootElement.TryGetProperty("main", out _);
    }

    /// <summary>Runs the entry briefly: a server that is still up after a few seconds, having printed something,
    /// loaded fine. A process that has printed nothing yet may just be slow to start on a loaded machine: it gets
    /// up to 8 s to fail or to speak.</summary>
    private static string RunNodeForErrors(string version, string dir, string entry)
    {
        var psi = new ProcessStartInfo(NodeBinary(version)) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(entry);
        psi.Environment["NODE_OPTIONS"] = "";
        psi.Environment["PORT"] = "0";
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(250))
        {
            bool spoke;
            lock (stdout) lock (stderr) spoke = stdout.Length + stderr.Length > 0;
            if (clock.Elapsed > TimeSpan.FromSeconds(spoke ? 3 : 8)) break;
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (stderr) return stderr.ToString();
    }

    private static string Entry(string dir)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "package.json")));
        return json.RootElement.TryGetProperty("main", out var main) ? main.GetString()! : "index.js";
    }

    private static (bool Fails, string Stderr) RunNode(string version, string dir, string entry)
    {
        var psi = new ProcessStartInfo(NodeBinary(version)) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(entry);
        psi.Environment["NODE_OPTIONS"] = "";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return (true, "timed out");
        }
        return (process.ExitCode != 0 || !stdout.Result.Contains("ok", StringComparison.Ordinal), stderr.Result);
    }

    private static string FirstLine(string text) =>
        text.Split('\n').FirstOrDefault(l => l.Contains("Error", StringComparison.Ordinal)) ?? text.Split('\n')[0];
}
