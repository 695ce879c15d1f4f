using ManifestLint.Config;
using ManifestLint.Loading;
using ManifestLint.Rules.Networking;

namespace ManifestLint.Tests;

public class HostReferenceTests
{
    [Theory]
    [InlineData("DB_URL", "mongodb://mongo:27017/app", "mongo")]
    [InlineData("DB_URL", "mongodb://user:p%40ss@db-0.db:27017,db-1.db:27017/app?replicaSet=rs0", "db-0.db,db-1.db")]
    [InlineData("API", "http://Orders:8080/v1", "orders")]
    [InlineData("API_ADDR", "orders:8080", "orders")]
    [InlineData("REDIS_HOST", "cache", "cache")]
    [InlineData("REDIS_HOST", "cache.prod.svc.cluster.local", "cache.prod.svc.cluster.local")]
    [InlineData("LOG_LEVEL", "debug", "")]
    [InlineData("DB_URL", "mongodb+srv://cluster0.example.net/app", "")]
    [InlineData("BUCKET", "s3://my-bucket/path", "")]
    [InlineData("API", "http://localhost:3000", "")]
    [InlineData("API", "http://10.0.0.5:3000", "")]
    [InlineData("DB_HOST", "$(MONGO_SERVICE_HOST)", "")]
    [InlineData("TIME", "10:30", "")]
    [InlineData("NAME_HOST", "Not A Host", "")]
    [InlineData("CORS_ORIGINS", "http://localhost:3000,http://127.0.0.1:3000", "")]
    [InlineData("UPSTREAMS", "http://orders:8080, http://billing:8080", "orders,billing")]
    [InlineData("KAFKA_BROKERS", "b1:9092,b2:9092", "b1,b2")]
    [InlineData("WORKER_IMAGE", "redis:7", "")]
    [InlineData("EMAIL_SERVICE", "gmail", "")]
    public void Finds_hosts(string variable, string value, string expected) =>
        Assert.Equal(expected, string.Join(",", HostReference.Find(variable, value)));

    [Theory]
    [InlineData("mongo", "app", "mongo/app")]
    [InlineData("mongo.data", "app", "mongo/data")]
    [InlineData("api.example", "app", "")]
    [InlineData("mongo.data.svc", "app", "mongo/data")]
    [InlineData("mongo.data.svc.cluster.local", "app", "mongo/data")]
    [InlineData("api.stripe.com", "app", "")]
    [InlineData("acme.dev", "dev", "")]
    public void Resolves_cluster_dns(string host, string ns, string expected)
    {
        var known = new HashSet<string> { "app", "data", "dev" };
        var resolved = ServiceDns.Resolve(host, ns, known);
        Assert.Equal(expected, resolved is var (n, s) ? $"{n}/{s}" : "");
    }
}

public class DockerfileTests
{
    [Fact]
    public void Reads_final_stage_with_inherited_env_workdir_and_commands()
    {
        var recipe = DockerfileLoader.Load("api/Dockerfile", """
            # syntax=docker/dockerfile:1
            FROM node:20-alpine AS base
            WORKDIR /app
            ENV NODE_ENV=production \
                PORT=8080
            ENV LEGACY value with spaces

            FROM base AS runtime
            COPY . .
            EXPOSE 8080/tcp
            ENTRYPOINT ["node"]
            CMD ["src/server.js"]
            """);
        var final = recipe.Final!;
        Assert.Equal("api", recipe.Dir);
        Assert.Equal(2, recipe.Stages.Count);
        Assert.Equal("/app", final.WorkDir);
        Assert.Equal("production", final.Env["NODE_ENV"]);
        Assert.Equal("8080", final.Env["PORT"]);
        Assert.Equal("value with spaces", final.Env["LEGACY"]);
        Assert.Equal([8080], final.Expose);
        Assert.Equal(["node", "src/server.js"], final.Command);
        Assert.True(final.RunsNode);
        Assert.Equal(8, final.Span.StartLine);
    }

    [Fact]
    public void Global_args_parameterise_from_and_stage_names_ignore_case()
    {
        var recipe = DockerfileLoader.Load("Dockerfile", "ARG NODE_VERSION=20.18.3\nFROM node:${NODE_VERSION}-alpine AS Base\nENV A=1\nFROM base\nCMD [\"node\", \"x.js\"]\n");
        Assert.Equal("node:20.18.3-alpine", recipe.Stages[0].BaseImage);
        Assert.Equal("1", recipe.Final!.Env["A"]);
        Assert.Equal("node:20.18.3-alpine", ManifestLint.Linking.Dockerfiles.FinalBase(recipe)!.BaseImage);
    }

    [Theory]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n", true)]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY . /app/\n", true)]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY src/ ./\n", false)]
    [InlineData("FROM node:22\nWORKDIR /app\nCOPY . .\nWORKDIR /app/server\n", false)]
    public void Knows_when_image_paths_are_the_build_context(string dockerfile, bool mapped) =>
        Assert.Equal(mapped, DockerfileLoader.Load("Dockerfile", dockerfile).Final!.CopiesContextToWorkDir);

    [Fact]
    public void Nginx_final_stage_does_not_run_node()
    {
        var recipe = DockerfileLoader.Load("web/Dockerfile", "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n");
        Assert.False(recipe.Final!.RunsNode);
    }

    [Fact]
    public void Shell_form_cmd_is_split_into_words()
    {
        var recipe = DockerfileLoader.Load("Dockerfile", "FROM node:20\nCMD npm run start -- --port 80\n");
        Assert.Equal(["npm", "run", "start", "--", "--port", "80"], recipe.Final!.Cmd);
    }
}

public class ConfigTests
{
    private static LintConfig Load(string yaml)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, yaml);
        try { return ConfigLoader.Load(path, ".manifestlint.yaml"); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Reads_levels_by_id_and_name()
    {
        var config = Load("rules:\n  ML401: off\n  require-in-esm: warning\ndefaultNamespace: apps\nignore: ['legacy/**']\n");
        Assert.Null(config.RuleLevels["ML401"]);
        Assert.Equal(Model.Level.Warning, config.RuleLevels["require-in-esm"]);
        Assert.Equal("apps", config.DefaultNamespace);
        Assert.Equal(["legacy/**"], config.Ignore);
    }

    [Fact]
    public void Empty_file_is_the_default()
    {
        Assert.Equal("default", Load("# nothing\n").DefaultNamespace);
    }

    [Theory]
    [InlineData("rulez: {}\n", ".manifestlint.yaml:1:1: unknown key `rulez`")]
    [InlineData("rules:\n  missing-livenes-probe: off\n", ".manifestlint.yaml:2:3: unknown rule `missing-livenes-probe`")]
    [InlineData("ignore: legacy/**\n", ".manifestlint.yaml:1:9: `ignore` must be a list")]
    [InlineData("rules:\n  ML101: loud\n", ".manifestlint.yaml:2:10: level `loud`")]
    [InlineData("rules: [a]\n", ".manifestlint.yaml:1:8: `rules` must be a mapping")]
    [InlineData("- a\n", ".manifestlint.yaml:1:1: the configuration must be a mapping")]
    public void Bad_config_is_a_located_error(string yaml, string expectedStart)
    {
        var ex = Assert.Throws<ConfigException>(() => Load(yaml));
        Assert.StartsWith(expectedStart, ex.Message);
    }
}

public class YamlLoaderTests
{
    [Fact]
    public void Multi_document_and_list_objects_keep_their_positions()
    {
        var (objects, problem) = YamlLoader.Load("k8s/all.yaml", """
            apiVersion: v1
            kind: Service
            metadata:
              name: api
            ---
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: cfg
                  namespace: prod
                data:
                  URL: http://api:80
            """, "default");
        Assert.Null(problem);
        Assert.Equal(["Service/default/api", "ConfigMap/prod/cfg"], objects.Select(o => o.Ref));
        var url = objects[1].ConfigData!.Entries["URL"];
        Assert.Equal((15, 12), (url.ValueSpan.StartLine, url.ValueSpan.StartColumn));
        Assert.Equal((4, 9), (objects[0].NameSpan.StartLine, objects[0].NameSpan.StartColumn));
    }

    [Fact]
    public void Wrong_shapes_read_as_absent_instead_of_failing()
    {
        var (objects, problem) = YamlLoader.Load("x.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: 123\nspec:\n  template:\n    spec:\n      containers: \"x\"\n", "default");
        Assert.Null(problem);
        Assert.Empty(objects.Single().PodTemplate!.Containers);
        Assert.Equal("123", objects[0].Name);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_stack_overflow()
    {
        var text = "a: " + new string('[', 100_000) + new string(']', 100_000);
        var (_, problem) = YamlLoader.Load("deep.yaml", text, "default");
        Assert.NotNull(problem);
        Assert.Contains("nests deeper than 256 levels", problem.Message);
        Assert.Equal("maxNestingDepth", problem.Limit);
        Assert.Equal(1, problem.Span.StartLine);
    }

    [Fact]
    public void Alias_inside_its_own_node_is_a_located_problem()
    {
        var (objects, problem) = YamlLoader.Load("l.yaml", "apiVersion: v1\nkind: List\nitems: &a\n  - {apiVersion: v1, kind: List, items: *a}\n", "default");
        Assert.Empty(objects);
        Assert.Equal((4, 41), (problem!.Span.StartLine, problem.Span.StartColumn));
        Assert.Contains("cycle", problem.Message);
    }

    [Fact]
    public void Repeated_list_items_are_read_once()
    {
        var (objects, problem) = YamlLoader.Load("l.yaml", "apiVersion: v1\nkind: List\nitems:\n  - &c {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n  - *c\n  - {apiVersion: v1, kind: List, items: [*c]}\n", "default");
        Assert.Null(problem);
        Assert.Equal(["ConfigMap/default/c"], objects.Select(o => o.Ref));
    }

    [Fact]
    public void Alias_multiplied_lists_and_merge_keys_stay_linear()
    {
        // Each level repeats the previous one ten times: 10^8 objects if expanded naively.
        var yaml = new System.Text.StringBuilder("apiVersion: v1\nkind: List\nitems:\n  - &c0 {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n");
        for (var i = 1; i <= 8; i++)
        {
            yaml.Append($"  - &c{i} {{apiVersion: v1, kind: List, items: [{string.Join(", ", Enumerable.Repeat($"*c{i - 1}", 10))}]}}\n");
        }
        var merges = new System.Text.StringBuilder("a0: &m0 {x: 1}\n");
        for (var i = 1; i <= 8; i++) merges.Append($"a{i}: &m{i} {{<<: [{string.Join(", ", Enumerable.Repeat($"*m{i - 1}", 12))}]}}\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (objects, _) = YamlLoader.Load("bomb.yaml", yaml.ToString(), "default");
        Assert.True(YamlText.TryLoad(merges.ToString(), 256, out var documents, out _));
        var last = ((ManifestLint.Loading.Yaml.YamlMappingNode)documents[0]).Children[^1].Value;
        Assert.Null(last.Get("missing"));
        Assert.Equal("1", last.Get("x").Str());
        Assert.Single(objects);
        // A hang guard, not a speed target: naive expansion would take hours.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Duplicate_key_is_a_located_problem()
    {
        var (_, problem) = YamlLoader.Load("dup.yaml", "kind: Service\nkind: Pod\n", "default");
        Assert.Equal(2, problem!.Span.StartLine);
    }
}

public class ResolutionEdgeTests
{
    [Fact]
    public void Require_of_the_project_root_is_unknown_not_a_crash()
    {
        using var p = new TestProject()
            .Write("package.json", """{ "name": "a", "main": "index.js", "scripts": { "migrate": "node scripts/migrate.js" } }""")
            .Write("index.js", "module.exports = { migrate() {} };\n")
            .Write("scripts/migrate.js", "require('..').migrate();\nrequire('../');\n");
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Overlapping_export_patterns_do_not_match_and_do_not_crash()
    {
        var json = System.Text.Json.JsonDocument.Parse("""{ "./icon-*-icon": "./icons/*.js", "./lib/*": "./src/*.js", "./*": null }""").RootElement.Clone();
        var package = new ManifestLint.Model.VendoredPackage { Name = "icons", Dir = "node_modules/icons", Exports = json };
        Assert.False(ManifestLint.Linking.PackageExports.Resolve(package, "./icon-icon", ManifestLint.Linking.PackageExports.RequireConditions).Exported);
        Assert.Equal("node_modules/icons/src/a.js", ManifestLint.Linking.PackageExports.Resolve(package, "./lib/a", ManifestLint.Linking.PackageExports.RequireConditions).Target);
    }
}
