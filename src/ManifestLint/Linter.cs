using ManifestLint.Config;
using ManifestLint.Discovery;
using ManifestLint.Linking;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Rules;

namespace ManifestLint;

/// <summary>The pipeline: discover → load → link → rules → filter. No console, no exit codes.</summary>
public static class Linter
{
    public const string StdinPath = "<stdin>";

    /// <summary>Lints the project holding <paramref name="paths"/>; reports findings in files under those paths.</summary>
    /// <exception cref="ConfigException">Bad configuration.</exception>
    /// <exception cref="IOException">A path does not exist.</exception>
    /// <exception cref="UsageException">The paths belong to different projects.</exception>
    public static LintResult Lint(IReadOnlyList<string> paths, string? configPath = null, string? nodeVersion = null)
    {
        if (paths.Count == 0) paths = ["."];
        foreach (var path in paths)
        {
            if (!File.Exists(path) && !Directory.Exists(path)) throw new FileNotFoundException($"path not found: {path}", path);
        }
        var roots = paths.Select(ProjectRoot.Find).Distinct().ToList();
        if (roots.Count > 1)
        {
            throw new UsageException($"the paths belong to different projects ({string.Join(", ", roots)}); lint each project in its own run");
        }
        var root = roots[0];
        var config = WithNodeVersion(LoadConfig(root, configPath), nodeVersion);
        var (files, skipped, index) = new FileDiscoverer(config.MaxFileBytes).Discover(root, config.Ignore);
        var model = ProjectLoader.Load(root, config, files, skipped);
        model.Files = index;
        var scopes = paths.Select(p => ProjectRoot.Relative(root, Path.GetFullPath(p))).ToList();
        return new LintResult(root, model, Run(model, f => InScope(f.Span.File, scopes)))
        {
            RepoRootOrNull = ProjectRoot.GitRoot(root),
            FilesInScope = model.Sources.Keys.Count(f => InScope(f, scopes)),
            Skipped = model.Skipped.Where(s => InScope(s.RelativePath, scopes)).ToList(),
        };
    }

    /// <summary>Lints YAML read from standard input on its own.</summary>
    public static LintResult LintStdin(byte[] content, string? configPath = null, string? nodeVersion = null)
    {
        var root = Directory.GetCurrentDirectory();
        var config = WithNodeVersion(LoadConfig(root, configPath), nodeVersion);
        var model = ProjectLoader.Load(root, config, [new DiscoveredFile(StdinPath, "", FileKind.Yaml, content)], []);
        return new LintResult(root, model, Run(model, _ => true)) { FilesInScope = 1 };
    }

    /// <summary>--node-version overrides the configuration file.</summary>
    private static LintConfig WithNodeVersion(LintConfig config, string? nodeVersion)
    {
        if (nodeVersion is null) return config;
        if (NodeVersion.Parse(nodeVersion) is null) throw new UsageException($"--node-version `{nodeVersion}` is not a version such as 20.18 or 22.12.0");
        return config with { NodeVersion = nodeVersion };
    }

    private static LintConfig LoadConfig(string root, string? configPath)
    {
        var path = configPath ?? Path.Combine(root, ProjectRoot.ConfigFileName);
        if (configPath is null && !File.Exists(path)) return LintConfig.Default;
        if (!File.Exists(path)) throw new ConfigException($"{configPath}: configuration file not found");
        return ConfigLoader.Load(path, configPath ?? ProjectRoot.ConfigFileName);
    }

    private static IReadOnlyList<Finding> Run(ProjectModel model, Func<Finding, bool> inScope)
    {
        AppLinker.Link(model);
        var findings = new List<Finding>();
        foreach (var rule in RuleRegistry.All)
        {
            if (EffectiveLevel(model.Config, rule.Descriptor) is not { } level) continue;
            rule.Analyze(model, new RuleContext(rule.Descriptor, level, findings));
        }
        return findings.Where(inScope)
            .OrderBy(f => f.Span.File, StringComparer.Ordinal)
            .ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToList();
    }

    private static Level? EffectiveLevel(LintConfig config, RuleDescriptor rule)
    {
        if (config.RuleLevels.TryGetValue(rule.Id, out var byId)) return byId;
        if (config.RuleLevels.TryGetValue(rule.Name, out var byName)) return byName;
        return rule.EnabledByDefault ? rule.DefaultLevel : null;
    }

    private static bool InScope(string file, List<string> scopes) => scopes.Any(scope =>
        scope.Length == 0 || file == scope || file.StartsWith(scope + "/", StringComparison.Ordinal));
}
