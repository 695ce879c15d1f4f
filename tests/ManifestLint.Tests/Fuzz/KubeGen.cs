namespace ManifestLint.Tests.Fuzz;

/// <summary>Kubernetes objects that are valid YAML but often weird: every field may take a value of the wrong type
/// (`weird` percent of the time), names, labels, ports and config references come from
/// <see cref="Pools"/> so they sometimes resolve, and unknown kinds carry random trees up to hundreds of levels deep.</summary>
internal sealed class KubeGen(Tape t, int weird)
{
    private static readonly string[] Kinds =
    [
        "Deployment", "Deployment", "Deployment", "Service", "Service", "ConfigMap", "Secret", "Ingress", "Pod", "StatefulSet",
        "DaemonSet", "Job", "CronJob", "ReplicaSet", "Namespace", "Widget", "Rollout", "List", "PodDisruptionBudget",
    ];

    private static readonly string[] JunkKeys = ["x-extra", "spec", "metadata", "containers", "status", "<<<", "8080", "\"\"", "[a, b]", "null"];

    private Y W(Y normal) => t.Chance(weird) ? Wrong() : normal;

    private Y? Opt(int percent, Func<Y> value) => t.Chance(percent) ? value() : null;

    private Y? Usually(Func<Y> value) => t.Chance(weird / 2 + 2) ? null : value();

    /// <summary>A value of some other type than the field expects.</summary>
    public Y Wrong() => t.Below(13) switch
    {
        0 => Y.Null,
        1 => Y.Str(t.Pick(Pools.Awkward)),
        2 => Y.Raw(t.Pick(Pools.Numbers)),
        3 => Y.Map(),
        4 => Y.Seq(),
        5 => Y.Seq(Y.Str("x"), Y.Int(1)),
        6 => Y.Map(("a", Y.Str("b"))),
        7 => Y.Raw(t.Pick("true", "false", "~", "''", "\"\"")),
        8 => Y.Raw(t.Pick("!!str 8080", "!!int \"80\"", "!!binary aGk=", "!custom x", "!!float 1", "!!null ''", "!!map {}", "2001-12-14t21:59:43.10-05:00")),
        9 => Any(3),
        10 => Deep(t.Depth()),
        11 => Block(),
        _ => Y.Str(t.Pick(Pools.Awkward) + t.Pick(Pools.Awkward)),
    };

    /// <summary>A block scalar: `|`, `>`, with chomping and indentation indicators, lines that look like YAML.</summary>
    public Y Block() => new YBlock(t.Pick("|", ">", "|-", ">+", "|2", "|+"),
        [.. Enumerable.Range(0, t.Between(1, 4)).Select(_ => t.Pick("node server.js", "key: value", "- item", "", "  indented", "# not a comment", "---", "{ [", "http://api:8080/health"))]);

    /// <summary>A random tree of up to <paramref name="budget"/> levels.</summary>
    public Y Any(int budget)
    {
        if (budget <= 0 || !t.Chance(50)) return Scalar();
        return t.Below(2) == 0
            ? new YMap([.. Enumerable.Range(0, t.Count(4)).Select(_ => (Yaml.Key(t, t.Pick(JunkKeys.Concat(Pools.LabelKeys).ToArray())), Any(budget - 1))).DistinctBy(e => Yaml.Unquote(e.Item1))])
            : new YSeq([.. Enumerable.Range(0, t.Count(4)).Select(_ => Any(budget - 1))]);
    }

    /// <summary>Maps and sequences nested <paramref name="depth"/> levels.</summary>
    public Y Deep(int depth)
    {
        Y node = Scalar();
        for (var i = 0; i < depth; i++)
        {
            node = t.Below(3) switch
            {
                0 => Y.Seq(node),
                1 => Y.Map(("a", node)),
                _ => Y.Map(("spec", node), ("b", Y.Int(i))),
            };
        }
        return node;
    }

    public Y Scalar() => t.Below(6) switch
    {
        0 => Y.Str(t.Pick(Pools.LabelValues)),
        1 => Y.Int(t.Pick(Pools.Ports)),
        2 => Y.Raw(t.Pick(Pools.Numbers)),
        3 => Y.Str(t.Pick(Pools.Awkward)),
        4 => Y.Raw(t.Pick("true", "false", "null", "~", "''")),
        _ => Y.Raw("'" + t.Pick(Pools.EnvNames) + "'"),
    };

    /// <summary>A map that drops absent fields and, when weird, repeats a key, adds an unknown one or
    /// writes a key quoted.</summary>
    private Y Obj(params (string Key, Y? Value)[] fields)
    {
        var entries = new List<(string, Y)>();
        foreach (var (key, value) in fields)
        {
            // A repeated key is a parse error (ML001) that hides the whole file: only on purpose, below.
            if (value is not null && entries.All(e => Yaml.Unquote(e.Item1) != key)) entries.Add((Yaml.Key(t, key), W(value)));
        }
        if (entries.Count > 0 && t.Chance(weird / 8)) entries.Add(entries[t.Below(entries.Count)]);
        if (t.Chance(weird / 3)) entries.Insert(t.Below(entries.Count + 1), (t.Pick(JunkKeys), Any(2)));
        return new YMap(entries);
    }

    /// <summary>Up to <paramref name="max"/> entries with keys from <paramref name="keys"/>.</summary>
    private Y Entries(int max, string[] keys, Func<Y> value) => Obj([.. Enumerable.Range(0, t.Between(0, max)).Select(_ => (t.Pick(keys), (Y?)value()))]);

    private YSeq Many(int min, int max, Func<Y> item) => new([.. Enumerable.Range(0, t.Between(min, max)).Select(_ => item())]);

    private Y Name() => t.Chance(weird) ? Wrong() : Y.Str(t.Chance(85) ? t.Pick(Pools.Apps) : t.Pick(Pools.ConfigNames));

    private Y Labels() => Obj([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => (t.Pick(Pools.LabelKeys), (Y?)Y.Str(t.Pick(Pools.LabelValues))))]);

    private Y PortValue() => t.Below(4) switch
    {
        0 or 1 => Y.Int(t.Pick(Pools.Ports)),
        2 => Y.Str(t.Pick(Pools.PortNames)),
        _ => t.Chance(50) ? Y.Raw("\"" + t.Pick(Pools.Ports) + "\"") : Y.Raw(t.Pick(Pools.Numbers)),
    };

    public Y Metadata(string kind) => Obj(
        ("name", Usually(Name)),
        ("namespace", Opt(25, () => Y.Str(t.Pick(Pools.Namespaces)))),
        ("labels", Opt(50, Labels)),
        ("annotations", Opt(20, () => Obj(
            ("manifestlint.io/source", Opt(30, () => Y.Str(t.Pick(Pools.Apps)))),
            ("manifestlint.io/container", Opt(20, () => Y.Str(t.Pick(Pools.Apps)))),
            ("manifestlint.io/ignore", Opt(30, () => Y.Str(t.Pick("ML402", "ML401 -- reason", "", "ML999, missing-liveness-probe", kind)))),
            ("kubernetes.io/ingress.class", Opt(10, () => Y.Str("nginx")))))),
        ("generateName", Opt(weird / 4, () => Y.Str("gen-"))));

    public Y Probe() => Obj(
        ("httpGet", Opt(55, () => Obj(
            ("path", Opt(80, () => Y.Str(t.Chance(80) ? t.Pick(Pools.Paths) : t.Pick(Pools.Awkward)))),
            ("port", Usually(PortValue)),
            ("scheme", Opt(15, () => Y.Str(t.Pick("HTTP", "HTTPS", "http")))),
            ("host", Opt(10, () => Y.Str(t.Pick(Pools.Hosts))))))),
        ("tcpSocket", Opt(20, () => Obj(("port", Usually(PortValue))))),
        ("exec", Opt(15, () => Obj(("command", Usually(() => t.Pick(
            Y.Seq(Y.Str("cat"), Y.Str("/tmp/healthy")),
            Y.Seq(Y.Str("node"), Y.Str("healthcheck.js")),
            Y.Seq(Y.Str("/bin/sh"), Y.Str("-c"), Y.Str("curl -f http://localhost:8080/health")),
            Y.Seq(Y.Str("wget"), Y.Str("-qO-"), Y.Str("http://127.0.0.1:3000/")),
            Y.Seq())))))),
        ("grpc", Opt(5, () => Obj(("port", Usually(PortValue))))),
        ("initialDelaySeconds", Opt(30, () => Y.Raw(t.Pick("0", "5", "30", "-1", "600", "3.5")))),
        ("periodSeconds", Opt(30, () => Y.Raw(t.Pick("10", "1", "0", "-5", "86400")))),
        ("timeoutSeconds", Opt(20, () => Y.Raw(t.Pick("1", "5", "0", "100")))),
        ("failureThreshold", Opt(20, () => Y.Raw(t.Pick("3", "1", "0", "1000")))),
        ("successThreshold", Opt(10, () => Y.Raw(t.Pick("1", "2")))));

    private Y Env() => Obj(
        ("name", Usually(() => Y.Str(t.Below(10) switch { 0 => t.Pick(Pools.Awkward), 1 => t.Pick(Pools.EnvTypos), _ => t.Pick(Pools.EnvNames) }))),
        ("value", Opt(55, () => t.Below(5) switch
        {
            0 => Y.Str("http://" + t.Pick(Pools.Hosts) + ":" + t.Pick(Pools.Ports) + t.Pick(Pools.Paths)),
            1 => Y.Raw("\"" + t.Pick(Pools.Ports) + "\""),
            2 => Y.Int(t.Pick(Pools.Ports)),
            3 => t.Chance(20) ? Block() : Y.Str(t.Pick("changeme", "production", "$(PORT)", "mongodb://db:27017/app", "secret123", "")),
            _ => Y.Str(t.Pick(Pools.Awkward)),
        })),
        ("valueFrom", Opt(40, () => t.Below(4) switch
        {
            0 => Obj(("configMapKeyRef", Obj(("name", Usually(() => Y.Str(t.Pick(Pools.ConfigNames)))), ("key", Usually(() => Y.Str(t.Pick(Pools.EnvNames)))), ("optional", Opt(20, () => Y.Raw(t.Pick("true", "false"))))))),
            1 => Obj(("secretKeyRef", Obj(("name", Usually(() => Y.Str(t.Pick(Pools.ConfigNames)))), ("key", Usually(() => Y.Str(t.Pick(Pools.EnvNames)))), ("optional", Opt(20, () => Y.Raw(t.Pick("true", "false"))))))),
            2 => Obj(("fieldRef", Obj(("fieldPath", Y.Str(t.Pick("status.podIP", "metadata.name", "spec.nodeName")))))),
            _ => Obj(("resourceFieldRef", Obj(("resource", Y.Str("limits.memory"))))),
        })));

    public Y Container(bool init = false)
    {
        var app = t.Pick(Pools.Apps);
        return Obj(
            ("name", Usually(() => t.Chance(80) ? Y.Str(app) : Name())),
            ("image", Usually(() => Y.Str(t.Below(6) switch
            {
                0 => app,
                1 => app + ":1.0",
                2 => "registry.example.com:5000/team/" + app + ":2",
                3 => t.Pick("nginx:1.27", "mongo:7", "redis", "gcr.io/distroless/nodejs22-debian12", "node:20-alpine", "busybox"),
                4 => app + "@sha256:" + new string('a', 64),
                _ => t.Pick(Pools.Awkward),
            }))),
            ("command", Opt(20, () => t.Pick(Y.Seq(Y.Str("node"), Y.Str(t.Pick("server.js", "src/index.js", "dist/main.js", "missing.js"))), Y.Seq(Y.Str("npm"), Y.Str("start")), Y.Seq(Y.Str("/bin/sh"), Y.Str("-c"), Y.Str("node --env-file=.env server.js"))))),
            ("args", Opt(10, () => Y.Seq(Y.Str(t.Pick("--port", "server.js", "--require", "./otel.js")), Y.Str(t.Pick("8080", "x"))))),
            ("ports", init ? null : Opt(70, () => new YSeq([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => Obj(
                ("containerPort", Usually(() => t.Chance(90) ? Y.Int(t.Pick(Pools.Ports)) : PortValue())),
                ("name", Opt(40, () => Y.Str(t.Pick(Pools.PortNames)))),
                ("protocol", Opt(15, () => Y.Str(t.Pick("TCP", "UDP", "SCTP", "tcp")))),
                ("hostPort", Opt(5, () => Y.Int(t.Pick(Pools.Ports))))))]))),
            ("env", Opt(50, () => new YSeq([.. Enumerable.Range(0, t.Between(1, 5)).Select(_ => Env())]))),
            ("envFrom", Opt(20, () => new YSeq([.. Enumerable.Range(0, t.Between(1, 2)).Select(_ => Obj(
                (t.Pick("configMapRef", "secretRef"), Obj(("name", Usually(() => Y.Str(t.Pick(Pools.ConfigNames)))), ("optional", Opt(10, () => Y.Raw("true"))))),
                ("prefix", Opt(15, () => Y.Str(t.Pick("APP_", "", "1BAD")))))) ]))),
            ("readinessProbe", init ? null : Opt(55, Probe)),
            ("livenessProbe", init ? null : Opt(50, Probe)),
            ("startupProbe", init ? null : Opt(15, Probe)),
            ("resources", Opt(20, () => Obj(("limits", Obj(("memory", Y.Str("256Mi")), ("cpu", Y.Raw(t.Pick("1", "500m", "0.5")))))))));
    }

    public Y PodSpec() => Obj(
        ("containers", Usually(() => new YSeq([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => Container())]))),
        ("initContainers", Opt(10, () => Y.Seq(Container(init: true)))),
        ("hostNetwork", Opt(5, () => Y.Raw("true"))),
        ("volumes", Opt(10, () => Y.Seq(Obj(("name", Y.Str("cfg")), ("configMap", Obj(("name", Y.Str(t.Pick(Pools.ConfigNames))))))))));

    private Y Template() => Obj(
        ("metadata", Opt(90, () => Obj(("labels", Usually(Labels)), ("annotations", Opt(10, () => Obj(("manifestlint.io/source", Y.Str(t.Pick(Pools.Apps))))))))),
        ("spec", Usually(PodSpec)));

    private Y Selector() => t.Chance(85)
        ? Obj(("matchLabels", Usually(Labels)), ("matchExpressions", Opt(10, () => Y.Seq(Obj(("key", Y.Str(t.Pick(Pools.LabelKeys))), ("operator", Y.Str(t.Pick("In", "NotIn", "Exists", "DoesNotExist"))), ("values", Y.Seq(Y.Str(t.Pick(Pools.LabelValues)))))))))
        : Labels(); // the old, bare form

    private Y ServicePort() => Obj(
        ("name", Opt(40, () => Y.Str(t.Pick(Pools.PortNames)))),
        ("port", Usually(() => Y.Int(t.Pick(Pools.Ports)))),
        ("targetPort", Opt(75, PortValue)),
        ("protocol", Opt(10, () => Y.Str(t.Pick("TCP", "UDP")))),
        ("nodePort", Opt(5, () => Y.Raw(t.Pick("30080", "80", "99999")))));

    private Y IngressBackend(bool old)
    {
        if (old) return Obj(("serviceName", Usually(Name)), ("servicePort", Usually(PortValue)));
        Y Port() => t.Chance(60) ? Obj(("number", Y.Int(t.Pick(Pools.Ports)))) : Obj(("name", Y.Str(t.Pick(Pools.PortNames))));
        Y Service() => Obj(("name", Usually(Name)), ("port", Usually(Port)));
        Y Resource() => Obj(("kind", Y.Str("StorageBucket")), ("name", Y.Str("b")));
        return Obj(("service", Usually(Service)), ("resource", Opt(5, Resource)));
    }

    private Y IngressSpec(bool old)
    {
        Y Path() => Obj(
            ("path", Opt(85, () => Y.Str(t.Pick(Pools.Paths) + t.Pick("", "(/|$)(.*)", "/*")))),
            ("pathType", Opt(70, () => Y.Str(t.Pick("Prefix", "Exact", "ImplementationSpecific", "prefix")))),
            ("backend", Usually(() => IngressBackend(old))));
        Y Http() => Obj(("paths", Usually(() => new YSeq([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => Path())]))));
        Y Rule() => Obj(
            ("host", Opt(60, () => Y.Str(t.Pick("example.com", "*.example.com", "api.example.com", "")))),
            ("http", Usually(Http)));
        Y Tls() => Y.Seq(Obj(("hosts", Y.Seq(Y.Str("example.com"))), ("secretName", Y.Str(t.Pick(Pools.ConfigNames)))));
        return Obj(
            ("ingressClassName", Opt(30, () => Y.Str("nginx"))),
            (old ? "backend" : "defaultBackend", Opt(20, () => IngressBackend(old))),
            ("tls", Opt(10, Tls)),
            ("rules", Usually(() => new YSeq([.. Enumerable.Range(0, t.Between(1, 2)).Select(_ => Rule())]))));
    }

    private string ApiVersion(string kind) => t.Chance(weird / 3)
        ? t.Pick("v1", "apps/v1beta1", "extensions/v1beta1", "", "example.com/v1", "apps/v2")
        : kind switch
        {
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" => "apps/v1",
            "Job" => "batch/v1",
            "CronJob" => t.Pick("batch/v1", "batch/v1beta1"),
            "Ingress" => t.Pick("networking.k8s.io/v1", "networking.k8s.io/v1", "extensions/v1beta1"),
            "Widget" => "example.com/v1",
            "Rollout" => "argoproj.io/v1alpha1",
            "PodDisruptionBudget" => "policy/v1",
            _ => "v1",
        };

    public Y Object(int nesting = 0)
    {
        var kind = t.Pick(Kinds);
        if (kind == "List" && nesting > 1) kind = "ConfigMap";
        var apiVersion = ApiVersion(kind);
        var old = apiVersion == "extensions/v1beta1";
        Y? spec = kind switch
        {
            "Deployment" or "ReplicaSet" or "Rollout" => Obj(("replicas", Opt(40, () => Y.Raw(t.Pick("1", "3", "0", "-1", "\"2\"")))), ("selector", Usually(Selector)), ("template", Usually(Template))),
            "StatefulSet" => Obj(("serviceName", Opt(60, Name)), ("selector", Usually(Selector)), ("template", Usually(Template))),
            "DaemonSet" => Obj(("selector", Usually(Selector)), ("template", Usually(Template))),
            "Job" => Obj(("template", Usually(Template)), ("backoffLimit", Opt(20, () => Y.Int(4)))),
            "CronJob" => Obj(("schedule", Usually(() => Y.Str(t.Pick("*/5 * * * *", "@daily", "not a schedule")))), ("jobTemplate", Usually(() => Obj(("spec", Usually(() => Obj(("template", Usually(Template))))))))),
            "Pod" => PodSpec(),
            "Service" => Obj(
                ("type", Opt(30, () => Y.Str(t.Pick("ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Headless")))),
                ("selector", Opt(85, Labels)),
                ("ports", Usually(() => new YSeq([.. Enumerable.Range(0, t.Between(1, 3)).Select(_ => ServicePort())]))),
                ("clusterIP", Opt(10, () => Y.Str(t.Pick("None", "10.0.0.1", "")))),
                ("externalName", Opt(5, () => Y.Str(t.Pick(Pools.Hosts))))),
            "Ingress" => IngressSpec(old),
            "Widget" => t.Chance(50) ? Any(4) : Obj(("template", Template()), ("containers", Y.Int(3)), ("deep", Deep(t.Depth()))),
            "PodDisruptionBudget" => Obj(("minAvailable", Y.Int(1)), ("selector", Selector())),
            _ => null,
        };
        var fields = new List<(string, Y?)>
        {
            ("apiVersion", t.Chance(weird / 4) ? null : Y.Str(apiVersion)),
            ("kind", t.Chance(weird / 4) ? Wrong() : Y.Str(kind)),
            ("metadata", t.Chance(weird / 4) ? null : Metadata(kind)),
        };
        switch (kind)
        {
            case "ConfigMap":
                fields.Add(("data", Opt(85, () => Entries(4, [.. Pools.EnvNames, "config.json"],
                    () => t.Chance(15) ? Block() : Y.Str(t.Pick("http://api:8080", "mongodb://db:27017/app", "8080", "info", "", t.Pick(Pools.Awkward)))))));
                fields.Add(("binaryData", Opt(5, () => Entries(1, ["blob"], () => Y.Str(t.Pick("aGk=", "!!!not base64"))))));
                fields.Add(("immutable", Opt(5, () => Y.Raw("true"))));
                break;
            case "Secret":
                fields.Add(("type", Opt(30, () => Y.Str(t.Pick("Opaque", "kubernetes.io/tls", "kubernetes.io/dockerconfigjson")))));
                fields.Add(("data", Opt(60, () => Entries(3, Pools.EnvNames, () => Y.Str(t.Pick("c2VjcmV0", "", "not base64!", "Y2hhbmdlbWU=", "="))))));
                fields.Add(("stringData", Opt(30, () => Entries(3, Pools.EnvNames, () => Y.Str(t.Pick("changeme", "s3cr3t", "", "postgres://u:p@db/x"))))));
                break;
            case "List":
                fields.Add(("items", Usually(() => Many(0, 3, () => Object(nesting + 1)))));
                break;
            case "Namespace":
                break;
            default:
                fields.Add(("spec", spec));
                break;
        }
        if (t.Chance(10)) fields.Add(("status", Any(2)));
        return Obj([.. fields]);
    }

    /// <summary>A file of one or more documents: `---` separators (sometimes a leading one or `...` ends),
    /// comments, suppression comments, empty documents, CRLF or a BOM now and then.</summary>
    public string File(int documents)
    {
        var writer = new YamlWriter(t) { Weird = weird };
        if (t.Chance(10)) writer.Line("# " + t.Pick("generated", "manifestlint-disable-file ML402", "manifestlint-disable-next-line ML401", "✓ ok"));
        if (t.Chance(10)) writer.Line("---");
        for (var i = 0; i < documents; i++)
        {
            if (i > 0) writer.Line(t.Chance(5) ? "--- # next" : "---");
            if (t.Chance(8)) writer.Line("# manifestlint-disable-next-line " + t.Pick("ML402", "ML401,ML403", "", "ML301 -- reason", "ML999"));
            if (t.Chance(3)) writer.Line("---"); // an empty document
            writer.Document(t.Chance(weird / 6) ? Wrong() : Object());
            if (t.Chance(4)) writer.Line("...");
        }
        var text = writer.Text;
        if (t.Chance(weird / 3 + 1)) text = InsertComments(text);
        if (t.Chance(5)) text = text.Replace("\n", "\r\n");
        if (t.Chance(3)) text = "\uFEFF" + text;
        if (t.Chance(5)) text = text.TrimEnd('\n', '\r');
        return text;
    }

    /// <summary>Full-line comments between any two lines (never inside a scalar: the writer keeps scalars on one line).</summary>
    private string InsertComments(string text)
    {
        var lines = text.Split('\n').ToList();
        for (var n = t.Between(1, 3); n > 0; n--)
        {
            lines.Insert(t.Below(lines.Count), new string(' ', t.Below(3) * 2) + "# " + t.Pick("manifestlint-disable-next-line", "manifestlint-disable-next-line ML403", "note: x: y", "---", "- [ {"));
        }
        return string.Join('\n', lines);
    }

    /// <summary>kustomization.yaml listing <paramref name="resources"/> (and sometimes missing, remote or parent entries).</summary>
    public string Kustomization(IReadOnlyList<string> resources)
    {
        var listed = resources.Select(Y.Str).ToList();
        if (t.Chance(20)) listed.Add(Y.Str(t.Pick("missing.yaml", "../base", "https://github.com/example/repo//deploy?ref=v1", "github.com/example/base", "./", "sub/")));
        Y LabelsEntry() => Obj(
            ("pairs", Labels()),
            ("includeSelectors", Y.Raw(t.Pick("true", "false"))),
            ("includeTemplates", Opt(50, () => Y.Raw("true"))));
        Y Literal() => Y.Str(t.Pick(Pools.EnvNames) + "=" + t.Pick("1", "", "=x", "http://api:8080"));
        Y ConfigMapGenerator() => Obj(
            ("name", Usually(() => Y.Str(t.Pick(Pools.ConfigNames)))),
            ("literals", Opt(70, () => Many(1, 3, Literal))),
            ("files", Opt(20, () => Y.Seq(Y.Str(t.Pick("config.json", "app.env", "missing.txt"))))),
            ("envs", Opt(15, () => Y.Seq(Y.Str(t.Pick(".env", "app.env"))))),
            ("options", Opt(10, () => Obj(("disableNameSuffixHash", Y.Raw("true"))))));
        Y SecretGenerator() => Obj(
            ("name", Y.Str(t.Pick(Pools.ConfigNames))),
            ("literals", Y.Seq(Y.Str(t.Pick(Pools.EnvNames) + "=s3cr3t"))));
        Y Patch() => Obj(
            ("path", Y.Str(t.Pick("patch.yaml", "missing.yaml"))),
            ("target", Opt(50, () => Obj(("kind", Y.Str("Deployment")), ("name", Name())))));
        Y Image() => Obj(
            ("name", Y.Str(t.Pick(Pools.Apps))),
            ("newName", Opt(50, () => Y.Str("registry.example.com/" + t.Pick(Pools.Apps)))),
            ("newTag", Opt(50, () => Y.Str("2.0"))));
        var root = Obj(
            ("apiVersion", Opt(70, () => Y.Str("kustomize.config.k8s.io/v1beta1"))),
            ("kind", Opt(70, () => Y.Str("Kustomization"))),
            ("resources", Usually(() => new YSeq(listed))),
            ("namespace", Opt(25, () => Y.Str(t.Pick(Pools.Namespaces)))),
            ("namePrefix", Opt(20, () => Y.Str(t.Pick("prod-", "x-", "")))),
            ("nameSuffix", Opt(10, () => Y.Str(t.Pick("-v2", "")))),
            ("commonLabels", Opt(20, Labels)),
            ("labels", Opt(10, () => Y.Seq(LabelsEntry()))),
            ("configMapGenerator", Opt(30, () => Y.Seq(ConfigMapGenerator()))),
            ("secretGenerator", Opt(15, () => Y.Seq(SecretGenerator()))),
            ("patches", Opt(15, () => Y.Seq(Patch()))),
            ("patchesStrategicMerge", Opt(10, () => Y.Seq(Y.Str("patch.yaml")))),
            ("images", Opt(15, () => Y.Seq(Image()))));
        return new YamlWriter(t) { Weird = weird }.Document(root).Text;
    }
}
