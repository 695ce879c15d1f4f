using System.Net;
using System.Text.RegularExpressions;

namespace ManifestLint.Rules.Networking;

/// <summary>A host named in a configuration value or code literal, with its port when one is written
/// (or implied by the URL scheme). `Weak`: a bare name in a `*_SERVICE`/`*_URL`/`*_URI`/`*_ENDPOINT` variable,
/// which often names a vendor or a path; it counts only when the name points into the cluster.</summary>
internal readonly record struct Endpoint(string Host, int? Port, bool PortExplicit, string? Scheme, bool Weak)
{
    /// <summary>localhost and loopback/any addresses: the pod itself.</summary>
    public bool IsLoopback => Host is "localhost" or "0.0.0.0" or "::" or "::1" || Host.StartsWith("127.", StringComparison.Ordinal);
}

/// <summary>Finds endpoints in a configuration value: URLs of network schemes (multi-host lists too),
/// `host:port`, or a bare host in a variable whose name says it holds one.</summary>
internal static partial class HostReference
{
    /// <summary>Network schemes, with the port a client uses when the URL names none (0: none implied).</summary>
    private static readonly Dictionary<string, int> NetworkSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = 80, ["https"] = 443, ["ws"] = 80, ["wss"] = 443, ["mongodb"] = 27017, ["postgres"] = 5432, ["postgresql"] = 5432,
        ["mysql"] = 3306, ["mariadb"] = 3306, ["redis"] = 6379, ["rediss"] = 6379, ["amqp"] = 5672, ["amqps"] = 5671,
        ["mqtt"] = 1883, ["mqtts"] = 8883, ["nats"] = 4222, ["kafka"] = 9092, ["tcp"] = 0, ["grpc"] = 0, ["grpcs"] = 0,
        ["memcached"] = 11211, ["ldap"] = 389, ["ldaps"] = 636, ["smtp"] = 25, ["smtps"] = 465, ["ftp"] = 21, ["sftp"] = 22,
        ["ssh"] = 22, ["couchdb"] = 5984, ["cassandra"] = 9042, ["sqlserver"] = 1433, ["mssql"] = 1433, ["nsq"] = 4150, ["zookeeper"] = 2181,
    };

    private static readonly string[] HostVarSuffixes = ["_HOST", "_HOSTNAME", "_ADDR"];

    /// <summary>A bare name in these is only weak evidence of a host: `EMAIL_SERVICE=gmail`, `API_URL=v2`.</summary>
    private static readonly string[] WeakHostSuffixes = ["_SERVICE", "_URL", "_URI", "_ENDPOINT"];

    /// <summary>`host:port` is also an image tag or a time; only trust it in variables named for an address.</summary>
    private static readonly string[] AddressVarWords = ["HOST", "ADDR", "URL", "URI", "ENDPOINT", "BROKER", "SERVER", "SERVICE", "PEER", "NODES", "DSN", "CONN", "UPSTREAM", "BACKEND"];

    [GeneratedRegex(@"^(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/?#]*@)?(?<authority>[^/?#]*)")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?<host>[A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(?<port>\d{1,5})$")]
    private static partial Regex HostPortPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsNamePattern();

    /// <summary>Endpoints in the value of `variable` (pass "" for a code URL literal, which has no name).</summary>
    public static IEnumerable<Endpoint> Parse(string variable, string value)
    {
        // Most values (`production`, `info`, `3000`) hold no `:`, so neither a URL nor `host:port`; a bare name then
        // counts only in a variable named for a host. Decided here without the regular expressions below.
        if (!value.Contains(':') && !EndsWithAny(variable, HostVarSuffixes) && !EndsWithAny(variable, WeakHostSuffixes)) return [];
        return ParseAll(variable, value);
    }

    private static bool EndsWithAny(string variable, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (variable.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static IEnumerable<Endpoint> ParseAll(string variable, string value)
    {
        var strong = ParseStrong(variable, value).ToList();
        foreach (var e in strong) yield return e;
        if (strong.Count == 0 && EndsWithAny(variable, WeakHostSuffixes) && Host(value) is { } weak && IsName(weak))
        {
            yield return new Endpoint(weak, null, false, null, true);
        }
    }

    /// <summary>Host names that could be cluster Services (no IPs, no localhost), for tests and ML201.</summary>
    public static IEnumerable<string> Find(string variable, string value) =>
        Parse(variable, value).Where(e => !e.Weak && IsName(e.Host)).Select(e => e.Host);

    private static IEnumerable<Endpoint> ParseStrong(string variable, string value)
    {
        value = value.Trim();
        if (value.Length == 0 || value.Contains("$(", StringComparison.Ordinal)) yield break;
        var upper = variable.ToUpperInvariant();
        var addressVar = AddressVarWords.Any(upper.Contains) && !upper.EndsWith("_IMAGE", StringComparison.Ordinal);
        // A bare name only when the value is one token (or a comma list): prose is not a host.
        var hostVar = EndsWithAny(variable, HostVarSuffixes) && !value.Any(char.IsWhiteSpace);
        // Lists: `http://a,http://b`, `b1:9092,b2:9092`, space- or semicolon-separated values.
        foreach (var piece in ListSeparator().Split(value).Where(p => p.Length > 0))
        {
            var url = UrlPattern().Match(piece);
            if (url.Success)
            {
                var scheme = url.Groups["scheme"].Value;
                if (!NetworkSchemes.TryGetValue(scheme, out var defaultPort)) continue;
                // Commas inside one authority: a multi-host list (`mongodb://h1:27017,h2:27017/db`).
                foreach (var part in url.Groups["authority"].Value.Split(','))
                {
                    if (part.EndsWith(':')) continue; // `http://localhost:` + port: the port is not written here
                    var (hostText, port) = SplitPort(part);
                    if (Host(hostText) is { } h) yield return new Endpoint(h, port ?? (defaultPort > 0 ? defaultPort : null), port is not null, scheme.ToLowerInvariant(), false);
                }
                continue;
            }
            foreach (var part in piece.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var hostPort = HostPortPattern().Match(part);
                if (hostPort.Success)
                {
                    if (addressVar && Host(hostPort.Groups["host"].Value) is { } h && int.TryParse(hostPort.Groups["port"].Value, out var p))
                    {
                        yield return new Endpoint(h, p, true, null, false);
                    }
                }
                else if (hostVar && Host(part) is { } bare)
                {
                    yield return new Endpoint(bare, null, false, null, false);
                }
            }
        }
    }

    [GeneratedRegex(@"\s+|;|,\s*(?=[A-Za-z][A-Za-z0-9+.-]*://)")]
    private static partial Regex ListSeparator();

    private static (string Host, int? Port) SplitPort(string hostPort)
    {
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']');
            if (close < 0) return (hostPort, null);
            var rest = hostPort[(close + 1)..];
            return (hostPort[..(close + 1)], rest.StartsWith(':') && int.TryParse(rest[1..], out var v6) ? v6 : null);
        }
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0) return (hostPort, null);
        return (hostPort[..colon], int.TryParse(hostPort[(colon + 1)..], out var port) ? port : null);
    }

    /// <summary>A host: a DNS name, an IP or localhost (lower-cased, IPv6 brackets dropped); null for non-hosts.</summary>
    private static string? Host(string text)
    {
        var host = text.Trim().ToLowerInvariant();
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        if (host.Length == 0) return null;
        if (host == "localhost" || IPAddress.TryParse(host, out _)) return host;
        return host.Any(char.IsAsciiLetter) && DnsNamePattern().IsMatch(host) ? host : null;
    }

    /// <summary>A DNS name that could be a cluster Service: not an IP, not loopback.</summary>
    public static bool IsName(string host) => host != "localhost" && !IPAddress.TryParse(host, out _);
}
