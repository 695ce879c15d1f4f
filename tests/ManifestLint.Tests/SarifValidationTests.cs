using System.Diagnostics;

namespace ManifestLint.Tests;

/// <summary>Our SARIF must pass the Microsoft SARIF Multitool with the GitHub rule set (0 errors,
/// 0 warnings). .ci/run installs the validator (npm @microsoft/sarif-multitool) and sets
/// MANIFESTLINT_REQUIRE_SARIF_VALIDATOR=1 so a missing validator fails CI instead of skipping.</summary>
public class SarifValidationTests
{
    private static string? Validator()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SARIF_MULTITOOL");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv)) return fromEnv;
        var local = Repo.Path_(".ci", ".tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        return File.Exists(local) ? local : null;
    }

    [SkippableFact]
    public void Sarif_passes_the_multitool_with_github_rules()
    {
        var validator = Validator();
        if (validator is null)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable("MANIFESTLINT_REQUIRE_SARIF_VALIDATOR"));
            Skip.If(true, "SARIF Multitool not installed (run .ci/install-tools)");
        }
        var sarif = Path.Combine(Path.GetTempPath(), $"ml-{Guid.NewGuid():N}.sarif");
        var run = CliRunner.Exec("testdata/examples/chat-app-crashloop", "--format", "sarif", "--output", sarif);
        Assert.Equal(1, run.ExitCode);

        var psi = new ProcessStartInfo(validator!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "validate", sarif, "--rule-kind", "Gh;Sarif", "--level", "Error;Warning" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
        File.Delete(sarif);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Analysis completed successfully", output);
        Assert.DoesNotMatch(@": (error|warning) (SARIF|GH)\d+", output);
    }
}
