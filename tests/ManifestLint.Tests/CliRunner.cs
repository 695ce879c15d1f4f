using System.Diagnostics;

namespace ManifestLint.Tests;

/// <summary>Runs the built `manifestlint` CLI as a real process.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run ExecIn(string workingDirectory, string? stdin, params string[] args) => ExecIn(workingDirectory, stdin, null, args);

    /// <summary>Runs in the repository root with extra environment variables.</summary>
    public static Run ExecWithEnv(IReadOnlyDictionary<string, string> environment, params string[] args) => ExecIn(Repo.Root, null, environment, args);

    private static Run ExecIn(string workingDirectory, string? stdin, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "manifestlint.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("manifestlint did not exit: " + string.Join(' ', args));
        }
        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static Run Exec(params string[] args) => ExecIn(Repo.Root, null, args);
}
