using ManifestLint.Config;
using ManifestLint.Model;

namespace ManifestLint.Cli;

/// <summary>`manifestlint links [PATH]`: which Node app runs in which container, with the evidence,
/// and what is left unlinked, so users can check and fix the mapping.</summary>
internal static class LinksCommand
{
    public static int Run(string[] paths, string? config, string? nodeVersion, TextWriter stdout, TextWriter stderr)
    {
        LintResult result;
        try
        {
            result = Linter.Lint(paths, config, nodeVersion);
        }
        catch (Exception ex) when (ex is ConfigException or UsageException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"manifestlint: {ex.Message}");
            return ExitCodes.Usage;
        }
        var model = result.Model;
        stdout.WriteLine("Links (app -> container):");
        if (model.Links.Count == 0) stdout.WriteLine("  (none)");
        foreach (var link in model.Links.OrderBy(l => l.Workload.Ref, StringComparer.Ordinal).ThenBy(l => l.Container.Name, StringComparer.Ordinal))
        {
            stdout.WriteLine($"  {link.Package.File} -> {link.Workload.Ref} container `{link.Container.Name}` ({link.Container.Span})");
            stdout.WriteLine($"      evidence: {link.Evidence}");
            var entry = link.EntryFile ?? (link.LaunchEntry is { } e ? $"{e} (missing)" : "unknown (the command starts no file ManifestLint can see)");
            stdout.WriteLine($"      entry: {entry}; {link.ReachableFiles.Count} file(s) reachable; {model.NodeTargetFor(link.Package.File).Describe()}");
            stdout.WriteLine($"      env: {EnvSummary(model, link)}");
        }

        if (model.AmbiguousLinks.Count > 0)
        {
            stdout.WriteLine();
            stdout.WriteLine("Ambiguous (several apps match equally; not linked):");
            foreach (var (workload, container, candidates) in model.AmbiguousLinks)
            {
                stdout.WriteLine($"  {workload.Ref} container `{container.Name}`: {string.Join(", ", candidates)}");
            }
        }

        var linked = model.Links.Select(l => (l.Workload, l.Container.Name)).ToHashSet();
        var unlinked = model.Workloads.SelectMany(w => w.PodTemplate!.Containers.Select(c => (Workload: w, Container: c)))
            .Where(p => !linked.Contains((p.Workload, p.Container.Name))).ToList();
        stdout.WriteLine();
        stdout.WriteLine("Containers with no Node app linked:");
        if (unlinked.Count == 0) stdout.WriteLine("  (none)");
        foreach (var (workload, container) in unlinked)
        {
            stdout.WriteLine($"  {workload.Ref} container `{container.Name}` (image {container.Image ?? "none"}, {container.Span})");
        }

        var linkedPackages = model.Links.Select(l => l.Package.Dir).ToHashSet(StringComparer.Ordinal);
        var apps = model.Images.Where(i => i.Final is { RunsNode: true } && model.Packages.ContainsKey(i.Dir) && !linkedPackages.Contains(i.Dir))
            .Select(i => i.Dir).Distinct().Order(StringComparer.Ordinal).ToList();
        stdout.WriteLine();
        stdout.WriteLine("Node apps (with a Node Dockerfile) linked to no container:");
        if (apps.Count == 0) stdout.WriteLine("  (none)");
        foreach (var dir in apps) stdout.WriteLine($"  {model.Packages[dir].File}");
        stdout.WriteLine();
        stdout.WriteLine($"Add the annotation `{Linking.AppLinker.SourceAnnotation}: <folder>` (and `{Linking.AppLinker.ContainerAnnotation}: <name>` for pods with sidecars) to link explicitly.");
        return ExitCodes.Clean;
    }

    /// <summary>`5 variable(s) read: 2 required, 2 defaulted, 1 only tested; 1 dynamic read not judged`.</summary>
    private static string EnvSummary(ProjectModel model, AppLink link)
    {
        var modules = link.ReachableFiles.Select(f => model.Modules.GetValueOrDefault(f)).OfType<JsModule>().ToList();
        var byName = modules.SelectMany(m => m.EnvReads).GroupBy(r => r.Name).ToList();
        var required = byName.Count(g => g.All(r => r.Kind == EnvReadKind.Required));
        var defaulted = byName.Count(g => g.Any(r => r.Kind == EnvReadKind.Defaulted));
        var dynamic = modules.Sum(m => m.DynamicEnvReads);
        var summary = $"{byName.Count} variable(s) read: {required} required, {defaulted} defaulted, {byName.Count - required - defaulted} only tested";
        return dynamic == 0 ? summary : $"{summary}; {dynamic} dynamic read(s) (`process.env[expr]`) not judged";
    }
}
