using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>What the module-system rules share: the files Node runs, with the format each runs as on
/// its app's Node version, and the wording that says which version and why.</summary>
internal static class ModuleRuleSupport
{
    public sealed record Judged(JsModule Module, NodeTarget Target, ModuleFormat Format);

    /// <summary>Files reachable from an entry point, parsed, with their format on the target's newest release.</summary>
    public static IReadOnlyList<Judged> NodeRunModules(ProjectModel model) => model.Memo(nameof(NodeRunModules), null, () => ComputeNodeRunModules(model).ToList());

    private static IEnumerable<Judged> ComputeNodeRunModules(ProjectModel model)
    {
        foreach (var file in model.NodeRunFiles.Order(StringComparer.Ordinal))
        {
            if (!model.Modules.TryGetValue(file, out var module)) continue;
            var target = model.NodeTargetFor(file);
            yield return new Judged(module, target, module.FormatOn(target.Newest));
        }
    }

    /// <summary>Why Node runs the file in this format on this target.</summary>
    public static string FormatReason(Judged j) => j.Module.Typeless && j.Module.HasModuleSyntax
        ? j.Format == ModuleFormat.Esm
            ? $"{j.Module.FormatReason}, and {j.Target.Describe()} detects its ESM syntax and runs it as an ES module"
            : $"{j.Module.FormatReason}, and {j.Target.Describe()} has no ESM syntax detection (added in 20.19.0 and 22.7.0), so it runs as CommonJS"
        : j.Module.FormatReason;

    /// <summary>For a typeless file with module syntax: does its verdict change across a moving tag's releases?</summary>
    public static Gate DetectionGate(Judged j, bool failsWithoutDetection) =>
        NodeFeatures.Check(j.Target, v => NodeFeatures.DetectsModuleSyntax(v) != failsWithoutDetection);

    /// <summary>Module-only syntax in this file: fails when Node runs it as CommonJS — always for an explicit
    /// CommonJS file, version-dependent (syntax detection) for a typeless one.</summary>
    public static Gate ModuleSyntaxInCjsGate(Judged j) =>
        j.Module.Typeless ? DetectionGate(j, failsWithoutDetection: true)
        : j.Format == ModuleFormat.CommonJs ? Gate.Fails : Gate.Passes;

    /// <summary>Version-gated findings are errors only when the version is known to fail.</summary>
    public static Level? Cap(Gate gate) => gate is Gate.FailsOnOlderReleases or Gate.FailsOnAssumedVersion ? Level.Warning : null;

    public const string PinAdvice = "Pin the image tag to a release with the behaviour you rely on (for example node:20.19-alpine or node:22.12-alpine) or make the module type explicit.";
}
