using System.Collections.Concurrent;
using ManifestLint.Config;
using ManifestLint.Discovery;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Reads and parses every file once, in parallel, into one <see cref="ProjectModel"/>.
/// package.json files go first: they decide how each JS file is parsed. JavaScript is parsed later, on demand
/// (<see cref="JsModuleStore"/>): only what Node runs.</summary>
public static class ProjectLoader
{
    public static ProjectModel Load(string root, LintConfig config, IReadOnlyList<DiscoveredFile> files, IReadOnlyList<SkippedFile> skipped)
    {
        var fullRoot = Path.GetFullPath(root);
        var problems = new ConcurrentBag<LoadProblem>(LimitProblems.FromSkipped(skipped));
        var sources = new SourceFiles(root);

        var packages = new ConcurrentDictionary<string, NodePackage>(StringComparer.Ordinal);
        Parallel.ForEach(files.Where(f => f.Kind == FileKind.PackageJson), file =>
        {
            if (Read(fullRoot, file, problems) is not { } bytes) return;
            sources.Add(file.RelativePath, SourceFiles.Decode(bytes), keep: file.Content is not null);
            var (package, problem) = PackageJsonLoader.Load(file.RelativePath, bytes);
            if (problem is not null) problems.Add(problem);
            if (package is not null) packages[package.Dir] = package;
        });

        var kustomizations = new ConcurrentBag<Kustomization>();
        Parallel.ForEach(files.Where(f => f.Kind == FileKind.Kustomization), file =>
        {
            if (Read(fullRoot, file, problems) is not { } bytes) return;
            if (Utf8Check.FirstInvalid(file.RelativePath, bytes) is { } notUtf8)
            {
                sources.Add(file.RelativePath, SourceFiles.Decode(bytes), keep: file.Content is not null); // for the code frame
                problems.Add(notUtf8);
                return;
            }
            var text = SourceFiles.Decode(bytes);
            sources.Add(file.RelativePath, text, keep: file.Content is not null);
            var (kustomization, problem) = KustomizationLoader.Load(file.RelativePath, text, config.DefaultNamespace, config.Limits.MaxNestingDepth);
            if (problem is not null) problems.Add(problem);
            if (kustomization is not null) kustomizations.Add(kustomization);
        });
        var builds = KustomizeBuilds.Transforms(kustomizations, files.Where(f => f.Kind == FileKind.Yaml).Select(f => f.RelativePath));
        var patchFiles = kustomizations.SelectMany(k => k.PatchFiles).ToHashSet(StringComparer.Ordinal);
        var allSkipped = new ConcurrentBag<SkippedFile>(skipped);

        var formats = new ModuleFormatResolver(packages);
        var objects = new ConcurrentBag<(string File, IReadOnlyList<KubeObject> Objects)>();
        var images = new ConcurrentBag<ImageRecipe>();
        var dotEnvs = new ConcurrentDictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var versionFiles = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var imageBuilds = new ConcurrentBag<ImageBuild>();
        var patchTargets = new ConcurrentDictionary<(string Kind, string Name), byte>();
        var dockerIgnores = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);
        Parallel.ForEach(files.Where(f => f.Kind is not (FileKind.PackageJson or FileKind.Kustomization or FileKind.JavaScript)), file =>
        {
            if (Read(fullRoot, file, problems) is not { } bytes) return;
            if (file.Kind == FileKind.Yaml && Utf8Check.FirstInvalid(file.RelativePath, bytes) is { } notUtf8)
            {
                sources.Add(file.RelativePath, SourceFiles.Decode(bytes), keep: file.Content is not null); // for the code frame
                problems.Add(notUtf8);
                return;
            }
            var text = SourceFiles.Decode(bytes);
            if (file.Kind == FileKind.DotEnv)
            {
                // Keys only: values are secrets more often than not, and never reported or shown.
                dotEnvs[file.RelativePath] = DotEnvLoader.Keys(text);
                sources.Add(file.RelativePath, text, displayable: false);
                return;
            }
            // Chart.yaml is kept whole: ML004 reads the chart's name from it.
            sources.Add(file.RelativePath, text, keep: file.Content is not null || Linking.PathUtil.LastSegmentIs(file.RelativePath, "Chart.yaml"));
            switch (file.Kind)
            {
                case FileKind.NodeVersionFile:
                    versionFiles[file.RelativePath] = text.Trim();
                    break;
                case FileKind.DockerIgnore:
                    dockerIgnores[file.RelativePath] = text.Replace("\r\n", "\n").Split('\n');
                    break;
                case FileKind.Yaml:
                    if (ComposeLoader.IsComposeFile(file.RelativePath))
                    {
                        foreach (var build in ComposeLoader.Builds(file.RelativePath, text)) imageBuilds.Add(build);
                    }
                    else if (WorkflowLoader.IsWorkflowFile(file.RelativePath))
                    {
                        foreach (var build in WorkflowLoader.Builds(file.RelativePath, text)) imageBuilds.Add(build);
                    }
                    var (kube, yamlProblem) = YamlLoader.Load(file.RelativePath, text, config.DefaultNamespace, builds.GetValueOrDefault(file.RelativePath)?.Namespace, config.Limits);
                    if (yamlProblem is not null && text.Contains("{{", StringComparison.Ordinal))
                    {
                        allSkipped.Add(new SkippedFile(file.RelativePath, "template syntax ({{ }}): only valid YAML after rendering, not analysed"));
                        break;
                    }
                    if (yamlProblem is not null) problems.Add(yamlProblem);
                    // Kustomize patches are partial objects merged into a base: not objects of their own.
                    if (!patchFiles.Contains(file.RelativePath)) objects.Add((file.RelativePath, kube));
                    else foreach (var patched in kube) patchTargets.TryAdd((patched.Kind, patched.Name), 0);
                    break;
                case FileKind.Dockerfile:
                    images.Add(DockerfileLoader.Load(file.RelativePath, text));
                    break;
            }
        });

        // Deterministic order regardless of parallel completion.
        var orderedObjects = KustomizeNames.Apply(objects
            .Concat(kustomizations.Select(k => (k.File, Objects: (IReadOnlyList<KubeObject>)k.Generated)))
            .OrderBy(o => o.File, StringComparer.Ordinal).SelectMany(o => o.Objects.Select(x => (o.File, x))).ToList(), builds, kustomizations.Select(k => k.File).ToHashSet(StringComparer.Ordinal));
        var orderedImages = images.OrderBy(i => i.File, StringComparer.Ordinal).ToList();
        var orderedProblems = problems.OrderBy(p => p.Span.File, StringComparer.Ordinal).ThenBy(p => p.Span.StartLine).ToList();
        var modules = new JsModuleStore(root, files.Where(f => f.Kind == FileKind.JavaScript), formats, config.Limits.MaxScopeDeclarations, sources);
        return new ProjectModel(root, config, orderedObjects, packages, modules, orderedImages, orderedProblems,
            allSkipped.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList(), sources)
        {
            DotEnvKeys = dotEnvs,
            NodeVersionFiles = versionFiles,
            DockerIgnores = dockerIgnores,
            PatchTargets = patchTargets.Keys.ToHashSet(),
            Kustomizations = kustomizations.OrderBy(k => k.File, StringComparer.Ordinal).ToList(),
            ImageBuilds = imageBuilds.OrderBy(b => b.Span.File, StringComparer.Ordinal).ThenBy(b => b.Span.StartLine).ToList(),
        };
    }

    private static byte[]? Read(string root, DiscoveredFile file, ConcurrentBag<LoadProblem> problems)
    {
        if (file.Content is not null) return file.Content;
        try
        {
            return File.ReadAllBytes(Path.Join(root, file.RelativePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new LoadProblem(SourceSpan.At(file.RelativePath, 1, 1), "file", $"cannot be read: {ex.Message}"));
            return null;
        }
    }

    /// <summary>Packages under node_modules that the code Node runs names by a bare specifier (package.json only).
    /// Read after linking, when the files Node runs are known.</summary>
    public static void LoadVendored(ProjectModel model)
    {
        // In any order: which packages are found does not depend on it, and the result is only looked up by folder.
        var bare = model.NodeRunFiles
            .Select(f => model.Modules.GetValueOrDefault(f)).OfType<JsModule>()
            .SelectMany(m => m.Dependencies.Where(d => !d.IsRelative).Select(d => (m.File, d.Specifier)));
        model.VendoredPackages = NodeModulesReader.Read(model.Root, bare, model.Files);
    }
}
