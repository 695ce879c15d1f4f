using System.Diagnostics;

namespace ManifestLint.Tests;

/// <summary>Runs the built `manifestlint` CLI as a real process.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static Run ExecIn(string workingDirectory, string? stdin, params string[] args)
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
