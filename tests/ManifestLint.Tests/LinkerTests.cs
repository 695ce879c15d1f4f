namespace ManifestLint.Tests;

/// <summary>Which app runs in which container, and why.</summary>
public class LinkerTests
{
    private const string Pkg = """{ "name": "api", "main": "server.js" }""";
    private const string Server = "const db = process.env.DATABASE_URL;\nconsole.log(db);\n";

    private static string Deployment(string name, string container, string image, string annotations = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        {{annotations}}
        spec:
          selector: { matchLabels: { app: {{name}} } }
          template:
            metadata: { labels: { app: {{name}} } }
            spec:
              containers:
                - name: {{container}}
                  image: {{image}}
                  readinessProbe: { tcpSocket: { port: 80 } }
                  livenessProbe: { tcpSocket: { port: 80 } }
        """;

    private static TestProject App(string folder) => new TestProject()
        .Write($"{folder}/package.json", Pkg)
        .Write($"{folder}/server.js", Server)
        .Write($"{folder}/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n");

    [Fact]
    public void Links_by_container_name_equal_to_folder()
    {
        using var p = App("services/api").Write("k8s/d.yaml", Deployment("web", "api", "registry.local/x:1"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("services/api", link.Package.Dir);
        Assert.Equal("services/api/server.js", link.EntryFile);
        Assert.Contains("container name `api`", link.Evidence);
    }

    [Fact]
    public void Links_by_image_name_token()
    {
        using var p = App("api").Write("k8s/d.yaml", Deployment("web", "main", "ghcr.io/acme/shop-api:2.1"));
        Assert.Contains("image `ghcr.io/acme/shop-api:2.1`", Assert.Single(p.Lint().Model.Links).Evidence);
    }

    [Fact]
    public void Links_by_docker_compose_build_context_and_image()
    {
        using var p = App("services/api-server")
            .Write("docker-compose.yml", "services:\n  api:\n    build: ./services/api-server\n    image: registry.local/shop/web-api:dev\n  db:\n    image: postgres:16\n")
            .Write("k8s/d.yaml", Deployment("shop", "web", "registry.local/shop/web-api:3.1"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("services/api-server", link.Package.Dir);
        Assert.Equal("docker-compose.yml service `api` builds image `registry.local/shop/web-api:dev` from services/api-server/", link.Evidence);
    }

    [Theory]
    [InlineData("      - run: |\n          docker build --pull -t ghcr.io/acme/core-svc:${{ github.sha }} -f services/api-server/Dockerfile services/api-server\n          docker push ghcr.io/acme/core-svc:${{ github.sha }}\n",
        "step `run` builds image `ghcr.io/acme/core-svc`")]
    [InlineData("      - name: Build\n        run: docker buildx build --push --tag=$REGISTRY/core-svc:v1 .\n        working-directory: services/api-server\n        env:\n          REGISTRY: ghcr.io/acme\n",
        "step `Build` builds image `ghcr.io/acme/core-svc:v1`")]
    [InlineData("      - uses: docker/metadata-action@v5\n        id: meta\n        with:\n          images: |\n            ${{ env.IMAGE }}\n      - uses: docker/build-push-action@v6\n        with:\n          context: ./services/api-server\n          tags: ${{ steps.meta.outputs.tags }}\n",
        "step `docker/build-push-action@v6` builds image `ghcr.io/acme/core-svc`")]
    public void Links_by_github_workflow_image_build(string steps, string evidence)
    {
        var workflow = "name: release\non: push\nenv:\n  IMAGE: ghcr.io/acme/core-svc\njobs:\n  images:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n" + steps;
        using var p = App("services/api-server").Write("other/package.json", Pkg).Write("other/server.js", Server)
            .Write("other/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n")
            .Write(".github/workflows/release.yml", workflow)
            .Write("k8s/d.yaml", Deployment("shop", "main", "ghcr.io/acme/core-svc:3.1"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("services/api-server", link.Package.Dir);
        Assert.Contains(evidence, link.Evidence);
        Assert.EndsWith("from services/api-server/", link.Evidence);
    }

    [Fact]
    public void Workflow_image_with_unknown_repository_is_no_evidence()
    {
        using var p = App("services/api-server").Write("other/package.json", Pkg).Write("other/server.js", Server)
            .Write("other/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n")
            .Write(".github/workflows/release.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: docker build -t ${{ github.repository }}:1 services/api-server\n")
            .Write("k8s/d.yaml", Deployment("shop", "main", "ghcr.io/acme/core-svc:3.1"));
        Assert.Empty(p.Lint().Model.Links);
    }

    [Theory]
    [InlineData("COPY package*.json ./\nCOPY src ./src\n", "api/Dockerfile copies no `.env` into the image")]
    [InlineData("COPY package*.json ./\nCOPY .env* ./\n", null)]
    [InlineData("COPY ./ ./\n", null)]
    [InlineData("COPY --from=build /app /app\n", null)]
    public void Dotenv_reaches_the_image_only_when_copied(string copies, string? dropped)
    {
        using var p = App("api")
            .Write("api/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\n" + copies + "CMD [\"node\", \"server.js\"]\n")
            .Write("api/server.js", "require('dotenv').config();\nconnect(process.env.DATABASE_URL);\n")
            .Write("api/.env", "DATABASE_URL=postgres://localhost/dev\n")
            .Write("k8s/d.yaml", Deployment("api", "api", "acme/api:1"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal(dropped, link.DotEnvDropped);
        Assert.Equal(dropped is null ? 0 : 1, p.Lint().Findings.Count(f => f.RuleId == "ML301"));
    }

    [Fact]
    public void Dotenv_file_left_out_by_dockerignore_provides_nothing()
    {
        using var p = App("api")
            .Write("api/server.js", "require('dotenv').config();\nconnect(process.env.DATABASE_URL);\n")
            .Write("api/.env", "DATABASE_URL=postgres://localhost/dev\n")
            .Write("k8s/d.yaml", Deployment("api", "api", "acme/api:1"));
        Assert.Empty(p.Findings());
        p.Write("api/.dockerignore", "node_modules\n.env\n");
        var finding = Assert.Single(p.Lint().Findings);
        Assert.Equal("ML301", finding.RuleId);
        Assert.Contains("It is in api/.env, but api/.dockerignore leaves `.env` out of the image", finding.Message);
    }

    [Fact]
    public void Annotation_wins_and_is_recorded()
    {
        using var p = App("api").Write("k8s/d.yaml", Deployment("web", "main", "nginx:1", "  annotations:\n    manifestlint.io/source: ./api/"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("annotation manifestlint.io/source: ./api/", link.Evidence);
    }

    [Fact]
    public void Single_app_fallback_skips_well_known_images()
    {
        using var p = App("app")
            .Write("k8s/d.yaml", Deployment("web", "web", "acme/storefront:1"))
            .Write("k8s/db.yaml", Deployment("db", "db", "mongo:7"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("web", link.Container.Name);
        Assert.StartsWith("the only Node app", link.Evidence);
    }

    [Fact]
    public void Ambiguous_matches_are_not_linked()
    {
        using var p = App("a/api");
        p.Write("b/api/package.json", Pkg).Write("b/api/server.js", Server).Write("b/api/Dockerfile", "FROM node:20\nCMD [\"node\", \"server.js\"]\n")
         .Write("k8s/d.yaml", Deployment("web", "api", "x:1"));
        var model = p.Lint().Model;
        Assert.Empty(model.Links);
        var (_, container, candidates) = Assert.Single(model.AmbiguousLinks);
        Assert.Equal("api", container.Name);
        Assert.Equal(["a/api/", "b/api/"], candidates.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Nginx_image_of_a_react_build_is_not_a_node_app()
    {
        using var p = new TestProject()
            .Write("frontend/package.json", """{ "name": "web", "type": "module", "dependencies": { "react": "18" }, "devDependencies": { "vite": "5" } }""")
            .Write("frontend/src/App.js", "export const url = process.env.REACT_APP_API;\n")
            .Write("frontend/Dockerfile", "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n")
            .Write("k8s/d.yaml", Deployment("frontend", "frontend", "acme/frontend:1"));
        var result = p.Lint();
        Assert.Empty(result.Model.Links);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Workload_evidence_links_the_app_container_not_its_sidecars()
    {
        using var p = App("api").Write("k8s/d.yaml", Deployment("api", "web", "acme/web:1", "  annotations:\n    manifestlint.io/source: api")
            .Replace("                  livenessProbe: { tcpSocket: { port: 80 } }", "                  livenessProbe: { tcpSocket: { port: 80 } }\n                - name: proxy\n                  image: gcr.io/cloud-sql-connectors/cloud-sql-proxy:2\n                  readinessProbe: { tcpSocket: { port: 5432 } }\n                  livenessProbe: { tcpSocket: { port: 5432 } }"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("web", link.Container.Name);
    }

    [Fact]
    public void Unreadable_container_command_means_unknown_entry_not_start_script()
    {
        using var p = App("api").Write("k8s/d.yaml", Deployment("api", "api", "acme/api:1").Replace("image: acme/api:1", "image: acme/api:1\n          command: [\"npx\", \"knex\", \"migrate:latest\"]"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Null(link.EntryFile);
        Assert.Empty(link.ReachableFiles);
        Assert.Equal(["ML409 k8s/d.yaml:16:26"], p.Findings()); // only the startup-probe advice for a migrating container
    }

    [Fact]
    public void Files_started_by_a_kubernetes_command_are_judged_for_module_syntax()
    {
        using var p = App("api")
            .Write("api/package.json", """{ "name": "api", "type": "module", "main": "server.js" }""")
            .Write("api/server.js", "export const ok = true;\n")
            .Write("api/jobs/cleanup.js", "const fs = require('node:fs');\nfs.existsSync('.');\n")
            .Write("k8s/d.yaml", Deployment("api", "api", "acme/api:1").Replace("image: acme/api:1", "image: acme/api:1\n          command: [\"node\", \"jobs/cleanup.js\"]"));
        Assert.Contains("ML101 api/jobs/cleanup.js:1:12", p.Findings());
    }

    [Fact]
    public void Kubernetes_command_overrides_the_image_entry()
    {
        using var p = App("api").Write("api/worker.js", "use(process.env.QUEUE_URL);\n")
            .Write("k8s/d.yaml", Deployment("api", "api", "acme/api:1").Replace("image: acme/api:1", "image: acme/api:1\n          command: [\"node\", \"worker.js\"]"));
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.Equal("api/worker.js", link.EntryFile);
        Assert.Equal(["ML301 k8s/d.yaml:12:11"], p.Findings());
        Assert.Contains("`QUEUE_URL`", p.Lint().Findings[0].Message);
    }
}

/// <summary>What is read, and what is left alone.</summary>
public class DiscoveryTests
{
    [Fact]
    public void Honours_gitignore_and_skips_dependency_folders_and_nested_projects()
    {
        using var p = new TestProject()
            .Write(".gitignore", "generated/\n*.tmp.yaml\n")
            .Write("k8s/ok.yaml", "apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [ { name: a, image: x } ] }\n")
            .Write("generated/bad.yaml", "a: [\n")
            .Write("k8s/x.tmp.yaml", "a: [\n")
            .Write("node_modules/lib/bad.yaml", "a: [\n")
            .Write("vendor/sub/.manifestlint.yaml", "# separate project\n")
            .Write("vendor/sub/bad.yaml", "a: [\n");
        Assert.Equal(["ML402 k8s/ok.yaml:4:23"], p.Findings());
    }

    [Fact]
    public void Symlinks_out_of_the_root_are_not_followed()
    {
        using var outside = new TestProject().Write("secret.yaml", "a: [\n");
        using var p = new TestProject();
        File.CreateSymbolicLink(Path.Combine(p.Root, "link.yaml"), Path.Combine(outside.Root, "secret.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(p.Root, "dir"), outside.Root);
        Directory.CreateSymbolicLink(Path.Combine(p.Root, "loop"), p.Root);
        var result = p.Lint();
        Assert.Empty(result.Findings);
        Assert.Contains(result.Model.Skipped, s => s.RelativePath == "link.yaml");
        Assert.Contains(result.Model.Skipped, s => s.RelativePath == "loop");
    }

    [Fact]
    public void Imports_of_ignored_build_folders_are_not_reported_missing()
    {
        using var p = new TestProject()
            .Write(".gitignore", "dist/\ngenerated/\n")
            .Write("package.json", """{ "name": "x", "main": "index.js" }""")
            .Write("index.js", "require('./dist');\nrequire('./generated/schema.js');\nrequire('./missing');\n");
        Assert.Equal(["ML105 index.js:3:9"], p.Findings());
    }

    [Fact]
    public void Oversized_files_are_skipped_and_recorded()
    {
        using var p = new TestProject()
            .Write(".manifestlint.yaml", "maxFileBytes: 100\n")
            .Write("big.yaml", "a: [\n" + new string('#', 200) + "\n");
        var result = p.Lint();
        Assert.Equal(["ML005 big.yaml:1:1"], Hostile.Findings(result)); // the limit is said, with where to raise it
        Assert.Contains(result.Model.Skipped, s => s.RelativePath == "big.yaml" && s.Reason.Contains("100 bytes") && s.Limit == "maxFileBytes");
    }

    [Fact]
    public void Findings_are_limited_to_the_given_paths_but_context_is_the_whole_project()
    {
        using var p = new TestProject()
            .Write("app/package.json", """{ "name": "app", "type": "module", "main": "index.js", "scripts": { "start": "node index.js" } }""")
            .Write("app/index.js", "const x = require('x');\n")
            .Write("k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [ { name: a, image: x } ] }\n");
        var scoped = Linter.Lint([Path.Combine(p.Root, "k8s")]);
        Assert.Equal(p.Root, scoped.Root);
        Assert.All(scoped.Findings, f => Assert.StartsWith("k8s/", f.Span.File));
        Assert.True(scoped.Model.Modules.IsParsed("app/index.js"));
        Assert.Contains(p.Findings(), f => f.StartsWith("ML101 app/index.js:1:11", StringComparison.Ordinal));
    }
}

/// <summary>kustomization.yaml: namespaces, generators, patches.</summary>
public class KustomizeTests
{
    [Fact]
    public void Namespace_applies_to_listed_files_and_folders_unless_overlays_disagree()
    {
        using var p = new TestProject()
            .Write("base/kustomization.yaml", "resources: [svc.yaml]\n")
            .Write("base/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: { name: api }\nspec: { selector: { app: api } }\n")
            .Write("apps/kustomization.yaml", "namespace: shop\nresources: [cfg, ../lonely.yaml]\n")
            .Write("apps/cfg/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: a, namespace: other }\n")
            .Write("lonely.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: b }\n")
            .Write("staging/kustomization.yaml", "namespace: staging\nresources: [../base]\n")
            .Write("prod/kustomization.yaml", "namespace: prod\nresources: [../base]\n");
        var refs = p.Lint().Model.Objects.Select(o => o.Ref).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ConfigMap/shop/a", "ConfigMap/shop/b", "Service/default/api"], refs);
    }

    [Fact]
    public void Name_prefix_renames_objects_and_their_references_but_not_hosts_in_values()
    {
        using var p = new TestProject()
            .Write("base/kustomization.yaml", "resources: [app.yaml]\nconfigMapGenerator:\n  - name: settings\n    literals: [LOG_LEVEL=info]\n")
            .Write("base/app.yaml", """
                apiVersion: v1
                kind: Service
                metadata: { name: mongo }
                spec: { selector: { app: mongo }, ports: [ { port: 27017 } ] }
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: mongo }
                spec:
                  selector: { matchLabels: { app: mongo } }
                  template:
                    metadata: { labels: { app: mongo } }
                    spec:
                      containers:
                        - name: mongo
                          image: mongo:7
                          ports: [ { containerPort: 27017 } ]
                          readinessProbe: { tcpSocket: { port: 27017 } }
                          livenessProbe: { tcpSocket: { port: 27017 } }
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: api }
                spec:
                  selector: { matchLabels: { app: api } }
                  template:
                    metadata: { labels: { app: api } }
                    spec:
                      containers:
                        - name: api
                          image: acme/api:1
                          env:
                            - { name: MONGO_URL, value: "mongodb://mongo:27017/chat" }
                            - name: LOG_LEVEL
                              valueFrom: { configMapKeyRef: { name: settings, key: LOG_LEVEL } }
                            - name: TOKEN
                              valueFrom: { secretKeyRef: { name: vault-token, key: TOKEN, optional: true } }
                          readinessProbe: { tcpSocket: { port: 80 } }
                          livenessProbe: { tcpSocket: { port: 80 } }
                """)
            .Write("overlays/prod/kustomization.yaml", "namePrefix: prod-\nresources: [../../base]\n");
        var result = p.Lint();
        Assert.Equal(["ConfigMap/default/prod-settings", "Deployment/default/prod-api", "Deployment/default/prod-mongo", "Service/default/prod-mongo"],
            result.Model.Objects.Select(o => o.Ref).Order(StringComparer.Ordinal).ToList());
        var finding = Assert.Single(result.Findings);
        Assert.Equal("ML201", finding.RuleId);
        Assert.Contains("`prod-mongo`", finding.Message);
    }
}

/// <summary>`.manifestlint.yaml` `external:` and `apps:`.</summary>
public class ConfiguredLinksTests
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: shop, namespace: prod }
        spec:
          selector: { matchLabels: { app: shop } }
          template:
            metadata: { labels: { app: shop } }
            spec:
              containers:
                - name: main
                  image: registry.local/whatever:1
                  env:
                    - { name: DB_URL, value: "postgres://payments.billing:5432/db" }
                    - name: API_KEY
                      valueFrom: { secretKeyRef: { name: vault-keys, key: API_KEY } }
                  readinessProbe: { tcpSocket: { port: 80 } }
                  livenessProbe: { tcpSocket: { port: 80 } }
        ---
        apiVersion: v1
        kind: Namespace
        metadata: { name: billing }
        """;

    private static TestProject Project(string config) => new TestProject()
        .Write(".manifestlint.yaml", config)
        .Write("svc/package.json", """{ "name": "svc", "main": "index.js" }""")
        .Write("svc/index.js", "connect(process.env.DB_URL, process.env.API_KEY, process.env.VAULT_TOKEN);\n")
        .Write("k8s/shop.yaml", Deployment);

    [Fact]
    public void Without_configuration_the_gaps_are_reported()
    {
        using var p = Project("# nothing\n");
        Assert.Empty(p.Lint().Model.Links); // no evidence links svc/ to the container
        Assert.Equal(["ML201 k8s/shop.yaml:13:38", "ML302 k8s/shop.yaml:15:50"], p.Findings());
    }

    [Fact]
    public void Apps_entries_link_and_external_objects_are_trusted()
    {
        using var p = Project("apps:\n  - { source: svc, workload: Deployment/prod/shop }\nexternal:\n  env: [VAULT_TOKEN]\n  services: [billing/payments]\n  secrets: [vault-keys]\n");
        var link = Assert.Single(p.Lint().Model.Links);
        Assert.StartsWith("`apps:` entry", link.Evidence);
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Service_link_variables_are_not_provided_when_disabled()
    {
        using var p = new TestProject()
            .Write("api/package.json", """{ "name": "api", "main": "index.js" }""")
            .Write("api/Dockerfile", "FROM node:22\nCMD [\"node\", \"index.js\"]\n")
            .Write("api/index.js", "connect(process.env.REDIS_SERVICE_HOST);\n")
            .Write("k8s/a.yaml", "apiVersion: v1\nkind: Service\nmetadata: { name: redis }\nspec: { ports: [ { port: 6379 } ] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  enableServiceLinks: false\n  containers:\n    - name: api\n      image: acme/api:1\n      readinessProbe: { tcpSocket: { port: 80 } }\n      livenessProbe: { tcpSocket: { port: 80 } }\n");
        Assert.Equal(["ML301 k8s/a.yaml:12:7"], p.Findings());
    }
}
