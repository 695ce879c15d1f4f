using System.Diagnostics;

namespace ManifestLint.Benchmarks;

/// <summary>The benchmark's input: a corpus made by bench/generate-corpus.mjs (deterministic), generated on first use
/// under bench/.corpus/micro-N (N services, 200 unless ML_BENCH_SERVICES says otherwise), or the folder named by
/// ML_BENCH_CORPUS.</summary>
internal static class Corpus
{
    public static string Folder()
    {
        if (Environment.GetEnvironmentVariable("ML_BENCH_CORPUS") is { Length: > 0 } given) return Path.GetFullPath(given);
        var services = int.TryParse(Environment.GetEnvironmentVariable("ML_BENCH_SERVICES"), out var n) && n > 0 ? n : 200;
        var bench = BenchFolder();
        var folder = Path.Combine(bench, ".corpus", $"micro-{services}");
        if (Directory.Exists(Path.Combine(folder, "services"))) return folder;
        // Generated beside it and renamed when complete: an interrupted run leaves no partial corpus to be reused.
        var partial = $"{folder}.partial-{Environment.ProcessId}";
        var start = new ProcessStartInfo("node") { ArgumentList = { Path.Combine(bench, "generate-corpus.mjs"), partial, "--services", services.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node to generate the corpus");
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"bench/generate-corpus.mjs failed (exit code {process.ExitCode})");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); // a partial corpus of an older layout
        Directory.Move(partial, folder);
        return folder;
    }

    /// <summary>The repository's bench/ folder, found upward from the working directory or the binary.</summary>
    private static string BenchFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "bench", "generate-corpus.mjs");
                if (File.Exists(candidate)) return Path.GetDirectoryName(candidate)!;
            }
        }
        throw new InvalidOperationException("bench/generate-corpus.mjs not found above the working directory: run from the repository");
    }

    /// <summary>Every file under <paramref name="folder"/> with one of the extensions, as (path relative to the folder,
    /// text), in path order.</summary>
    public static List<(string File, string Text)> Texts(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();
}
