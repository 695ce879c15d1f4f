using System.Text.RegularExpressions;
using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML407: a liveness probe that checks downstream dependencies (a readiness-style path, or a handler
/// that queries the database): one slow database restarts every pod at once.</summary>
public sealed partial class LivenessChecksDependenciesRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML407", "liveness-checks-dependencies", "probes-health", Level.Note);

    [GeneratedRegex(@"(^|/)(ready|readyz|readiness|db|database|deps|dependencies|mongo|redis|postgres)(/|$)", RegexOptions.IgnoreCase)]
    private static partial Regex DependencyPath();

    public void Analyze(ProjectModel model, RuleContext context)
    {
        foreach (var site in ProbeSites.All(model))
        {
            if (site is not { Field: "livenessProbe", Probe: { Handler: "httpGet", HttpPath: { } path, PathSpan: { } at } }) continue;
            string? reason = null;
            if (DependencyPath().IsMatch(path.Split('?')[0])) reason = $"the path `{path}` names a readiness or dependency check";
            else if (site.Link is { } link && AppRoutes.Of(model, link)?.Match(path) is { TouchesDependency: true } route)
            {
                reason = $"its handler ({route.Span.File}:{route.Span.StartLine}) queries a database or cache";
            }
            if (reason is null) continue;
            context.Report(at,
                $"The liveness probe of container `{site.Container.Name}` in {site.Workload.Ref} requests `{path}`, and {reason}; when that dependency is slow or down, " +
                "every replica fails liveness together and the kubelet restarts them all, which cannot fix the dependency. Check only the process in liveness; put dependency checks in the readiness probe.",
                path, site.Workload.Ref);
        }
    }
}
