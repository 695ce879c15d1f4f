using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Tests;

/// <summary>The compact forms the model keeps for the whole run behave like the tables and strings they replace.</summary>
public sealed class CompactModelTests
{
    [Fact]
    public void Small_maps_keep_order_and_answer_like_a_dictionary()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal) { ["app"] = "api", ["tier"] = "backend", ["team"] = "chat" };
        var map = SmallMap<string>.From(table);
        Assert.IsType<SmallMap<string>>(map);
        Assert.Equal(["app", "tier", "team"], map.Keys);
        Assert.Equal(["api", "backend", "chat"], map.Values);
        Assert.Equal("backend", map["tier"]);
        Assert.True(map.ContainsKey("team"));
        Assert.False(map.TryGetValue("App", out _)); // ordinal, like the Dictionary it replaces
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Equal(table.ToList(), map.ToList());
    }

    [Fact]
    public void Empty_tables_share_one_instance_and_large_ones_stay_dictionaries()
    {
        Assert.Same(SmallMap<string>.Empty, SmallMap<string>.From(new Dictionary<string, string>()));
        var large = Enumerable.Range(0, 9).ToDictionary(i => $"k{i}", i => $"v{i}");
        Assert.Same(large, SmallMap<string>.From(large));
    }

    [Fact]
    public void Shared_small_maps_are_one_instance_per_content()
    {
        static Dictionary<string, string> Table(params (string K, string V)[] entries) =>
            entries.ToDictionary(e => e.K, e => e.V, StringComparer.Ordinal);
        var a = SmallMap<string>.Shared(Table(("app", "shared-map-test"), ("tier", "db")));
        var b = SmallMap<string>.Shared(Table(("app", "shared-map-test"), ("tier", "db")));
        Assert.Same(a, b);
        // Order, keys and values all count: these differ from a.
        Assert.NotSame(a, SmallMap<string>.Shared(Table(("tier", "db"), ("app", "shared-map-test"))));
        Assert.NotSame(a, SmallMap<string>.Shared(Table(("app", "shared-map-test"), ("tier", "cache"))));
        Assert.NotSame(a, SmallMap<string>.Shared(Table(("App", "shared-map-test"), ("tier", "db"))));
        Assert.Equal("db", b["tier"]);
        var imports = SmallMap<(string, string)>.Shared(new Dictionary<string, (string, string)> { ["Router"] = ("express", "Router") });
        Assert.Same(imports, SmallMap<(string, string)>.Shared(new Dictionary<string, (string, string)> { ["Router"] = ("express", "Router") }));
        Assert.Same(SmallMap<string>.Empty, SmallMap<string>.Shared(Table()));
        var large = Enumerable.Range(0, 9).ToDictionary(i => $"k{i}", i => $"v{i}");
        Assert.Same(large, SmallMap<string>.Shared(large));
    }

    [Fact]
    public void A_workloads_repeated_label_tables_are_one_instance()
    {
        using var p = new TestProject().Write("k8s/api.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: api, labels: { app: shared-labels-api } }
            spec:
              selector: { matchLabels: { app: shared-labels-api } }
              template:
                metadata: { labels: { app: shared-labels-api } }
                spec: { containers: [ { name: api, image: acme/api:1 } ] }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: api }
            spec: { selector: { app: shared-labels-api }, ports: [ { port: 80 } ] }
            """);
        var objects = p.Lint().Model.Objects;
        var deployment = objects.Single(o => o.Kind == "Deployment");
        var service = objects.Single(o => o.Kind == "Service");
        Assert.Same(deployment.Labels, deployment.PodTemplate!.Labels);
        Assert.Same(deployment.Labels, service.Service!.Selector);
    }

    [Fact]
    public void Pooled_strings_are_one_instance_and_long_strings_pass_through()
    {
        var a = StringPool.Shared(new string("app.kubernetes.io/name".AsSpan()));
        var b = StringPool.Shared(new string("app.kubernetes.io/name".AsSpan()));
        Assert.Same(a, b);
        var longText = new string('x', 200);
        Assert.Same(longText, StringPool.Shared(longText));
        Assert.Null(StringPool.SharedOrNull(null));
    }

    [Fact]
    public void Labels_read_from_yaml_are_small_maps_with_pooled_strings()
    {
        using var p = new TestProject()
            .Write("k8s/a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: { app.kubernetes.io/name: chat, tier: db }\ndata: { K: v }\n")
            .Write("k8s/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  labels: { app.kubernetes.io/name: chat }\ndata: { K: v }\n");
        var objects = p.Lint().Model.Objects;
        var (a, b) = (objects.Single(o => o.Name == "a"), objects.Single(o => o.Name == "b"));
        Assert.IsType<SmallMap<string>>(a.Labels);
        Assert.Equal(["app.kubernetes.io/name", "tier"], a.Labels.Keys);
        Assert.Same(a.Labels["app.kubernetes.io/name"], b.Labels["app.kubernetes.io/name"]);
        Assert.Same(a.Labels.Keys.First(), b.Labels.Keys.First());
    }
}
