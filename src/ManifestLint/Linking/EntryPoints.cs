using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Finds the JS files Node starts: from a container command, a Dockerfile CMD/ENTRYPOINT,
/// package.json scripts (`node x.js`, `nodemon x.js`), `main`, `bin`, or Node's default `index.js`.</summary>
internal static class EntryPoints
{
    private static readonly string[] BundlerDependencies =
        ["react-scripts", "vite", "webpack", "parcel", "@vitejs/plugin-react", "next", "@angular/core", "vue", "svelte"];

    /// <summary>The entry file a command runs, project-relative; null when the command starts no file we can see.</summary>
    public static string? FromCommand(IReadOnlyList<string> command, NodePackage package, string? workDir)
    {
        if (command.Count == 0) return null;
        // `sh -c "node x.js"` and similar: look inside the shell string.
        if (command.Count >= 3 && Path.GetFileName(command[0]) is "sh" or "bash" && command[1] == "-c")
        {
            return FromCommand(Words(command[2]), package, workDir);
        }
        var program = Path.GetFileName(command[0]);
        var args = command.Skip(1).ToList();
        switch (program)
        {
            case "node" or "nodemon" or "pm2-runtime" or "tsx":
                var file = args.FirstOrDefault(a => !a.StartsWith('-'));
                return file is null ? null : MapPath(file, package, workDir);
            case "npm" or "yarn" or "pnpm":
                var script = args.FirstOrDefault(a => !a.StartsWith('-')) switch
                {
                    "start" => "start",
                    "run" or "run-script" => args.SkipWhile(a => a is "run" or "run-script").FirstOrDefault(),
                    var other when program != "npm" => other,
                    _ => null,
                };
                return script is not null && package.Scripts.TryGetValue(script, out var body) ? FromScript(body, package) : null;
            default:
                return null;
        }
    }

    /// <summary>The file a package.json script runs with node/nodemon, e.g. `NODE_ENV=production node src/index.js`.</summary>
    public static string? FromScript(string script, NodePackage package)
    {
        foreach (var part in script.Split("&&"))
        {
            var words = Words(part).SkipWhile(w => w.Contains('=') && !w.StartsWith('-')).ToList();
            if (words.Count > 0 && Path.GetFileName(words[0]) is "node" or "nodemon")
            {
                var file = words.Skip(1).FirstOrDefault(a => !a.StartsWith('-'));
                if (file is not null) return PathUtil.Join(package.Dir, file);
            }
        }
        return null;
    }

    /// <summary>Every file Node may start in this package (for judging module syntax).</summary>
    public static IEnumerable<string> AllFor(NodePackage package, IEnumerable<ImageRecipe> images, IReadOnlyDictionary<string, JsModule> modules)
    {
        var found = new List<string>();
        foreach (var image in images.Where(i => i.Dir == package.Dir && i.Final is { RunsNode: true }))
        {
            if (FromCommand(image.Final!.Command, package, image.Final.WorkDir) is { } f) found.Add(f);
        }
        foreach (var script in package.Scripts.Values)
        {
            if (FromScript(script, package) is { } f) found.Add(f);
        }
        if (package.Main is { } main) found.Add(PathUtil.Join(package.Dir, main));
        foreach (var bin in package.Bin.Values) found.Add(PathUtil.Join(package.Dir, bin));
        if (found.Count == 0 && !BundlerDependencies.Any(package.Dependencies.Contains))
        {
            found.Add(PathUtil.Join(package.Dir, "index.js"));
        }
        return found.Select(f => ModuleGraph.ResolveFile(f, modules)).OfType<string>().Distinct();
    }

    /// <summary>Maps a path inside the image to the project: relative to WORKDIR, which holds the package's folder.</summary>
    private static string MapPath(string path, NodePackage package, string? workDir)
    {
        if (path.StartsWith('/'))
        {
            var prefix = (workDir ?? "/").TrimEnd('/') + "/";
            path = path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path.TrimStart('/');
        }
        return PathUtil.Join(package.Dir, path);
    }

    private static List<string> Words(string text) =>
        text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"', '\'')).ToList();
}
