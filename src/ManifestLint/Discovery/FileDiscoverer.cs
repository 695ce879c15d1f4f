using MAB.DotIgnore;

namespace ManifestLint.Discovery;

/// <summary>Finds the files to load under the project root: .gitignore and .manifestlintignore aware,
/// skipping dependency and build folders, never following a symlink out of the root.</summary>
public sealed class FileDiscoverer(Config.InputLimits limits)
{
    private static readonly HashSet<string> SkippedDirs = new(StringComparer.Ordinal) { "node_modules", "bin", "obj", ".git" };
    private static readonly string[] IgnoreFiles = [".gitignore", ".manifestlintignore"];

    /// <summary>Files to load, files skipped, and the path of every file present (any kind), which
    /// module resolution checks against.</summary>
    public (IReadOnlyList<DiscoveredFile> Files, IReadOnlyList<SkippedFile> Skipped, FileIndex Index) Discover(string root, IReadOnlyList<string> extraIgnores)
    {
        var files = new List<DiscoveredFile>();
        var allPaths = new HashSet<string>(StringComparer.Ordinal);
        var visited = new Dictionary<string, List<(string Base, IgnoreList List)>>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();
        var candidates = new List<(DiscoveredFile File, long Length)>();
        var rootIgnore = IgnorePatterns.Create(extraIgnores);
        var pending = new Stack<(DirectoryInfo Dir, List<(string Base, IgnoreList List)> Ignores)>();
        pending.Push((new DirectoryInfo(root), [("", rootIgnore)]));
        while (pending.Count > 0)
        {
            var (dir, inherited) = pending.Pop();
            var ignores = WithLocalIgnores(root, dir, inherited);
            visited[ProjectRoot.Relative(root, dir.FullName)] = ignores;
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                skipped.Add(new SkippedFile(ProjectRoot.Relative(root, dir.FullName), "folder cannot be read"));
                continue;
            }
            foreach (var entry in entries)
            {
                var rel = ProjectRoot.Relative(root, entry.FullName);
                var isDir = entry is DirectoryInfo;
                if (isDir && SkippedDirs.Contains(entry.Name)) continue;
                if (IsIgnored(ignores, rel, isDir)) continue;
                if (entry.LinkTarget is not null)
                {
                    // Symlinked folders are never followed; symlinked files only when they stay inside the root.
                    if (isDir || !InsideRoot(root, entry)) { skipped.Add(new SkippedFile(rel, "symbolic link not followed")); continue; }
                }
                if (entry is DirectoryInfo sub)
                {
                    // A nested folder with its own config is a separate project (e.g. test fixtures).
                    if (File.Exists(Path.Combine(sub.FullName, ProjectRoot.ConfigFileName)))
                    {
                        skipped.Add(new SkippedFile(rel, $"separate project (has its own {ProjectRoot.ConfigFileName})"));
                        continue;
                    }
                    // Helm templates are only YAML after rendering.
                    if (sub.Name == "templates" && File.Exists(Path.Combine(dir.FullName, "Chart.yaml")))
                    {
                        skipped.Add(new SkippedFile(rel, "Helm chart templates (not rendered, not analysed)"));
                        continue;
                    }
                    pending.Push((sub, ignores));
                }
                else
                {
                    allPaths.Add(rel);
                    if (Classify(entry.Name) is not { } kind) continue;
                    var length = ((FileInfo)entry).Length;
                    if (length > limits.MaxFileBytes)
                    {
                        skipped.Add(new SkippedFile(rel, $"larger than {limits.MaxFileBytes} bytes ({length} bytes)", "maxFileBytes"));
                        continue;
                    }
                    // Empty files need no read; FIFOs and devices also report length 0 and would block if opened.
                    candidates.Add((new DiscoveredFile(rel, entry.FullName, kind, length == 0 ? [] : null), length));
                }
            }
        }
        // The total cap applies in path order, so which files it leaves out does not depend on the file system.
        candidates.Sort((a, b) => string.CompareOrdinal(a.File.RelativePath, b.File.RelativePath));
        long total = 0;
        foreach (var (file, length) in candidates)
        {
            total += length;
            if (total > limits.MaxTotalBytes)
            {
                skipped.Add(new SkippedFile(file.RelativePath, $"the files before it already add up to the {limits.MaxTotalBytes}-byte total", "maxTotalBytes"));
                continue;
            }
            files.Add(file);
        }
        return (files, skipped, new FileIndex(allPaths, visited.ToDictionary(
            v => v.Key, v => (Func<string, bool, bool>)((rel, isDir) => IsIgnored(v.Value, rel, isDir)), StringComparer.Ordinal)));
    }

    public static FileKind? Classify(string name)
    {
        if (name == ProjectRoot.ConfigFileName) return null;
        if (name == "package.json") return FileKind.PackageJson;
        if (name is "kustomization.yaml" or "kustomization.yml" or "Kustomization") return FileKind.Kustomization;
        if (name == ".env" || name.StartsWith(".env.", StringComparison.Ordinal)) return FileKind.DotEnv;
        if (name is ".nvmrc" or ".node-version") return FileKind.NodeVersionFile;
        if (name == ".dockerignore") return FileKind.DockerIgnore;
        if (name == "Dockerfile" || name.StartsWith("Dockerfile.", StringComparison.Ordinal) || name.EndsWith(".Dockerfile", StringComparison.Ordinal) || name.EndsWith(".dockerfile", StringComparison.Ordinal))
        {
            return FileKind.Dockerfile;
        }
        return Path.GetExtension(name) switch
        {
            ".yaml" or ".yml" => FileKind.Yaml,
            ".js" or ".mjs" or ".cjs" => FileKind.JavaScript,
            _ => null,
        };
    }

    private static List<(string Base, IgnoreList List)> WithLocalIgnores(string root, DirectoryInfo dir, List<(string Base, IgnoreList List)> inherited)
    {
        List<(string, IgnoreList)>? result = null;
        foreach (var name in IgnoreFiles)
        {
            var path = Path.Combine(dir.FullName, name);
            if (!File.Exists(path)) continue;
            try
            {
                result ??= [.. inherited];
                result.Add((ProjectRoot.Relative(root, dir.FullName), IgnorePatterns.Create(File.ReadAllLines(path))));
            }
            catch (IOException)
            {
                // An unreadable ignore file ignores nothing.
            }
        }
        return result ?? inherited;
    }

    private static bool IsIgnored(List<(string Base, IgnoreList List)> ignores, string rel, bool isDir)
    {
        foreach (var (baseDir, list) in ignores)
        {
            var local = baseDir.Length == 0 ? rel : rel.StartsWith(baseDir + "/", StringComparison.Ordinal) ? rel[(baseDir.Length + 1)..] : null;
            if (local is not null && list.IsIgnored(local, isDir)) return true;
        }
        return false;
    }

    private static bool InsideRoot(string root, FileSystemInfo entry)
    {
        try
        {
            var target = entry.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return false;
            var rel = Path.GetRelativePath(root, target.FullName);
            return !rel.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(rel);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
