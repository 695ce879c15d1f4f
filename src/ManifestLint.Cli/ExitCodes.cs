namespace ManifestLint.Cli;

/// <summary>DESIGN.md §6: 0 clean, 1 findings at/above --fail-on, 2 usage/config/I-O error.</summary>
internal static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
