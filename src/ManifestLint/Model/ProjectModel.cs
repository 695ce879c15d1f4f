using ManifestLint.Config;
using ManifestLint.Discovery;
using ManifestLint.Loading;

namespace ManifestLint.Model;

/// <summary>Everything loaded from one project, with the indexes rules use for look-ups.</summary>
public sealed class ProjectModel
{
    private readonly Dictionary<(string Kind, string Ns, string Name), KubeObject> byKey = new();
    /// <summary>Objects sharing a key beyond the first (overlays, per-environment folders).</summary>
    private readonly Dictionary<(string Kind, string Ns, string Name), List<KubeObject>> duplicates = new();
    private readonly Dictionary<string, List<KubeObject>> servicesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<KubeObject>> customResourcesByNamespace = new(StringComparer.Ordinal);
    private readonly HashSet<(string Ns, string Name)> workloadNames = [];
    private readonly HashSet<(string Ns, string Name)> statefulSets = [];
    /// <summary>Pod templates by (namespace, label key, label value): selector look-ups cost the size of the
    /// smallest matching bucket, not a scan of every workload.</summary>
    private readonly Dictionary<(string Ns, string Key, string Value), List<KubeObject>> podsByLabel = new();

    public ProjectModel(
        string root,
        LintConfig config,
        IReadOnlyList<KubeObject> objects,
        IReadOnlyDictionary<string, NodePackage> packages,
        JsModuleStore modules,
        IReadOnlyList<ImageRecipe> images,
        IReadOnlyList<LoadProblem> problems,
        IReadOnlyList<SkippedFile> skipped,
        SourceFiles sources)
    {
        Root = root;
        Config = config;
        Objects = objects;
        Packages = packages;
        Modules = modules;
        Images = images;
        loadProblems = problems;
        Skipped = skipped;
        Sources = sources;
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (!byKey.TryAdd((o.Kind, o.Namespace, o.Name), o))
            {
                if (!duplicates.TryGetValue((o.Kind, o.Namespace, o.Name), out var more)) duplicates[(o.Kind, o.Namespace, o.Name)] = more = [];
                more.Add(o);
            }
            namespaces.Add(o.Kind == "Namespace" ? o.Name : o.Namespace);
            if (o.Service is not null) Add(servicesByNamespace, o);
            if (o.IsCustomResource) Add(customResourcesByNamespace, o);
            if (o.PodTemplate is not null) workloadNames.Add((o.Namespace, o.Name));
            if (o.Kind == "StatefulSet") statefulSets.Add((o.Namespace, o.Name));
            foreach (var (key, value) in o.PodTemplate?.Labels ?? new Dictionary<string, string>())
            {
                if (!podsByLabel.TryGetValue((o.Namespace, key, value), out var bucket)) podsByLabel[(o.Namespace, key, value)] = bucket = [];
                bucket.Add(o);
            }
        }
        KnownNamespaces = namespaces;
    }

    public string Root { get; }

    /// <summary>Time per pipeline phase, in order (`--stats`).</summary>
    public List<(string Phase, TimeSpan Time)> Stats { get; } = [];

    /// <summary>Time per rule, for `--stats` (where a slow rule shows up first).</summary>
    public List<(string Rule, TimeSpan Time)> RuleTimes { get; } = [];

    /// <summary>Internal failures (a rule that threw): reported on stderr, exit code 2, the rest of the run intact.</summary>
    public List<string> InternalErrors { get; } = [];
    public LintConfig Config { get; }
    public IReadOnlyList<KubeObject> Objects { get; }
    /// <summary>package.json files by folder ("" = root).</summary>
    public IReadOnlyDictionary<string, NodePackage> Packages { get; }
    /// <summary>JavaScript facts, parsed on first use (only the files Node runs are ever parsed).</summary>
    public JsModuleStore Modules { get; }
    public IReadOnlyList<ImageRecipe> Images { get; }

    /// <summary>Dockerfiles in one folder (a package's own), looked up instead of scanned per package.</summary>
    public IEnumerable<ImageRecipe> ImagesIn(string dir) => LazyInitializer.EnsureInitialized(ref imagesByDir, () => Images.ToLookup(i => i.Dir, StringComparer.Ordinal))[dir];

    private ILookup<string, ImageRecipe>? imagesByDir;
    private readonly IReadOnlyList<LoadProblem> loadProblems;

    /// <summary>Files that could not be loaded: those of the load phase, then those of the JavaScript parsed so far
    /// (after linking, every file Node runs).</summary>
    public IEnumerable<LoadProblem> Problems => loadProblems.Concat(Modules.Problems);
    public IReadOnlyList<SkippedFile> Skipped { get; }
    /// <summary>The files read: sizes, comment directives, and the text of the few kept whole.</summary>
    public SourceFiles Sources { get; }
    public IReadOnlySet<string> KnownNamespaces { get; }

    /// <summary>Every file present under the root (any kind, ignores applied), for module resolution.</summary>
    public FileIndex Files { get; internal set; } = FileIndex.Empty;

    /// <summary>Keys of each `.env` file, by project path.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> DotEnvKeys { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    /// <summary>`.dockerignore` lines by project path.</summary>
    public IReadOnlyDictionary<string, string[]> DockerIgnores { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Images that docker-compose files build, with their build context.</summary>
    public IReadOnlyList<ImageBuild> ImageBuilds { get; init; } = [];

    /// <summary>(kind, name) of objects some kustomize patch changes: their env may differ in the built output.</summary>
    public IReadOnlySet<(string Kind, string Name)> PatchTargets { get; init; } = new HashSet<(string, string)>();

    /// <summary>Is the workload changed by a kustomize patch? Patches name the object before a build's
    /// namePrefix/nameSuffix, so a renamed workload matches by containment (erring towards "patched": it only
    /// makes env knowledge unknown).</summary>
    public bool IsPatched(KubeObject workload) =>
        PatchTargets.Any(t => t.Kind == workload.Kind && workload.Name.Contains(t.Name, StringComparison.Ordinal));

    /// <summary>kustomization.yaml files, in path order.</summary>
    public IReadOnlyList<Kustomization> Kustomizations { get; init; } = [];

    /// <summary>The folder of the kustomization that governs a file (the nearest one upward), or null.</summary>
    public string? KustomizationDirOf(string file)
    {
        LazyInitializer.EnsureInitialized(ref kustomizationDirs, () => Kustomizations.Select(k => k.Dir).ToHashSet(StringComparer.Ordinal));
        for (var dir = Linking.PathUtil.DirOf(file); ; dir = Linking.PathUtil.DirOf(dir))
        {
            if (kustomizationDirs.Contains(dir)) return dir;
            if (dir.Length == 0) return null;
        }
    }

    private HashSet<string>? kustomizationDirs;

    /// <summary>Packages under node_modules that the code names, by package folder.</summary>
    public IReadOnlyDictionary<string, VendoredPackage> VendoredPackages { get; internal set; } = new Dictionary<string, VendoredPackage>();

    /// <summary>The package a bare specifier in a file resolves to (node_modules lookup upward), if present.</summary>
    public VendoredPackage? FindVendored(string fromFile, string name)
    {
        for (var dir = Linking.PathUtil.DirOf(fromFile); ; dir = Linking.PathUtil.DirOf(dir))
        {
            if (VendoredPackages.TryGetValue((dir.Length == 0 ? "" : dir + "/") + "node_modules/" + name, out var package)) return package;
            if (dir.Length == 0) return null;
        }
    }

    /// <summary>`.nvmrc` / `.node-version` contents by project path.</summary>
    public IReadOnlyDictionary<string, string> NodeVersionFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Target Node version per package folder, set by the linker.</summary>
    public IReadOnlyDictionary<string, NodeTarget> NodeTargets { get; internal set; } = new Dictionary<string, NodeTarget>();

    /// <summary>The target for projects files outside any package.</summary>
    public NodeTarget DefaultNodeTarget { get; internal set; } = Linking.NodeTargetResolver.Default;

    /// <summary>The package.json that governs a file: the nearest one upward.</summary>
    public NodePackage? NearestPackage(string file) => NodePackage.Nearest(Packages, file);

    /// <summary>The Node version that runs a file: its package's target.</summary>
    public NodeTarget NodeTargetFor(string file)
    {
        for (var dir = Linking.PathUtil.DirOf(file); ; dir = Linking.PathUtil.DirOf(dir))
        {
            if (NodeTargets.TryGetValue(dir, out var target)) return target;
            if (dir.Length == 0) return DefaultNodeTarget;
        }
    }

    /// <summary>App ↔ container links, set by the linker.</summary>
    public IReadOnlyList<AppLink> Links { get; internal set; } = [];
    /// <summary>Containers that several apps match equally well: not linked (no guess), shown by `manifestlint links`.</summary>
    public IReadOnlyList<(KubeObject Workload, Container Container, IReadOnlyList<string> Candidates)> AmbiguousLinks { get; internal set; } = [];

    /// <summary>JS files Node runs: reachable from some entry point of some package.</summary>
    public IReadOnlySet<string> NodeRunFiles { get; internal set; } = new HashSet<string>();

    /// <summary>JS files reachable from packages' own entry points (set before linking, which adds containers' commands).</summary>
    internal IReadOnlySet<string>? PackageRunFiles { get; set; }

    public KubeObject? Find(string kind, string ns, string name)
    {
        Interlocked.Increment(ref lookupWork);
        return byKey.GetValueOrDefault((kind, ns, name));
    }

    /// <summary>The object of that key deployed together with `fromFile` (see <see cref="SameBuild"/>), else null.</summary>
    public KubeObject? FindForBuild(string kind, string ns, string name, string fromFile)
    {
        var first = Find(kind, ns, name);
        if (first is null || SameBuild(first.Span.File, fromFile)) return first;
        return duplicates.GetValueOrDefault((kind, ns, name))?.FirstOrDefault(o => SameBuild(o.Span.File, fromFile));
    }

    /// <summary>Environment folder names: `k8s/staging/…` and `k8s/production/…` are deployed separately.</summary>
    private static readonly HashSet<string> EnvironmentFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "dev", "development", "staging", "stage", "stg", "prod", "production", "prd", "qa", "test", "testing", "uat", "preview",
        "sandbox", "local", "demo", "canary", "preprod", "pre-prod", "int", "integration",
    };

    /// <summary>Can objects of these two files be deployed together? Not when they belong to different kustomize
    /// builds (neither kustomization includes the other), nor when their paths part at an environment folder.</summary>
    public bool SameBuild(string fileA, string fileB)
    {
        if (fileA == fileB) return true;
        var (a, b) = (fileA.Split('/'), fileB.Split('/'));
        for (var i = 0; i < Math.Min(a.Length, b.Length) - 1; i++)
        {
            if (a[i] == b[i]) continue;
            if (EnvironmentFolders.Contains(a[i]) || EnvironmentFolders.Contains(b[i])) return false;
            break;
        }
        var (ka, kb) = (KustomizationDirOf(fileA), KustomizationDirOf(fileB));
        return ka is null || kb is null || ka == kb || Includes(ka, kb) || Includes(kb, ka);
    }

    /// <summary>Does the kustomization in `outer` reach the one in `inner` through `resources`?</summary>
    private bool Includes(string outer, string inner)
    {
        LazyInitializer.EnsureInitialized(ref kustomizationReach, () => Kustomizations.GroupBy(k => k.Dir).ToDictionary(g => g.Key, g => g.First().Resources.ToList(), StringComparer.Ordinal));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([outer]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (!seen.Add(dir) || !kustomizationReach.TryGetValue(dir, out var resources)) continue;
            foreach (var r in resources)
            {
                if (r == inner) return true;
                pending.Push(r);
            }
        }
        return false;
    }

    private Dictionary<string, List<string>>? kustomizationReach;

    /// <summary>Candidates examined by look-ups (Find, SelectPods): a deterministic measure of the work rules
    /// make the indexes do, for complexity tests (near-linear in the number of objects).</summary>
    public long LookupWork => Interlocked.Read(ref lookupWork);

    private long lookupWork;

    public IReadOnlyList<KubeObject> ServicesIn(string ns) =>
        servicesByNamespace.TryGetValue(ns, out var list) ? Counted(list) : [];

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Name, object? Arg), Lazy<object?>> memo = new(MemoKeyComparer.Instance);

    /// <summary>A derived fact several rules need (endpoints, Service targets, probe sites, a link's listen ports or
    /// routes), computed once per run, even when rules running in parallel ask for it at once (the others wait).
    /// <paramref name="arg"/> is compared by reference (by value when it is a string, such as a namespace).</summary>
    internal T Memo<T>(string name, object? arg, Func<T> compute) =>
        (T)(memo.TryGetValue((name, arg), out var known) ? known : memo.GetOrAdd((name, arg), _ => new Lazy<object?>(() => compute()))).Value!;

    private sealed class MemoKeyComparer : IEqualityComparer<(string Name, object? Arg)>
    {
        public static readonly MemoKeyComparer Instance = new();

        public bool Equals((string Name, object? Arg) x, (string Name, object? Arg) y) =>
            x.Name == y.Name && (ReferenceEquals(x.Arg, y.Arg) || x.Arg is string a && y.Arg is string b && a == b);

        public int GetHashCode((string Name, object? Arg) key) => HashCode.Combine(key.Name, key.Arg switch
        {
            null => 0,
            string text => text.GetHashCode(StringComparison.Ordinal),
            var other => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(other),
        });
    }

    /// <summary>Adds look-up work done outside the model's own indexes (the app linker's candidates).</summary>
    internal void CountLookups(int candidates) => Interlocked.Add(ref lookupWork, candidates);

    private List<KubeObject> Counted(List<KubeObject> list)
    {
        Interlocked.Add(ref lookupWork, list.Count);
        return list;
    }

    public IEnumerable<KubeObject> Workloads => Objects.Where(o => o.PodTemplate is not null);

    /// <summary>API groups of the custom resources in the project (`postgresql.cnpg.io`).</summary>
    public IReadOnlySet<string> CustomResourceGroups => LazyInitializer.EnsureInitialized(ref customResourceGroups, () => Objects.Where(o => o.IsCustomResource)
        .Select(o => o.ApiVersion[..o.ApiVersion.IndexOf('/')]).ToHashSet(StringComparer.Ordinal));

    private HashSet<string>? customResourceGroups;

    /// <summary>Objects of API groups outside Kubernetes itself (operators' custom resources).</summary>
    public IReadOnlyList<KubeObject> CustomResourcesIn(string ns) =>
        customResourcesByNamespace.TryGetValue(ns, out var list) ? list : [];

    /// <summary>Is there a workload (any kind with a pod template) of this name in the namespace?</summary>
    public bool HasWorkload(string ns, string name) => workloadNames.Contains((ns, name));

    /// <summary>Workloads in the namespace whose pod template carries every label of the selector
    /// (an empty selector selects nothing here: such Services are managed by hand).</summary>
    public IReadOnlyList<KubeObject> SelectPods(string ns, IReadOnlyDictionary<string, string> selector)
    {
        Interlocked.Add(ref lookupWork, 1 + selector.Count);
        List<KubeObject>? smallest = null;
        foreach (var (key, value) in selector)
        {
            if (!podsByLabel.TryGetValue((ns, key, value), out var bucket)) return [];
            if (smallest is null || bucket.Count < smallest.Count) smallest = bucket;
        }
        if (smallest is null) return [];
        Interlocked.Add(ref lookupWork, smallest.Count);
        return smallest.Where(w => selector.All(kv => w.PodTemplate!.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)).ToList();
    }

    /// <summary>Is `pod` the name of a StatefulSet's pod (`<statefulset>-<ordinal>`) in the namespace?</summary>
    public bool IsStatefulSetPod(string pod, string ns)
    {
        var dash = pod.LastIndexOf('-');
        return dash > 0 && dash < pod.Length - 1 && pod[(dash + 1)..].All(char.IsAsciiDigit) && statefulSets.Contains((ns, pod[..dash]));
    }

    private static void Add(Dictionary<string, List<KubeObject>> index, KubeObject o)
    {
        if (!index.TryGetValue(o.Namespace, out var list)) index[o.Namespace] = list = [];
        list.Add(o);
    }
}
