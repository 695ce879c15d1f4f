using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.Probes;

/// <summary>ML405: an httpGet probe path that no route of the linked app serves (Express, Koa, Fastify routes
/// known statically, routers resolved through their mounts). Silent when any code we cannot read could answer.</summary>
public sealed class ProbePathNotServedRule : IRule
{
    public RuleDescriptor Descriptor { get; } = new("ML405", "probe-path-not-served", "probes-health", Level.Error);

    public void Analyze(ProjectModel model, RuleContext context)
    {
        var tables = new Dictionary<AppLink, AppRouteTable?>();
        foreach (var site in ProbeSites.All(model))
        {
            if (site is not { Link: { } link, Probe: { Handler: "httpGet", HttpPath: { } path, PathSpan: { } at } }) continue;
            // Only a probe of the app's own (statically known) listen port is judged against the app's routes:
            // other ports belong to servers we cannot read (a health library's, a sidecar's, gRPC).
            if (ProbeSites.PortNumber(site.Probe, site.Container) is not { } port || Networking.ListenPorts.Of(model, link) is not var (ports, _) || !ports.Contains(port)) continue;
            if (!tables.TryGetValue(link, out var table)) tables[link] = table = AppRoutes.Of(model, link);
            if (table is null || !table.Knows(path) || table.Match(path) is not null) continue;
            var served = table.Routes.Where(r => r.Method is "get" or "all").Select(r => r.Path).Distinct().Order(StringComparer.Ordinal).Take(8).ToList();
            var routes = served.Count == 0 ? "no GET routes" : "GET routes: " + string.Join(", ", served.Select(r => $"`{r}`"));
            var consequence = site.Field == "readinessProbe"
                ? "the pod never becomes ready"
                : "the kubelet restarts the container again and again (CrashLoopBackOff)";
            context.Report(at,
                $"The `{site.Field}` of container `{site.Container.Name}` in {site.Workload.Ref} requests `{path}`, which the app does not serve ({routes}; app {link.Package.File}, linked because {link.Evidence}); " +
                $"it answers 404, so {consequence}. Add the route, or probe one the app serves.",
                $"{site.Field}:{path}", site.Workload.Ref);
        }
    }
}
