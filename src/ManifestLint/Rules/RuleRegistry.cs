using ManifestLint.Rules.EnvConfig;
using ManifestLint.Rules.Input;
using ManifestLint.Rules.ModuleSystem;
using ManifestLint.Rules.Networking;
using ManifestLint.Rules.Probes;

namespace ManifestLint.Rules;

/// <summary>All built-in rules, in id order. Explicit list: no reflection (AOT-friendly).</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new ParseErrorRule(),
        new RemoteResourceSkippedRule(),
        new UnusedSuppressionRule(),
        new HelmChartNotRenderedRule(),
        new InputLimitReachedRule(),
        new TypeScriptNotAnalysedRule(),
        new RequireInEsmRule(),
        new ImportInCjsRule(),
        new ExtensionlessImportRule(),
        new DirectoryImportRule(),
        new MissingModuleRule(),
        new EntryPointMissingRule(),
        new ImportMetaInCjsRule(),
        new TopLevelAwaitInCjsRule(),
        new InvalidPackageTypeRule(),
        new RequireEsmRule(),
        new JsonImportAttributeRule(),
        new NamedImportFromCjsRule(),
        new PackagePathNotExportedRule(),
        new ImportAssertionRule(),
        new PackageImportNotDefinedRule(),
        new HostWithoutServiceRule(),
        new ServicePortNotExposedRule(),
        new ServiceSelectsNothingRule(),
        new TargetPortNotFoundRule(),
        new ListenPortMismatchRule(),
        new IngressBackendNotFoundRule(),
        new LocalhostToOtherPodRule(),
        new ListenLoopbackOnlyRule(),
        new DuplicateServiceRule(),
        new SelectorMismatchRule(),
        new EnvVarNotSetRule(),
        new EnvRefMissingRule(),
        new InsecureSecretDefaultRule(),
        new PlaintextSecretRule(),
        new DuplicateEnvNameRule(),
        new EnvNameTypoRule(),
        new MissingReadinessProbeRule(),
        new MissingLivenessProbeRule(),
        new ProbePortNotDeclaredRule(),
        new ProbePortNotListeningRule(),
        new ProbePathNotServedRule(),
        new IdenticalProbesRule(),
        new LivenessChecksDependenciesRule(),
        new ProbeTimingRule(),
        new StartupProbeSuggestedRule(),
        new ExecProbeBinaryMissingRule(),
    ];

    /// <summary>Finds a rule by id (`ML101`) or name (`require-in-esm`), case-insensitively.</summary>
    public static IRule? Find(string idOrName) => All.FirstOrDefault(r =>
        string.Equals(r.Descriptor.Id, idOrName, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(r.Descriptor.Name, idOrName, StringComparison.OrdinalIgnoreCase));
}
