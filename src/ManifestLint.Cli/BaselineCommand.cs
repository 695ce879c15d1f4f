using ManifestLint.Config;
using ManifestLint.Filtering;

namespace ManifestLint.Cli;

/// <summary>`manifestlint baseline write FILE [PATH...]`: records today's findings (after suppressions), so
/// `--baseline FILE` reports only new ones.</summary>
internal static class BaselineCommand
{
    public static int Write(string file, string[] paths, LintSettings settings, TextWriter stdout, TextWriter stderr)
    {
        LintResult result;
        try
        {
            result = Linter.Lint(paths, settings);
        }
        catch (Exception ex) when (ex is ConfigException or UsageException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"manifestlint: {ex.Message}");
            return ExitCodes.Usage;
        }
        try
        {
            LintCommand.WriteAtomically(file, writer => Baseline.Write(writer, result.Findings));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"manifestlint: cannot write {file}: {ex.Message}");
            return ExitCodes.Usage;
        }
        stdout.WriteLine($"Wrote {result.Findings.Count} finding(s) to {file}. Lint with `--baseline {file}` to see only new ones.");
        return ExitCodes.Clean;
    }
}
