using CsCheck;

namespace ManifestLint.Tests.Fuzz;

/// <summary>Which part of a generated repository is weird; the rest is plausible (still random) so that the weird
/// part is linked and linted: an app's code is only checked against the container that runs it.</summary>
internal enum Focus
{
    Kubernetes,
    PackageJson,
    JavaScript,
    Dockerfile,
    Everything,
}

/// <summary>Repositories of 0–3 Node apps (package.json, entry and sibling modules, a Dockerfile, sometimes .env,
/// .dockerignore, .nvmrc and a package under node_modules) and Kubernetes manifests (sometimes under kustomize),
/// with a docker-compose file, a GitHub workflow or a configuration now and then.</summary>
internal static class RepoGen
{
    public static Gen<FuzzRepo> For(Focus focus) => Tape.Choices.Select(choices => KnownGaps.Avoid(Build(new Tape(choices), focus)));

    public static Gen<FuzzRepo> Mutations { get; } = Tape.Choices.Select(choices => KnownGaps.Avoid(new Mutator(new Tape(choices)).Repo()));

    private static readonly string[] Entries = ["server.js", "src/index.js", "index.js", "index.mjs", "index.cjs", "app.js"];
    private static readonly string[] Siblings = ["lib.js", "lib.mjs", "lib.cjs", "src/routes.js", "dir/index.js"];

    private static FuzzRepo Build(Tape t, Focus focus)
    {
        // Weirdness in percent per field: often none (plausible input reaches the deeper rules), up to 40.
        int Weird(Focus f) => focus == f || focus == Focus.Everything ? t.Pick(0, 0, 2, 5, 10, 20, 40) : 0;
        var kube = new KubeGen(t, Weird(Focus.Kubernetes));
        var package = new PackageJsonGen(t, Weird(Focus.PackageJson));
        var js = new JsGen(t, Weird(Focus.JavaScript));
        var docker = new DockerGen(t, Weird(Focus.Dockerfile));
        var repo = new FuzzRepo();

        var appCount = focus == Focus.Kubernetes ? t.Between(0, 2) : t.Between(1, 3);
        var apps = new List<string>();
        for (var i = 0; i < appCount; i++)
        {
            var app = t.Chance(10) ? "" : t.Pick(Pools.Apps); // "" is an app at the root
            if (!apps.Contains(app)) apps.Add(app);
        }
        foreach (var app in apps)
        {
            var dir = app.Length == 0 ? "" : (t.Chance(15) ? "services/" : "") + app + "/";
            var entry = t.Pick(Entries);
            var port = t.Pick(Pools.Ports);
            repo.Add(dir + "package.json", package.App(app.Length == 0 ? "root" : app, entry, esm: t.Chance(50)));
            repo.Add(dir + entry, js.Program());
            foreach (var sibling in Siblings)
            {
                if (t.Chance(35)) repo.Add(dir + sibling, js.Program());
            }
            if (t.Chance(15)) repo.Add(dir + "data.json", t.Pick("{\"a\": 1}\n", "[1, 2]", "not json", ""));
            if (t.Chance(20))
            {
                repo.Add(dir + "node_modules/lib-pkg/package.json", package.Dependency("lib-pkg"));
                repo.Add(dir + "node_modules/lib-pkg/" + t.Pick("index.js", "sub.js", "lib.mjs"), js.Program());
            }
            if (t.Chance(85)) repo.Add(dir + t.Pick("Dockerfile", "Dockerfile", "Dockerfile", "Dockerfile.prod", "app.dockerfile"), docker.Dockerfile(entry, port));
            if (t.Chance(20)) repo.Add(dir + t.Pick(".env", ".env", ".env.production", ".env.local"), DotEnv(t));
            if (t.Chance(10)) repo.Add(dir + ".dockerignore", IgnoreFile(t));
            if (t.Chance(10)) repo.Add(dir + t.Pick(".nvmrc", ".node-version"), t.Pick("20\n", "v22.12.0\n", "lts/*\n", "node\n", "garbage", "18.0.0\r\n", ""));
        }

        var manifests = t.Pick("k8s/", "k8s/", "deploy/base/", "", "manifests/app/");
        var names = new List<string>();
        for (var n = focus == Focus.Kubernetes ? t.Between(1, 4) : t.Between(1, 3); n > 0; n--)
        {
            var name = t.Pick("app", "web", "api", "all", "svc", "config") + names.Count + t.Pick(".yaml", ".yaml", ".yml");
            names.Add(name);
            repo.Add(manifests + name, kube.File(t.Between(1, 4)));
        }
        if (t.Chance(15))
        {
            repo.Add(manifests + "kustomization.yaml", kube.Kustomization(names));
            if (t.Chance(30)) repo.Add(manifests + "patch.yaml", kube.File(1));
            if (t.Chance(30) && manifests.Length > 0) repo.Add("overlays/prod/kustomization.yaml", kube.Kustomization(["../../" + manifests.TrimEnd('/')]));
        }
        if (t.Chance(5))
        {
            // A Helm chart: its templates are not YAML until rendered (skipped, ML004), its values file is.
            repo.Add("chart/Chart.yaml", "apiVersion: v2\nname: app\nversion: 0.1.0\n");
            repo.Add("chart/values.yaml", kube.File(1));
            repo.Add("chart/templates/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n{{- if .Values.x }}\nspec: {{ toYaml .Values.spec | nindent 2 }}\n{{- end }}\n");
        }
        if (t.Chance(8) && apps.Count > 0) repo.Add(t.Pick("docker-compose.yml", "compose.yaml"), Compose(t, apps));
        if (t.Chance(5) && apps.Count > 0) repo.Add(".github/workflows/ci.yml", Workflow(t, apps));
        if (t.Chance(8)) repo.Add(t.Pick(".gitignore", ".manifestlintignore", manifests + ".gitignore"), IgnoreFile(t));
        if (t.Chance(15)) repo.Add(".manifestlint.yaml", Config(t));
        return repo;
    }

    /// <summary>.gitignore-style lines: negations, globs, character classes (balanced or not), comments, escapes.</summary>
    private static string IgnoreFile(Tape t) => string.Concat(Enumerable.Range(0, t.Between(1, 5)).Select(_ => t.Pick(
        ".env", "node_modules/", "*\n!server.js", "!package.json", "src/", "**/*.js", "!keep.js", "#", "!", "k8s/secret*.yaml", "*.y?ml",
        "[abc]*.js", "a[", "[!x]", "\\#hash", "/build/", "**/tmp/**", " trailing ", "", "dir/**/x", "\\!bang") + "\n"));

    private static string DotEnv(Tape t) => string.Concat(Enumerable.Range(0, t.Between(1, 6)).Select(_ => t.Pick(
        $"{t.Pick(Pools.EnvNames)}={t.Pick("8080", "production", "http://api:8080", "", "\"quoted value\"", "'single'", "a#b", "changeme")}\n",
        $"export {t.Pick(Pools.EnvNames)}=1\n", "# comment\n", "BAD LINE\n", "=novalue\n", "\n", "MULTI=\"a\nb\"\n", "X=${PORT}\n",
        $"# manifestlint-disable-next-line ML301\n", " SPACED = x \n", "\uFEFFBOM=1\n")));

    private static string Compose(Tape t, List<string> apps) =>
        "services:\n" + string.Concat(apps.Select(app => $"  {(app.Length == 0 ? "root" : app)}:\n    image: {t.Pick("", "registry.example.com/team/")}{(app.Length == 0 ? "root" : app)}:{t.Pick("1.0", "latest")}\n    build: {t.Pick("./" + app, app.Length == 0 ? "." : app, "{context: ./" + app + "}", "./missing")}\n"));

    private static string Workflow(Tape t, List<string> apps) =>
        "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n" + string.Concat(apps.Select(app => t.Chance(50)
            ? $"      - uses: docker/build-push-action@v6\n        with:\n          context: ./{app}\n          tags: {t.Pick("", "ghcr.io/org/")}{(app.Length == 0 ? "root" : app)}:2\n"
            : $"      - run: docker build -t {(app.Length == 0 ? "root" : app)}:1.0 {(app.Length == 0 ? "." : app)}\n"));

    /// <summary>Always a valid configuration: a bad one is a usage error (exit 2), which is not what these properties test.</summary>
    private static string Config(Tape t)
    {
        var lines = new List<string> { "# fuzz" };
        if (t.Chance(50)) lines.Add("node: \"" + t.Pick("20.18", "22.12.0", "18", "24.0.0", "20.0.0") + "\"");
        if (t.Chance(50)) lines.Add("rules:\n  ML406: note\n  " + t.Pick("ML402: off", "ML301: error", "probe-timing: note", "ML409: warning"));
        if (t.Chance(20)) lines.Add("defaultNamespace: " + t.Pick(Pools.Namespaces));
        if (t.Chance(20)) lines.Add("ignore:\n  - \"" + t.Pick("dist/", "**/node_modules/**", "*.yml", "!k8s/") + "\"");
        return string.Join('\n', lines) + "\n";
    }
}
