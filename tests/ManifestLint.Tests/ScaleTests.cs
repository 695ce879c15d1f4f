using System.Text;

namespace ManifestLint.Tests;

/// <summary>Resolution is index-based: the look-up work grows linearly with the number of objects.
/// Asserted on operation counts (deterministic), never on wall time.</summary>
public class ScaleTests
{
    /// <summary>n Deployments, each behind its own Service, each calling the next one's Service by URL,
    /// plus an Ingress per 100 Services; every hop resolves, so the project is clean.</summary>
    private static TestProject Generate(int n)
    {
        var project = new TestProject();
        for (var file = 0; file < n / 500; file++)
        {
            var yaml = new StringBuilder();
            for (var i = file * 500; i < (file + 1) * 500; i++)
            {
                var next = (i + 1) % n;
                yaml.Append($"""
                    apiVersion: v1
                    kind: Service
                    metadata: {"{"} name: svc-{i}, namespace: ns-{i % 10} {"}"}
                    spec: {"{"} selector: {"{"} app: app-{i}, tier: web {"}"}, ports: [ {"{"} port: 80, targetPort: 8080 {"}"} ] {"}"}
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {"{"} name: app-{i}, namespace: ns-{i % 10} {"}"}
                    spec:
                      selector: {"{"} matchLabels: {"{"} app: app-{i} {"}"} {"}"}
                      template:
                        metadata: {"{"} labels: {"{"} app: app-{i}, tier: web {"}"} {"}"}
                        spec:
                          containers:
                            - name: main
                              image: nginx:1.27
                              ports: [ {"{"} containerPort: 8080 {"}"} ]
                              env: [ {"{"} name: NEXT_URL, value: "http://svc-{next}.ns-{next % 10}.svc.cluster.local:80" {"}"} ]
                              readinessProbe: {"{"} tcpSocket: {"{"} port: 8080 {"}"} {"}"}
                              livenessProbe: {"{"} tcpSocket: {"{"} port: 8080 {"}"} {"}"}
                    ---

                    """);
                if (i % 100 == 0)
                {
                    yaml.Append($"""
                        apiVersion: networking.k8s.io/v1
                        kind: Ingress
                        metadata: {"{"} name: in-{i}, namespace: ns-{i % 10} {"}"}
                        spec: {"{"} defaultBackend: {"{"} service: {"{"} name: svc-{i}, port: {"{"} number: 80 {"}"} {"}"} {"}"} {"}"}
                        ---

                        """);
                }
            }
            project.Write($"k8s/part-{file:D3}.yaml", yaml.ToString());
        }
        return project;
    }

    [Fact]
    public void Twenty_thousand_services_and_deployments_resolve_with_linear_lookup_work()
    {
        using var small = Generate(2_000);
        using var large = Generate(20_000);
        var smallRun = small.Lint();
        var largeRun = large.Lint();
        Assert.Empty(smallRun.Findings);
        Assert.Empty(largeRun.Findings);
        Assert.Equal(40_200, largeRun.Model.Objects.Count);
        // 10x the objects: linear work is 10x; a per-object scan of all Services or pods would be ~100x.
        var ratio = (double)largeRun.Model.LookupWork / smallRun.Model.LookupWork;
        Assert.InRange(ratio, 8.0, 12.0);
    }

    [Fact]
    public void Broken_references_are_still_found_at_scale()
    {
        using var project = Generate(2_000);
        project.Write("k8s/broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n---\n" +
            "apiVersion: v1\nkind: Service\nmetadata: { name: orphan, namespace: ns-1 }\nspec: { selector: { app: app-x }, ports: [ { port: 80 } ] }\n");
        Assert.Equal(["ML203 k8s/broken.yaml:8:9"], project.Findings());
    }

    /// <summary>n Node apps (package.json, Dockerfile, entry file), each run by a Deployment whose container is named
    /// for its folder: linking looks candidates up by name, so its work is linear (a scan of every app for every
    /// container would be 100x for 10x the apps).</summary>
    [Fact]
    public void Linking_two_thousand_apps_does_linear_work()
    {
        using var small = GenerateApps(200);
        using var large = GenerateApps(2_000);
        var smallRun = small.Lint();
        var largeRun = large.Lint();
        Assert.Equal(200, smallRun.Model.Links.Count);
        Assert.Equal(2_000, largeRun.Model.Links.Count);
        Assert.All(largeRun.Model.Links, l => Assert.Equal("svc/" + l.Container.Name, l.Package.Dir));
        var ratio = (double)largeRun.Model.LookupWork / smallRun.Model.LookupWork;
        Assert.InRange(ratio, 8.0, 12.0);
    }

    private static TestProject GenerateApps(int n)
    {
        var project = new TestProject();
        var yaml = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            project.Write($"svc/app-{i}/package.json", $$"""{ "name": "app-{{i}}", "main": "index.js" }""")
                .Write($"svc/app-{i}/Dockerfile", "FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"index.js\"]\n")
                .Write($"svc/app-{i}/index.js", "require('http').createServer(() => {}).listen(8080);\n");
            yaml.Append($$"""
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: app-{{i}} }
                spec:
                  selector: { matchLabels: { app: app-{{i}} } }
                  template:
                    metadata: { labels: { app: app-{{i}} } }
                    spec: { containers: [ { name: app-{{i}}, image: "registry.local/app-{{i}}:1" } ] }
                ---

                """);
        }
        project.Write("k8s/apps.yaml", yaml.ToString());
        return project;
    }
}
