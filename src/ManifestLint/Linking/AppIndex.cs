using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>The Node apps a container could be linked to, looked up by name instead of tried one by one: every
/// piece of image evidence names the app's folder (container, image, workload or label name, a token of the
/// image name) or its build context (an image build of the container's repository). Without it linking is
/// containers × apps (4 million checks for 2,000 services).</summary>
internal sealed class AppIndex
{
    private readonly Dictionary<string, List<int>> byFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> byBuildRepository = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ImageBuild>> buildsByContext = new(StringComparer.Ordinal);
    private readonly List<ImageRecipe> apps;
    private readonly ProjectModel model;

    public AppIndex(ProjectModel model, List<ImageRecipe> apps)
    {
        this.apps = apps;
        this.model = model;
        var appsByDir = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < apps.Count; i++)
        {
            if (apps[i].Dir.Length == 0) continue; // the root folder has no name to match
            appsByDir[apps[i].Dir] = i;
            Add(byFolder, PathUtil.LastSegment(apps[i].Dir), i);
        }
        foreach (var build in model.ImageBuilds)
        {
            if (!appsByDir.TryGetValue(build.Context, out var app)) continue;
            if (!buildsByContext.TryGetValue(build.Context, out var list)) buildsByContext[build.Context] = list = [];
            list.Add(build);
            if (ImageReference.Parse(build.Image)?.Repository is { } repository) Add(byBuildRepository, repository, app);
        }
    }

    /// <summary>Apps any evidence could name, in the order of the app list (so ties and messages stay stable).</summary>
    public IEnumerable<ImageRecipe> Candidates(KubeObject workload, Container container, string? imageName, string? appLabel)
    {
        var found = new SortedSet<int>();
        AddAll(found, byFolder, container.Name);
        AddAll(found, byFolder, imageName);
        AddAll(found, byFolder, workload.Name);
        AddAll(found, byFolder, appLabel);
        if (imageName is not null) foreach (var token in imageName.Split('-', '_', '.')) AddAll(found, byFolder, token);
        AddAll(found, byBuildRepository, ImageReference.Parse(container.Image)?.Repository);
        model.CountLookups(found.Count);
        return found.Select(i => apps[i]);
    }

    /// <summary>The first build of this app's folder that produces the container's image repository.</summary>
    public ImageBuild? BuildOf(ImageRecipe app, string? image) =>
        buildsByContext.TryGetValue(app.Dir, out var builds) ? builds.FirstOrDefault(b => AppLinker.SameRepository(b.Image, image)) : null;

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private static void AddAll(SortedSet<int> found, Dictionary<string, List<int>> map, string? key)
    {
        if (key is not null && map.TryGetValue(key, out var list)) found.UnionWith(list);
    }
}
