namespace ManifestLint.Tests;

/// <summary>Realistic patterns that once produced false positives (from adversarial review): each must stay quiet,
/// and where a true positive sits next to the trap, it must still be found.</summary>
public class PrecisionTests
{
    private static string Deployment(string name, string labels, string extra = "", string ports = "[ { containerPort: 8080 } ]", int probe = 8080) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: {{name}} }
        spec:
          selector: { matchLabels: { app: {{name}} } }
          template:
            metadata: { labels: {{labels}} }
            spec:
              containers:
                - name: {{name}}
                  image: ghcr.io/acme/{{name}}:1
                  ports: {{ports}}
                  readinessProbe: { tcpSocket: { port: {{probe}} } }
                  livenessProbe: { tcpSocket: { port: {{probe}} } }
        {{extra}}
        """;

    private static string Service(string name, string selector, string targetPort = "8080") =>
        $"apiVersion: v1\nkind: Service\nmetadata: {{ name: {name} }}\nspec: {{ selector: {selector}, ports: [ {{ port: 80, targetPort: {targetPort} }} ] }}\n";

    [Fact]
    public void Yaml_merge_keys_in_labels_are_resolved()
    {
        using var p = new TestProject().Write("k8s/api.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, labels: &labels { app: api, tier: backend } }
            spec:
              selector: { matchLabels: *labels }
              template:
                metadata:
                  labels:
                    <<: *labels
                    version: v2
                spec:
                  containers:
                    - name: api
                      image: ghcr.io/acme/api:1
                      ports: [ { containerPort: 8080 } ]
                      readinessProbe: { tcpSocket: { port: 8080 } }
                      livenessProbe: { tcpSocket: { port: 8080 } }
            """).Write("k8s/svc.yaml", Service("api", "{ app: api, tier: backend }"));
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Kustomize_common_labels_reach_selectors_and_templates()
    {
        using var p = new TestProject()
            .Write("k8s/kustomization.yaml", "commonLabels: { app.kubernetes.io/name: notifier }\nresources: [deploy.yaml, svc.yaml]\n")
            .Write("k8s/deploy.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: { name: notifier }
                spec:
                  template:
                    spec:
                      containers:
                        - name: notifier
                          image: ghcr.io/acme/notifier:1
                          ports: [ { containerPort: 8080 } ]
                          readinessProbe: { tcpSocket: { port: 8080 } }
                          livenessProbe: { tcpSocket: { port: 8080 } }
                """)
            .Write("k8s/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: { name: notifier }\nspec: { selector: {}, ports: [ { port: 80, targetPort: 8080 } ] }\n");
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Per_environment_folders_are_separate_deployments()
    {
        using var p = new TestProject()
            .Write("k8s/staging/api.yaml", Deployment("api", "{ app: api }", "---\n" + Service("api", "{ app: api }")))
            .Write("k8s/production/api.yaml", Deployment("api", "{ app: api }", "---\n" + Service("api", "{ app: api }")));
        Assert.Empty(p.Findings());
        p.Write("k8s/production/again.yaml", Service("api", "{ app: api }"));
        Assert.Equal(["ML209 k8s/production/api.yaml:18:19"], p.Findings());
    }

    [Fact]
    public void Argo_rollout_pods_are_selected()
    {
        using var p = new TestProject()
            .Write("k8s/rollout.yaml", Deployment("digest", "{ app: digest }").Replace("apiVersion: apps/v1\nkind: Deployment", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout"))
            .Write("k8s/svc.yaml", Service("digest", "{ app: digest }"));
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Named_ports_of_native_sidecars_resolve()
    {
        var sidecar = "      initContainers:\n        - name: envoy\n          image: envoyproxy/envoy:v1.31\n          restartPolicy: Always\n"
            + "          ports: [ { name: proxy, containerPort: 9000 } ]\n          readinessProbe: { tcpSocket: { port: 9000 } }\n          livenessProbe: { tcpSocket: { port: 9000 } }";
        using var p = new TestProject()
            .Write("k8s/gw.yaml", Deployment("gw", "{ app: gw }").Replace("      containers:", sidecar + "\n      containers:"))
            .Write("k8s/svc.yaml", Service("gw", "{ app: gw }", "proxy"));
        Assert.Empty(p.Findings());
    }

    private static TestProject NodeApp(string code, string env = "") => new TestProject()
        .Write("api/package.json", """{ "name": "api", "main": "server.js" }""")
        .Write("api/Dockerfile", "FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD [\"node\", \"server.js\"]\n")
        .Write("api/server.js", code)
        .Write("k8s/api.yaml", Deployment("api", "{ app: api }", ports: "[ { containerPort: 8080 } ]") .Replace("                  ports:", env + "                  ports:"))
        .Write("k8s/svc.yaml", Service("api", "{ app: api }"))
        .Write("k8s/docs.yaml", Deployment("docs", "{ app: docs }", ports: "[ { containerPort: 80 } ]", probe: 80) + "---\n" + Service("docs", "{ app: docs }", "80"));

    [Theory]
    [InlineData("const PORT = 8080;\napp.listen(PORT, () => console.log('listening on http://localhost:' + PORT));\n")]
    [InlineData("let port = 3000;\nif (process.env.PORT) { port = parseInt(process.env.PORT, 10); }\nserver.listen(port);\n")]
    [InlineData("const whitelist = ['http://localhost:80'];\napp.listen(8080);\nconst u = new URL(req.url, 'http://localhost');\n")]
    [InlineData("const app = require('fastify')();\nconst opts = { port: 8080, host: '0.0.0.0' };\napp.listen(opts);\n")]
    [InlineData("const app = require('fastify')();\nconst base = { host: '0.0.0.0' };\napp.listen({ ...base, port: 8080 });\n")]
    public void Code_that_is_not_a_connection_or_a_loopback_bind_is_quiet(string code)
    {
        using var p = NodeApp(code, "                  env: [ { name: PORT, value: \"8080\" } ]\n");
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Listen_addresses_and_browser_build_variables_are_not_connections()
    {
        using var p = NodeApp("app.listen(8080);\n",
            "                  env: [ { name: METRICS_LISTEN_ADDR, value: \"127.0.0.1:80\" }, { name: REACT_APP_API_URL, value: \"http://localhost:80\" } ]\n");
        Assert.Empty(p.Findings());
    }

    [Fact]
    public void Localhost_to_another_workloads_port_is_still_found()
    {
        using var p = NodeApp("fetch('http://localhost:80/docs');\napp.listen(8080);\n");
        Assert.Equal(["ML207 api/server.js:1:7"], p.Findings());
    }
}
