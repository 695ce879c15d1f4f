namespace ManifestLint.Tests.Fuzz;

/// <summary>Small pools shared by all generators, so that names, labels, ports, env vars and paths drawn
/// independently (a selector and a pod's labels, a probe port and the port the app listens on, an env var the code
/// reads and one the manifest sets) match often, but not always.</summary>
internal static class Pools
{
    public static readonly string[] Apps = ["api", "web", "worker", "db"];
    public static readonly string[] LabelKeys = ["app", "tier", "app.kubernetes.io/name", "component"];
    public static readonly string[] LabelValues = ["api", "web", "worker", "db", "backend", "v1"];
    public static readonly int[] Ports = [8080, 3000, 80, 5000, 9090];
    public static readonly string[] PortNames = ["http", "metrics", "web", "grpc"];
    public static readonly string[] EnvNames = ["PORT", "DB_URL", "API_KEY", "NODE_ENV", "HOST", "SESSION_SECRET", "API_URL", "LOG_LEVEL"];
    /// <summary>Near misses of <see cref="EnvNames"/>, set where the code reads the real name.</summary>
    public static readonly string[] EnvTypos = ["DB_ULR", "API_KEYS", "PROT", "NODE_ENVV", "SESSION_SECERT", "api_url"];
    public static readonly string[] ConfigNames = ["app-config", "app-secrets", "web", "missing"];
    public static readonly string[] Paths = ["/health", "/", "/healthz", "/ready", "/api/users", "/api/:id"];
    public static readonly string[] Hosts = ["api", "web", "worker", "db", "localhost", "127.0.0.1", "0.0.0.0", "api.default.svc.cluster.local", "example.com"];
    public static readonly string[] Namespaces = ["default", "prod", "chat-app"];

    /// <summary>Text that is awkward anywhere: empty, spaces, quotes, control and non-ASCII characters,
    /// YAML and JSON indicators, path tricks.</summary>
    public static readonly string[] Awkward =
    [
        "", " ", "a b", "true", "null", "~", "0", "-1", "1e3", "0x1F", "0o17", ".inf", "yes", "Ñandú", "日本語", "😀",
        "tab\there", "line\nbreak", "cr\rhere", "quote\"d", "it's", "back\\slash", "colon: x", "#hash", "- dash",
        "&amp", "*star", "%pct", "@at", "`tick", "{brace}", "[bracket]", "a,b", "  padded  ", "\u0000nul", "\u0007bell",
        "\uFEFFbom", "\u2028sep", "\u202Ertl", "lone\uD800", "\uDC00low", "\u0085nel", "\u00A0nbsp", "../..", "/etc/passwd", "C:\\x", "${VAR}", "$(VAR)", "%2F", new string('x', 300),
    ];

    public static readonly string[] Numbers = ["0", "1", "-1", "65535", "65536", "2147483647", "2147483648", "99999999999999999999", "1.5", "-0", "1e309", ".nan", "0x50", "0o17", "+80"];
}
