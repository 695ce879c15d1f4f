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

    /// <summary>Lints with default settings (inline suppressions honoured, no baseline).</summary>
    public static LintResult Lint(IReadOnlyList<string> paths, string? configPath = null, string? nodeVersion = null) =>
        Lint(paths, new LintSettings { ConfigPath = configPath, NodeVersion = nodeVersion });

    /// <summary>Lints the project holding <paramref name="paths"/>; reports findings in files under those paths.</summary>
    /// <exception cref="ConfigException">Bad configuration.</exception>
    /// <exception cref="IOException">A path does not exist.</exception>
    /// <exception cref="UsageException">The paths belong to different projects.</exception>
    public static LintResult Lint(IReadOnlyList<string> paths, LintSettings settings)
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
        var config = WithNodeVersion(LoadConfig(root, settings.ConfigPath), settings.NodeVersion);
        var model = DiscoverAndLoad(root, config);
        var scopes = paths.Select(p => ProjectRoot.Relative(root, Path.GetFullPath(p))).ToList();
        var (findings, suppressed) = Run(model, f => InScope(f.Span.File, scopes), settings);
        return new LintResult(root, model, findings)
        {
            Suppressed = suppressed,
            RepoRootOrNull = ProjectRoot.GitRoot(root),
            FilesInScope = model.Sources.Paths.Count(f => InScope(f, scopes)),
            Skipped = model.Skipped.Where(s => InScope(s.RelativePath, scopes)).ToList(),
        };
    }

    /// <summary>Discover and load in a method of their own: the list of discovered files (one object per file, the
    /// content of stdin) is garbage once the model is built, not kept alive by the caller's frame for the whole run.</summary>
    internal static ProjectModel DiscoverAndLoad(string root, LintConfig config)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (files, skipped, index) = new FileDiscoverer(config.Limits).Discover(root, config.Ignore);
        var discovered = clock.Elapsed;
        var model = ProjectLoader.Load(root, config, files, skipped);
        model.Stats.Add(("discover", discovered));
        model.Stats.Add(("load", clock.Elapsed - discovered));
        model.Files = index;
        return model;
    }

    /// <summary>Lints YAML read from standard input on its own (`helm template … | manifestlint -`), reported
    /// under <see cref="LintSettings.StdinFilename"/> when given.</summary>
    public static LintResult LintStdin(byte[] content, string? configPath = null, string? nodeVersion = null) =>
        LintStdin(content, new LintSettings { ConfigPath = configPath, NodeVersion = nodeVersion });

    public static LintResult LintStdin(byte[] content, LintSettings settings)
    {
        var root = Directory.GetCurrentDirectory();
        var config = WithNodeVersion(LoadConfig(root, settings.ConfigPath), settings.NodeVersion);
        var name = string.IsNullOrWhiteSpace(settings.StdinFilename) ? StdinPath : settings.StdinFilename.Replace('\\', '/').TrimStart('.', '/');
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = ProjectLoader.Load(root, config, [new DiscoveredFile(name, FileKind.Yaml, content)], []);
        model.Stats.Add(("load", clock.Elapsed));
        var (findings, suppressed) = Run(model, _ => true, settings);
        return new LintResult(root, model, findings) { FilesInScope = 1, Suppressed = suppressed };
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

    /// <summary>Rules, then the filter: scope, inline/annotation suppressions (unless disabled), baseline.</summary>
    private static (IReadOnlyList<Finding> Findings, IReadOnlyList<Filtering.SuppressedFinding> Suppressed) Run(ProjectModel model, Func<Finding, bool> inScope, LintSettings settings)
    {
        var baseline = settings.BaselinePath is { } path ? Filtering.Baseline.Read(path) : null;
        ParseAndLink(model);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var findings = RunRules(model);
        model.Stats.Add(("rules", clock.Elapsed));
        clock.Restart();
        IReadOnlyList<Finding> kept = findings;
        var suppressed = new List<Filtering.SuppressedFinding>();
        if (settings.InlineSuppressions)
        {
            var unusedLevel = EffectiveLevel(model.Config, new Rules.Input.UnusedSuppressionRule().Descriptor);
            var (afterInline, inline) = Filtering.SuppressionFilter.Apply(model, findings, unusedLevel);
            kept = afterInline;
            suppressed.AddRange(inline);
        }
        kept = kept.Where(inScope).ToList();
        if (baseline is not null)
        {
            var (afterBaseline, baselined) = Filtering.Baseline.Apply(kept, baseline);
            kept = afterBaseline;
            suppressed.AddRange(baselined);
        }
        model.Stats.Add(("filter", clock.Elapsed));
        return (Ordered(kept), suppressed.Where(s => inScope(s.Finding)).OrderBy(s => s.Finding.Span.File, StringComparer.Ordinal)
            .ThenBy(s => s.Finding.Span.StartLine).ThenBy(s => s.Finding.Span.StartColumn).ThenBy(s => s.Finding.RuleId, StringComparer.Ordinal).ToList());
    }

    /// <summary>What the rules need beyond the loaded model: the JavaScript Node runs, parsed; apps linked to containers;
    /// the packages the code imports from node_modules.</summary>
    internal static void ParseAndLink(ProjectModel model)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AppLinker.ParseNodeCode(model);
        model.Stats.Add(("parse JS", clock.Elapsed));
        clock.Restart();
        AppLinker.Link(model);
        ProjectLoader.LoadVendored(model);
        model.Stats.Add(("link", clock.Elapsed));
    }

    /// <summary>Every enabled rule, in parallel: rules are pure functions of the model, and the facts they share are
    /// computed once (<see cref="ProjectModel.Memo{T}"/>). Findings, times and failures are gathered in registry order,
    /// so the result does not depend on scheduling.</summary>
    internal static List<Finding> RunRules(ProjectModel model)
    {
        var rules = RuleRegistry.All.Select(r => (Rule: r, Level: EffectiveLevel(model.Config, r.Descriptor))).Where(r => r.Level is not null).ToList();
        var results = new (List<Finding> Findings, TimeSpan Time, string? Error)[rules.Count];
        Parallel.For(0, rules.Count, i =>
        {
            var (rule, level) = rules[i];
            var sink = new List<Finding>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                rule.Analyze(model, new RuleContext(rule.Descriptor, level!.Value, sink));
                results[i] = (sink, clock.Elapsed, null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A bug in one rule must not take the others down: drop its partial findings, say so, go on.
                results[i] = ([], clock.Elapsed, $"rule {rule.Descriptor.Id} failed ({ex.GetType().Name}: {ex.Message}); its findings are missing. Please report this.");
            }
        });
        var findings = new List<Finding>();
        for (var i = 0; i < rules.Count; i++)
        {
            findings.AddRange(results[i].Findings);
            if (results[i].Error is { } error) model.InternalErrors.Add(error);
            else model.RuleTimes.Add((rules[i].Rule.Descriptor.Id, results[i].Time));
        }
        return findings;
    }

    private static List<Finding> Ordered(IEnumerable<Finding> findings) => findings
        .OrderBy(f => f.Span.File, StringComparer.Ordinal)
        .ThenBy(f => f.Span.StartLine).ThenBy(f => f.Span.StartColumn)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ThenBy(f => f.Key, StringComparer.Ordinal)
        .ToList();

    private static Level? EffectiveLevel(LintConfig config, RuleDescriptor rule)
    {
        if (config.RuleLevels.TryGetValue(rule.Id, out var byId)) return byId;
        if (config.RuleLevels.TryGetValue(rule.Name, out var byName)) return byName;
        return rule.EnabledByDefault ? rule.DefaultLevel : null;
    }

    private static bool InScope(string file, List<string> scopes) => scopes.Any(scope =>
        scope.Length == 0 || file == scope || file.StartsWith(scope + "/", StringComparison.Ordinal));
}
