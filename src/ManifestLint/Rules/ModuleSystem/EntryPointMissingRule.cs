using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML106: the file a container starts (Dockerfile CMD/ENTRYPOINT or the container's command),
/// or a package's `main`, does not exist. Not reported when a build step could create it.</summary>
public sealed class EntryPointMissingRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML106", "entry-point-missing", "module-system", Level.Error);

    private static readonly string[] BuildWords = ["build", "tsc", "compile", "bundle", "webpack", "esbuild", "rollup", "babel", "swc", "vite", "nest", "prisma generate"];

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in model.Links)
        {
            if (link.LaunchEntry is not { } entry || link.LaunchSpan is not { } span || !Missing(model, entry)) continue;
            // Paths map 1:1 only when the whole context is copied into WORKDIR, with no build step or stage copy.
            if (link.Image?.Final is not { CopiesContextToWorkDir: true } stage || stage.CopiesFromStage || stage.Runs.Any(IsBuild)) continue;
            if (!reported.Add($"{span}|{entry}")) continue;
            context.Report(span,
                $"{link.LaunchOrigin} starts `{entry}`, which does not exist; the container exits at once with " +
                $"`Error: Cannot find module '/…/{Path.GetFileName(entry)}'` (code MODULE_NOT_FOUND) and crash-loops. Point the command at the real entry file.",
                entry, link.Workload.Ref);
        }
        foreach (var package in model.Packages.Values.OrderBy(p => p.File, StringComparer.Ordinal))
        {
            if (package.Main is not { } main || package.MainSpan is not { } span) continue;
            var path = Linking.PathUtil.Join(package.Dir, main);
            if (!Missing(model, path) || package.Scripts.Keys.Any(k => BuildWords.Any(w => k.Contains(w, StringComparison.Ordinal)))) continue;
            if (model.Files.Exists(Linking.PathUtil.Join(package.Dir, "tsconfig.json"))) continue;
            context.Report(span,
                $"`\"main\": \"{main}\"` names a file that does not exist; `node {(package.Dir.Length == 0 ? "." : package.Dir)}` and `require('{package.Name ?? package.Dir}')` fail with " +
                "`Error: Cannot find module` (code MODULE_NOT_FOUND). Point `main` at the entry file.",
                main, cap: Level.Warning);
        }
    }

    /// <summary>Absent, with nothing that could generate it: the folder is in the repository and the path is not ignored.</summary>
    private static bool Missing(ProjectModel model, string path)
    {
        string[] candidates = [path, path + ".js", path + "/index.js"];
        return !candidates.Any(model.Files.Exists) && model.Files.CouldExistUnignored(path);
    }

    private static bool IsBuild(string run) => BuildWords.Any(w => run.Contains(w, StringComparison.Ordinal));
}
