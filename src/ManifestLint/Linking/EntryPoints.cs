using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>What a command starts: the entry file and any preloaded files (`node -r ./x.js`).</summary>
internal sealed record Launch(string? Entry, IReadOnlyList<string> Preloads)
{
    public static readonly Launch None = new(null, []);

    /// <summary>Run through a transpiler hook (`-r @babel/register`, `-r esm`, ts-node, babel-node):
    /// module syntax is not Node's to judge.</summary>
    public bool Transpiled { get; init; }

    /// <summary>Files passed with `node --env-file`.</summary>
    public IReadOnlyList<string> EnvFiles { get; init; } = [];

    public IEnumerable<string> Files => Entry is null ? Preloads : Preloads.Append(Entry);
}

/// <summary>Finds the JS files Node starts: from a container command, a Dockerfile CMD/ENTRYPOINT,
/// package.json scripts (`node x.js`, `nodemon x.js`), `main`, `bin`, or Node's default `index.js`.</summary>
internal static class EntryPoints
{
    private static readonly string[] BundlerDependencies =
        ["react-scripts", "vite", "webpack", "parcel", "@vitejs/plugin-react", "next", "@angular/core", "vue", "svelte", "rollup", "esbuild"];

    /// <summary>Process wrappers that exec the rest of the command line.</summary>
    private static readonly HashSet<string> Wrappers = new(StringComparer.Ordinal)
    {
        "docker-entrypoint.sh", "tini", "dumb-init", "exec", "env", "--",
    };

    private static readonly HashSet<string> TranspilerHooks = new(StringComparer.Ordinal)
    {
        "@babel/register", "babel-register", "esm", "ts-node/register", "ts-node/esm", "ts-node/register/transpile-only",
        "@swc/register", "@swc-node/register", "sucrase/register", "tsx", "tsx/esm", "tsx/cjs", "@esbuild-kit/cjs-loader",
    };

    private static readonly string[] TranspilerPackages =
        ["@babel/register", "babel-register", "@babel/node", "esm", "ts-node", "@swc/register", "@swc-node/register", "sucrase", "tsx", "esno", "esbuild-register"];

    private static readonly HashSet<string> TranspilingRunners = new(StringComparer.Ordinal)
    {
        "babel-node", "ts-node", "ts-node-dev", "tsx", "esno", "sucrase-node",
    };

    private static readonly HashSet<string> PreloadOptions = new(StringComparer.Ordinal)
    {
        "-r", "--require", "--import", "--loader", "--experimental-loader",
    };

    /// <summary>Options of node that take the next word as their value.</summary>
    private static readonly HashSet<string> NodeValueOptions = new(StringComparer.Ordinal)
    {
        "--title", "--conditions", "-C", "--unhandled-rejections", "--dns-result-order", "--max-http-header-size", "--input-type",
        "--inspect-port", "--disable-warning", "--redirect-warnings", "--openssl-config", "--icu-data-dir", "--diagnostic-dir",
        "--report-dir", "--report-directory", "--heapsnapshot-signal", "--secure-heap", "--secure-heap-min", "--trace-event-categories",
        "--watch-path", "--experimental-default-type", "--stack-size",
    };

    /// <summary>Options of nodemon that take the next word as their value (`--watch src`).</summary>
    private static readonly HashSet<string> NodemonValueOptions = new(StringComparer.Ordinal)
    {
        "--watch", "-w", "--ext", "-e", "--ignore", "-i", "--delay", "-d", "--signal", "--config", "--exec", "-x",
    };

    public static Launch FromCommand(IReadOnlyList<string> command, NodePackage package, string? workDir)
    {
        var words = command.ToList();
        // Drop wrappers (`tini --`, `docker-entrypoint.sh`), their flags, and `VAR=value` prefixes.
        while (words.Count > 0 && (Wrappers.Contains(Path.GetFileName(words[0])) || IsWrapperOption(words[0])
            || words[0].Contains('=') && !words[0].StartsWith('-')))
        {
            words.RemoveAt(0);
        }
        if (words.Count == 0) return Launch.None;
        // `sh -c "node x.js"` and similar: look inside the shell string.
        if (words.Count >= 3 && Path.GetFileName(words[0]) is "sh" or "bash" && words[1] == "-c")
        {
            return FromScriptText(words[2], package, workDir);
        }
        var program = Path.GetFileName(words[0]);
        var args = words.Skip(1).ToList();
        switch (program)
        {
            case "node":
                return NodeArgs(args, package, workDir, NodeValueOptions);
            case "nodemon":
                return NodeArgs(args, package, workDir, NodemonValueOptions);
            case var runner when TranspilingRunners.Contains(runner):
                return NodeArgs(args, package, workDir, NodemonValueOptions) with { Transpiled = true };
            // An image whose entrypoint is node itself (distroless nodejs, `ENTRYPOINT ["node"]` dropped by a
            // k8s `args`): the command starts with the script.
            case var file when file.EndsWith(".js", StringComparison.Ordinal) || file.EndsWith(".mjs", StringComparison.Ordinal) || file.EndsWith(".cjs", StringComparison.Ordinal):
                return NodeArgs(words, package, workDir, NodeValueOptions);
            // A workspace or another folder's scripts: not this package's (unknown here).
            case "npm" or "yarn" or "pnpm" when args.Any(a => a is "-w" or "--workspace" or "--prefix" or "-C" or "--filter" or "--cwd" || a.StartsWith("--workspace=", StringComparison.Ordinal) || a.StartsWith("--prefix=", StringComparison.Ordinal)):
                return Launch.None;
            case "npm" or "yarn" or "pnpm":
                var script = args.FirstOrDefault(a => !a.StartsWith('-')) switch
                {
                    "start" => "start",
                    "run" or "run-script" => args.SkipWhile(a => a is "run" or "run-script" || a.StartsWith('-')).FirstOrDefault(),
                    var other when program != "npm" => other,
                    _ => null,
                };
                if (script is not null && package.Scripts.TryGetValue(script, out var body)) return FromScript(body, package);
                // npm's default start script is `node server.js`.
                return script == "start" ? new Launch(PathUtil.Join(package.Dir, "server.js"), []) : Launch.None;
            default:
                return Launch.None;
        }
    }

    /// <summary>The files a package.json script runs with node/nodemon (paths relative to the package).</summary>
    public static Launch FromScript(string script, NodePackage package) => FromScriptText(script, package, null);

    private static Launch FromScriptText(string script, NodePackage package, string? workDir)
    {
        foreach (var part in script.Split(["&&", ";", "||"], StringSplitOptions.TrimEntries))
        {
            var words = Words(part);
            if (words.Count > 0 && words[0] == "cross-env") words.RemoveAt(0);
            var launch = FromCommand(words, package, workDir);
            if (launch.Entry is not null) return launch;
        }
        return Launch.None;
    }

    private static Launch NodeArgs(List<string> args, NodePackage package, string? workDir, IReadOnlySet<string> valueOptions)
    {
        var preloads = new List<string>();
        var envFiles = new List<string>();
        var transpiled = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-e" or "--eval" or "-p" or "--print") return new Launch(null, preloads) { Transpiled = transpiled, EnvFiles = envFiles };
            var eq = arg.IndexOf('=');
            var option = eq > 0 ? arg[..eq] : arg;
            if (PreloadOptions.Contains(option) || option == "--env-file")
            {
                var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : null;
                if (value is null) continue;
                if (option == "--env-file") envFiles.Add(MapPath(value, package, workDir));
                else if (value == "dotenv/config") envFiles.Add(PathUtil.Join(package.Dir, ".env"));
                else if (TranspilerHooks.Contains(value)) transpiled = true;
                else if (value.StartsWith('.') || value.StartsWith('/')) preloads.Add(MapPath(value, package, workDir));
                continue;
            }
            if (valueOptions.Contains(arg)) { i++; continue; }
            if (arg.StartsWith('-')) continue;
            return new Launch(MapPath(arg, package, workDir), preloads) { Transpiled = transpiled, EnvFiles = envFiles };
        }
        return new Launch(null, preloads) { Transpiled = transpiled, EnvFiles = envFiles };
    }

    /// <summary>Every file Node may start in this package (for judging module syntax).</summary>
    public static IEnumerable<string> AllFor(NodePackage package, IEnumerable<ImageRecipe> images)
    {
        var ownLaunch = false;
        foreach (var image in images.Where(i => i.Dir == package.Dir && i.Final is { RunsNode: true }))
        {
            ownLaunch = true;
            var launch = FromCommand(image.Final!.Command, package, image.Final.WorkDir);
            if (!launch.Transpiled) foreach (var f in launch.Files) yield return f;
        }
        foreach (var script in package.Scripts.Values)
        {
            var launch = FromScript(script, package);
            if (launch.Entry is not null) ownLaunch = true;
            if (!launch.Transpiled) foreach (var f in launch.Files) yield return f;
        }
        // A nested package with no launch of its own (a workspace library) may only ever be bundled:
        // its `main` is judged only for the project's root package or a package that runs itself.
        if (package.Dir.Length > 0 && !ownLaunch) yield break;
        // A bundled front end's `main` and index.js are inputs to the bundler, not files Node runs; in a
        // package that uses a transpiler hook they may never run untranspiled.
        if (BundlerDependencies.Any(package.Dependencies.Contains) || TranspilerPackages.Any(package.Dependencies.Contains)) yield break;
        if (package.Main is { } main) yield return PathUtil.Join(package.Dir, main);
        foreach (var bin in package.Bin.Values) yield return PathUtil.Join(package.Dir, bin);
        if (package.Main is null && package.Bin.Count == 0) yield return PathUtil.Join(package.Dir, "index.js");
    }

    private static bool IsWrapperOption(string word) => word is "-g" or "-s" or "-v" or "--single-child" or "--rewrite";

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
