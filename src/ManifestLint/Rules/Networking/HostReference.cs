using System.Net;
using System.Text.RegularExpressions;

namespace ManifestLint.Rules.Networking;

/// <summary>Finds host names in a configuration value: URLs of network schemes (multi-host lists too),
/// `host:port`, or a bare host in a variable whose name says it holds one.</summary>
internal static partial class HostReference
{
    private static readonly HashSet<string> NetworkSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "ws", "wss", "mongodb", "postgres", "postgresql", "mysql", "mariadb", "redis", "rediss",
        "amqp", "amqps", "mqtt", "mqtts", "nats", "kafka", "tcp", "grpc", "grpcs", "memcached", "ldap", "ldaps",
        "smtp", "smtps", "ftp", "sftp", "ssh", "couchdb", "cassandra", "sqlserver", "mssql", "nsq", "zookeeper",
    };

    private static readonly string[] HostVarSuffixes = ["_HOST", "_HOSTNAME", "_ADDR"];

    /// <summary>`host:port` is also an image tag or a time; only trust it in variables named for an address.</summary>
    private static readonly string[] AddressVarWords = ["HOST", "ADDR", "URL", "URI", "ENDPOINT", "BROKER", "SERVER", "SERVICE", "PEER", "NODES", "DSN", "CONN", "UPSTREAM", "BACKEND"];

    [GeneratedRegex(@"^(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*)://(?:[^@/?#]*@)?(?<authority>[^/?#]*)")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"^(?<host>[A-Za-z0-9.-]+):(?<port>\d{1,5})$")]
    private static partial Regex HostPortPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsNamePattern();

    /// <summary>Hosts in the value. A bare name in a `*_SERVICE` variable is returned as weak evidence:
    /// such variables often name vendors (`EMAIL_SERVICE=gmail`, `DD_SERVICE=checkout`).</summary>
    public static IEnumerable<(string Host, bool Weak)> FindWithEvidence(string variable, string value)
    {
        var strong = Find(variable, value).ToList();
        foreach (var h in strong) yield return (h, false);
        if (strong.Count == 0 && variable.EndsWith("_SERVICE", StringComparison.OrdinalIgnoreCase) && Host(value) is { } weak)
        {
            yield return (weak, true);
        }
    }

    public static IEnumerable<string> Find(string variable, string value)
    {
        value = value.Trim();
        if (value.Length == 0 || value.Contains("$(", StringComparison.Ordinal)) yield break;
        var upper = variable.ToUpperInvariant();
        var addressVar = AddressVarWords.Any(upper.Contains) && !upper.EndsWith("_IMAGE", StringComparison.Ordinal);
        // A bare name only when the value is one token (or a comma list): prose is not a host.
        var hostVar = HostVarSuffixes.Any(sfx => upper.EndsWith(sfx, StringComparison.Ordinal)) && !value.Any(char.IsWhiteSpace);
        // Lists: `http://a,http://b`, `b1:9092,b2:9092`, space- or semicolon-separated values.
        foreach (var piece in ListSeparator().Split(value).Where(p => p.Length > 0))
        {
            var url = UrlPattern().Match(piece);
            if (url.Success)
            {
                if (!NetworkSchemes.Contains(url.Groups["scheme"].Value)) continue;
                // Commas inside one authority: a multi-host list (`mongodb://h1:27017,h2:27017/db`).
                foreach (var part in url.Groups["authority"].Value.Split(','))
                {
                    if (Host(StripPort(part)) is { } h) yield return h;
                }
                continue;
            }
            foreach (var part in piece.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var hostPort = HostPortPattern().Match(part);
                if (hostPort.Success)
                {
                    if (addressVar && Host(hostPort.Groups["host"].Value) is { } h) yield return h;
                }
                else if (hostVar && Host(part) is { } bare)
                {
                    yield return bare;
                }
            }
        }
    }

    [GeneratedRegex(@"\s+|;|,\s*(?=[A-Za-z][A-Za-z0-9+.-]*://)")]
    private static partial Regex ListSeparator();

    private static string StripPort(string hostPort)
    {
        var colon = hostPort.LastIndexOf(':');
        return colon < 0 || hostPort.StartsWith('[') ? hostPort : hostPort[..colon];
    }

    /// <summary>A DNS name that could be a cluster Service; null for IPs, loopback, numbers and non-names.</summary>
    private static string? Host(string text)
    {
        var host = text.Trim().ToLowerInvariant();
        if (host.Length == 0 || host == "localhost" || IPAddress.TryParse(host, out _)) return null;
        if (!host.Any(char.IsAsciiLetter) || !DnsNamePattern().IsMatch(host)) return null;
        return host;
    }
}
