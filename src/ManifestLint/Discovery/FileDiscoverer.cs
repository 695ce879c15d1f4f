using System.IO.Enumeration;
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
        var withNodeModules = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new List<SkippedFile>();
        var candidates = new List<(DiscoveredFile File, long Length)>();
        var rootIgnore = IgnorePatterns.Create(extraIgnores);
        // Breadth-first, the folders of one depth in parallel (a folder's work is its listing, ignore matching and
        // ignore files); merged in order, and everything is sorted later, so the result does not depend on scheduling.
        // A list with no patterns ignores nothing: left out, so that no entry is matched against it (most runs have no
        // ignore patterns at all, and matching splits every path into its parent folders).
        List<Folder> level = [new(Path.GetFullPath(root), "", rootIgnore.Rules.Count == 0 ? [] : [("", rootIgnore)])];
        while (level.Count > 0)
        {
            var walked = new Walked[level.Count];
            if (level.Count < 4) for (var i = 0; i < level.Count; i++) walked[i] = Walk(root, level[i]);
            else Parallel.For(0, level.Count, i => walked[i] = Walk(root, level[i]));
            var next = new List<Folder>();
            for (var i = 0; i < walked.Length; i++)
            {
                var w = walked[i];
                if (w.Ignores is not null) visited[level[i].Rel] = w.Ignores;
                if (w.HasNodeModules) withNodeModules.Add(level[i].Rel);
                skipped.AddRange(w.Skipped);
                allPaths.UnionWith(w.Paths);
                candidates.AddRange(w.Candidates);
                next.AddRange(w.SubFolders);
            }
            level = next;
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
        return (files, skipped, new FileIndex(allPaths, visited, withNodeModules));
    }

    private sealed record Folder(string Full, string Rel, List<(string Base, IgnoreList List)> Ignores);

    /// <summary>What one folder contributes. Ignores: the lists in force there (null when the folder was not walked).
    /// HasNodeModules: the listing has a `node_modules` entry (not walked, but dependency lookups may read it).</summary>
    private sealed record Walked(List<(string Base, IgnoreList List)>? Ignores, List<SkippedFile> Skipped, List<string> Paths,
        List<(DiscoveredFile File, long Length)> Candidates, List<Folder> SubFolders, bool HasNodeModules = false);

    private Walked Walk(string root, Folder folder)
    {
        var (dirFull, dirRel, inherited) = folder;
        var skipped = new List<SkippedFile>();
        List<Entry> entries;
        try
        {
            entries = List(dirFull);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            skipped.Add(new SkippedFile(dirRel, "folder cannot be read"));
            return new Walked(null, skipped, [], [], []);
        }
        var names = entries.Where(e => !e.IsDir).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        // A nested folder with its own config is a separate project (e.g. test fixtures).
        if (dirRel.Length > 0 && names.Contains(ProjectRoot.ConfigFileName))
        {
            skipped.Add(new SkippedFile(dirRel, $"separate project (has its own {ProjectRoot.ConfigFileName})"));
            return new Walked(null, skipped, [], [], []);
        }
        var ignores = WithLocalIgnores(dirFull, dirRel, names, inherited);
        var result = new Walked(ignores, skipped, [], [], [], entries.Exists(e => e.Name == "node_modules"));
        foreach (var entry in entries)
        {
            var rel = (dirRel.Length == 0 ? entry.Name : dirRel + "/" + entry.Name).Replace('\\', '/');
            if (entry.IsDir && SkippedDirs.Contains(entry.Name)) continue;
            if (IsIgnored(ignores, rel, entry.IsDir)) continue;
            if (entry.IsLink)
            {
                // Symlinked folders are never followed; symlinked files only when they stay inside the root.
                if (entry.IsDir || !InsideRoot(root, new FileInfo(Path.Join(dirFull, entry.Name)))) { skipped.Add(new SkippedFile(rel, "symbolic link not followed")); continue; }
            }
            if (entry.IsDir)
            {
                // Helm templates are only YAML after rendering.
                if (entry.Name == "templates" && names.Contains("Chart.yaml"))
                {
                    skipped.Add(new SkippedFile(rel, "Helm chart templates (not rendered, not analysed)"));
                    continue;
                }
                result.SubFolders.Add(new Folder(Path.Join(dirFull, entry.Name), rel, ignores));
            }
            else
            {
                result.Paths.Add(rel);
                if (entry.Kind is not { } kind) continue;
                if (entry.Length > limits.MaxFileBytes)
                {
                    skipped.Add(new SkippedFile(rel, $"larger than {limits.MaxFileBytes} bytes ({entry.Length} bytes)", "maxFileBytes"));
                    continue;
                }
                // Empty files need no read; FIFOs and devices also report length 0 and would block if opened.
                result.Candidates.Add((new DiscoveredFile(rel, kind, entry.Length == 0 ? [] : null), entry.Length));
            }
        }
        return result;
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

    private static List<(string Base, IgnoreList List)> WithLocalIgnores(string dirFull, string dirRel, HashSet<string> names, List<(string Base, IgnoreList List)> inherited)
    {
        List<(string, IgnoreList)>? result = null;
        foreach (var name in IgnoreFiles)
        {
            if (!names.Contains(name)) continue;
            try
            {
                var list = IgnorePatterns.Create(File.ReadAllLines(Path.Join(dirFull, name)));
                if (list.Rules.Count == 0) continue;
                result ??= [.. inherited];
                result.Add((dirRel, list));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable ignore file ignores nothing.
            }
        }
        return result ?? inherited;
    }

    /// <summary>One folder's entries in name order, from a single directory read: no object or extra system call
    /// per entry, except a size look-up for the files we may read.</summary>
    private readonly record struct Entry(string Name, bool IsDir, bool IsLink, FileKind? Kind, long Length);

    private static readonly EnumerationOptions ListOptions = new() { AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };

    private static List<Entry> List(string dirFull)
    {
        var entries = new FileSystemEnumerable<Entry>(dirFull, (ref FileSystemEntry e) =>
        {
            var name = e.FileName.ToString();
            var kind = e.IsDirectory ? null : Classify(name);
            return new Entry(name, e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0, kind, kind is null ? 0 : e.Length);
        }, ListOptions).ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return entries;
    }

    internal static bool IsIgnored(List<(string Base, IgnoreList List)> ignores, string rel, bool isDir)
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
