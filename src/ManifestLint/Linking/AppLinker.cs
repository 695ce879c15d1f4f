using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Decides which Node app runs in which container, strongest evidence first:
/// the `manifestlint.io/source` annotation, then a Node Dockerfile whose folder matches the
/// container or image name, then a single-app fallback. Every link records why.</summary>
public static class AppLinker
{
    public const string SourceAnnotation = "manifestlint.io/source";

    /// <summary>Images that never run the project's Node code.</summary>
    private static readonly HashSet<string> NonNodeImages = new(StringComparer.Ordinal)
    {
        "mongo", "mongodb", "postgres", "postgresql", "mysql", "mariadb", "redis", "valkey", "nginx", "httpd", "caddy",
        "traefik", "haproxy", "envoy", "rabbitmq", "kafka", "zookeeper", "elasticsearch", "memcached", "busybox",
        "alpine", "ubuntu", "debian", "minio", "etcd", "consul", "vault", "grafana", "prometheus", "mongo-express",
        "cloud-sql-proxy", "pgbouncer", "oauth2-proxy", "fluent-bit", "fluentd", "otel-collector", "opentelemetry-collector",
    };

    /// <summary>Names the container that runs the app when a pod has several (sidecars).</summary>
    public const string ContainerAnnotation = "manifestlint.io/container";

    /// <summary>Parses the JavaScript reachable from each package's own entry points (package.json, its Dockerfile),
    /// in parallel: what Node runs. Files reachable only from a container's command are parsed when linking finds them.</summary>
    public static void ParseNodeCode(ProjectModel model) => model.PackageRunFiles = PackageRunFiles(model, new ModuleGraph(model.Modules));

    private static HashSet<string> PackageRunFiles(ProjectModel model, ModuleGraph graph) =>
        graph.Reachable(model.Packages.Values.SelectMany(p => EntryPoints.AllFor(p, model.ImagesIn(p.Dir))).Select(graph.Resolve).OfType<string>());

    public static void Link(ProjectModel model)
    {
        var graph = new ModuleGraph(model.Modules);
        var apps = model.Images
            .Where(i => i.Final is { RunsNode: true } && model.Packages.ContainsKey(i.Dir))
            .GroupBy(i => i.Dir).Select(g => Dockerfiles.Preferred(g)!).ToList();
        var index = new AppIndex(model, apps);
        // Workloads are linked in parallel (each link walks its app's module graph), and merged in workload order.
        var workloads = model.Workloads.ToList();
        var linked = new WorkloadLinks[workloads.Count];
        Parallel.For(0, workloads.Count, i => linked[i] = LinkWorkload(model, graph, index, workloads[i]));
        var links = linked.SelectMany(w => w.Links).ToList();
        var ambiguous = linked.SelectMany(w => w.Ambiguous).ToList();
        var unlinked = linked.SelectMany(w => w.Unlinked).ToList();

        // Single-app fallback: one Node app, one container that could run it.
        if (apps.Count == 1 && links.Count == 0)
        {
            var nonNodeFolders = model.Images.Where(i => i.Final is { RunsNode: false } && i.Dir.Length > 0)
                .Select(i => PathUtil.LastSegment(i.Dir)).ToHashSet(StringComparer.Ordinal);
            var candidates = unlinked.Where(u => CouldRunApp(u.Container)
                && !nonNodeFolders.Contains(u.Container.Name) && !nonNodeFolders.Contains(ImageRepositoryName(u.Container.Image) ?? "")
                && !nonNodeFolders.Contains(u.Workload.Name)).ToList();
            if (candidates.Count == 1)
            {
                var (workload, container) = candidates[0];
                links.Add(Build(model, graph, workload, container, model.Packages[apps[0].Dir], apps[0],
                    $"the only Node app ({apps[0].File}) and the only container that could run it"));
            }
        }
        model.Links = links;
        model.AmbiguousLinks = ambiguous;
        NodeTargetResolver.Resolve(model);
        // Files Node runs: from each package's own entry points, and from what each linked container starts
        // (a Kubernetes command may start a file no Dockerfile or script names).
        var runFiles = new HashSet<string>(model.PackageRunFiles ?? PackageRunFiles(model, graph), StringComparer.Ordinal);
        foreach (var link in links.Where(l => !l.Transpiled)) runFiles.UnionWith(link.ReachableFiles);
        model.NodeRunFiles = runFiles;
    }

    private sealed record WorkloadLinks(List<AppLink> Links, List<(KubeObject, Container, IReadOnlyList<string>)> Ambiguous,
        List<(KubeObject Workload, Container Container)> Unlinked);

    /// <summary>The links of one workload: by configuration, else by annotation, else each container by image evidence.</summary>
    private static WorkloadLinks LinkWorkload(ProjectModel model, ModuleGraph graph, AppIndex index, KubeObject workload)
    {
        var result = new WorkloadLinks([], [], []);
        if ((ByConfig(model, graph, workload) ?? ByAnnotation(model, graph, workload)) is { } explicitLink)
        {
            result.Links.Add(explicitLink);
            return result;
        }
        foreach (var container in workload.PodTemplate!.Containers)
        {
            var link = ByImage(model, graph, index, workload, container, result.Ambiguous);
            if (link is not null) result.Links.Add(link);
            else result.Unlinked.Add((workload, container));
        }
        return result;
    }

    /// <summary>`apps:` in `.manifestlint.yaml`: the user's word is the strongest evidence.</summary>
    private static AppLink? ByConfig(ProjectModel model, ModuleGraph graph, KubeObject workload)
    {
        foreach (var app in model.Config.Apps)
        {
            var parts = app.Workload.Split('/');
            var matches = parts.Length switch
            {
                3 => parts[0] == workload.Kind && parts[1] == workload.Namespace && parts[2] == workload.Name,
                2 => parts[0] == workload.Kind && parts[1] == workload.Name,
                _ => app.Workload == workload.Name,
            };
            if (!matches) continue;
            var dir = PathUtil.Join("", app.Source);
            if (!model.Packages.TryGetValue(dir, out var package)) return null;
            var container = app.Container is { } named
                ? workload.PodTemplate!.Containers.FirstOrDefault(c => c.Name == named)
                : MainContainer(workload, PathUtil.LastSegment(dir));
            if (container is null) return null;
            var image = Dockerfiles.Preferred(model.ImagesIn(dir).Where(i => i.Final is not null));
            return Build(model, graph, workload, container, package, image, $"`apps:` entry in {model.Config.Source ?? ".manifestlint.yaml"} ({app.Source} -> {app.Workload})");
        }
        return null;
    }

    private static AppLink? ByAnnotation(ProjectModel model, ModuleGraph graph, KubeObject workload)
    {
        var dir = Annotation(workload, SourceAnnotation);
        if (dir is null) return null;
        var normalized = PathUtil.Join("", dir);
        if (!model.Packages.TryGetValue(normalized, out var package)) return null;
        if (MainContainer(workload, PathUtil.LastSegment(normalized)) is not { } container) return null;
        var image = Dockerfiles.Preferred(model.ImagesIn(normalized).Where(i => i.Final is not null));
        return Build(model, graph, workload, container, package, image, $"annotation {SourceAnnotation}: {dir}");
    }

    private static AppLink? ByImage(ProjectModel model, ModuleGraph graph, AppIndex index, KubeObject workload, Container container,
        List<(KubeObject, Container, IReadOnlyList<string>)> ambiguous)
    {
        var imageName = ImageRepositoryName(container.Image);
        var matches = new List<(ImageRecipe App, int Strength, string Why)>();
        foreach (var app in index.Candidates(workload, container, imageName, AppLabel(workload)))
        {
            var folder = PathUtil.LastSegment(app.Dir);
            var composed = index.BuildOf(app, container.Image);
            if (composed is not null) matches.Add((app, 3, $"{composed.Origin} builds image `{composed.Image}` from {app.Dir}/"));
            else if (container.Name == folder) matches.Add((app, 3, $"container name `{container.Name}` matches folder {app.Dir}/ ({app.File} runs Node)"));
            else if (imageName == folder) matches.Add((app, 3, $"image `{container.Image}` matches folder {app.Dir}/ ({app.File} runs Node)"));
            // Workload-level evidence only speaks for the pod's app container, never its sidecars.
            else if ((workload.Name == folder || AppLabel(workload) == folder) && MainContainer(workload, folder) == container)
            {
                matches.Add((app, 2, $"workload {workload.Ref} is named for folder {app.Dir}/ ({app.File} runs Node)"));
            }
            else if (imageName is not null && imageName.Split('-', '_', '.').Contains(folder))
            {
                matches.Add((app, 1, $"image `{container.Image}` names folder {app.Dir}/ ({app.File} runs Node)"));
            }
        }
        if (matches.Count == 0) return null;
        var best = matches.Max(m => m.Strength);
        var top = matches.Where(m => m.Strength == best).ToList();
        if (top.Count != 1)
        {
            ambiguous.Add((workload, container, top.Select(m => m.App.Dir + "/").ToList())); // precision over recall: no guess
            return null;
        }
        var (chosen, _, why) = top[0];
        return Build(model, graph, workload, container, model.Packages[chosen.Dir], chosen, why);
    }

    /// <summary>The container that runs the app: named by annotation, the only one, the one named for the
    /// folder, or the only one that is not a sidecar (vendor or well-known non-Node image).</summary>
    private static Container? MainContainer(KubeObject workload, string folder)
    {
        var containers = workload.PodTemplate!.Containers;
        if (Annotation(workload, ContainerAnnotation) is { } named) return containers.FirstOrDefault(c => c.Name == named);
        if (containers.Count == 1) return containers[0];
        var byName = containers.Where(c => c.Name == folder || ImageRepositoryName(c.Image) == folder).ToList();
        if (byName.Count == 1) return byName[0];
        var apps = containers.Where(CouldRunApp).ToList();
        return apps.Count == 1 ? apps[0] : null;
    }

    private static string? Annotation(KubeObject workload, string key) =>
        workload.Annotations.GetValueOrDefault(key) ?? workload.PodTemplate!.Annotations.GetValueOrDefault(key);

    private static bool CouldRunApp(Container container) => !IsKnownNonNodeImage(container.Image) && !IsVendorImage(container.Image);

    private static AppLink Build(ProjectModel model, ModuleGraph graph, KubeObject workload, Container container, NodePackage package, ImageRecipe? image, string evidence)
    {
        var (launch, launchSpan, launchOrigin) = Launch(container, package, image);
        var files = launch.Files.Select(graph.Resolve).OfType<string>().ToList();
        var entry = launch.Entry is null ? null : graph.Resolve(launch.Entry);
        var reachable = graph.Reachable(files, parallel: false);
        // dotenv reads `.env` from the working directory, which is the package folder in the image.
        var usesDotenv = reachable.Any(f => model.Modules.TryGetValue(f, out var m) && m.Dependencies.Any(d => d.Specifier is "dotenv" or "dotenv/config"));
        var dropped = usesDotenv ? DotEnvDropped(model, package, image) : null;
        // `dotenv.config({ path: '.env.production' })` (or dotenv-flow, multiple files): a file we do not follow.
        var customEnvPath = usesDotenv && reachable.Any(f => model.Modules.GetValueOrDefault(f)?.SetsDotenvPath == true);
        var envFiles = usesDotenv && dropped is null ? [.. launch.EnvFiles, PathUtil.Join(package.Dir, ".env")] : launch.EnvFiles;
        return new AppLink(workload, container, package, image, entry, reachable, evidence)
        {
            EnvFiles = envFiles,
            DotEnvDropped = dropped,
            EnvFilesUnknown = customEnvPath,
            LaunchEntry = launch.Entry,
            Transpiled = launch.Transpiled,
            LaunchSpan = launchSpan,
            LaunchOrigin = launchOrigin,
        };
    }

    /// <summary>Why the package's `.env` never reaches the image, or null when it does (or may: no Dockerfile,
    /// or artifacts copied from another stage, which may carry it).</summary>
    private static string? DotEnvDropped(ProjectModel model, NodePackage package, ImageRecipe? image)
    {
        if (image?.Final is not { } stage) return null;
        var inContext = PathUtil.Relative(image.Dir, PathUtil.Join(package.Dir, ".env"));
        if (inContext is null) return null;
        var dockerIgnore = PathUtil.Join(image.Dir, ".dockerignore");
        if (model.DockerIgnores.TryGetValue(dockerIgnore, out var lines)
            && Discovery.IgnorePatterns.Create(lines).IsIgnored(inContext, false))
        {
            return $"{dockerIgnore} leaves `.env` out of the image";
        }
        return stage.CopiesFromStage || stage.Copies(inContext) ? null : $"{image.File} copies no `.env` into the image";
    }

    /// <summary>Kubernetes `command` replaces ENTRYPOINT and `args` replaces CMD; with no command at all,
    /// package.json `start`, `main`, and Node's default `index.js`.</summary>
    private static (Launch Launch, SourceSpan? Span, string? Origin) Launch(Container container, NodePackage package, ImageRecipe? image)
    {
        var stage = image?.Final;
        var fromKubernetes = container.Command.Count > 0 || container.Args.Count > 0;
        IReadOnlyList<string> command = container.Command.Count > 0
            ? [.. container.Command, .. container.Args]
            : [.. stage?.Entrypoint ?? [], .. container.Args.Count > 0 ? container.Args : stage?.Cmd ?? []];
        var launch = EntryPoints.FromCommand(command, package, stage?.WorkDir);
        var (span, origin) = fromKubernetes ? (container.Span, $"the command of container `{container.Name}`")
            : stage?.CommandSpan is { } cmd ? (cmd, $"the CMD/ENTRYPOINT in {image!.File}") : ((SourceSpan?)null, (string?)null);
        // A command we cannot read (`npx knex migrate`, a shell script) runs something else: unknown, not `start`.
        if (command.Count > 0) return (launch, span, origin);
        if (package.Scripts.TryGetValue("start", out var start)) launch = EntryPoints.FromScript(start, package);
        if (launch.Entry is null) launch = new Launch(PathUtil.Join(package.Dir, package.Main ?? "index.js"), launch.Preloads);
        return (launch, null, null);
    }

    /// <summary>`registry:5000/team/chat-backend:v7@sha256:…` → `chat-backend`.</summary>
    internal static string? ImageRepositoryName(string? image) => ImageReference.Parse(image)?.Name;

    /// <summary>`registry/team/app:1` and `registry/team/app:2` are the same repository.</summary>
    internal static bool SameRepository(string a, string? b) =>
        ImageReference.Parse(a) is { } x && ImageReference.Parse(b) is { } y && x.Repository == y.Repository;

    private static string? AppLabel(KubeObject workload) =>
        workload.PodTemplate!.Labels.GetValueOrDefault("app.kubernetes.io/name") ?? workload.PodTemplate.Labels.GetValueOrDefault("app");

    /// <summary>Images published by vendors (not built from this repository).</summary>
    private static bool IsVendorImage(string? image) => image is not null && VendorPrefixes.Any(p => image.StartsWith(p, StringComparison.Ordinal));

    private static readonly string[] VendorPrefixes =
    [
        "otel/", "bitnami/", "grafana/", "prom/", "quay.io/prometheus", "jaegertracing/", "datadog/", "gcr.io/datadoghq",
        "newrelic/", "fluent/", "envoyproxy/", "istio/", "hashicorp/", "confluentinc/", "docker.elastic.co/",
        "registry.k8s.io/", "k8s.gcr.io/", "quay.io/jetstack", "ghcr.io/open-telemetry/", "gcr.io/cloud-sql-connectors/",
    ];

    private static bool IsKnownNonNodeImage(string? image) =>
        ImageRepositoryName(image) is { } name && NonNodeImages.Contains(name);
}
