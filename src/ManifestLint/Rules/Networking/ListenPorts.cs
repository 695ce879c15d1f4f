using System.Globalization;
using ManifestLint.Model;

namespace ManifestLint.Rules.Networking;

/// <summary>The ports a linked app listens on, when the code says so statically: every `.listen(...)` in
/// its reachable files has a literal port, or an env port whose value the container, the image or the
/// code's literal default fixes.</summary>
internal static class ListenPorts
{
    /// <summary>The listen ports and the first listen call, or null when there is none or any is unknown.</summary>
    public static (IReadOnlySet<int> Ports, ListenCall First)? Of(ProjectModel model, AppLink link) =>
        model.Memo(nameof(ListenPorts), link, () => Compute(model, link));

    private static (IReadOnlySet<int> Ports, ListenCall First)? Compute(ProjectModel model, AppLink link)
    {
        var calls = link.ReachableFiles.Order(StringComparer.Ordinal)
            .SelectMany(f => model.Modules.TryGetValue(f, out var m) ? m.ListenCalls : []).ToList();
        if (calls.Count == 0) return null;
        var ports = new HashSet<int>();
        foreach (var call in calls)
        {
            if (!call.PortKnown) return null;
            var port = call.Port ?? (call.PortEnv is { } env ? EnvPort(model, link, env, call.PortDefault) : null);
            if (port is null) return null;
            ports.Add(port.Value);
        }
        return (ports, calls[0]);
    }

    /// <summary>The container's value for the variable (env, ConfigMap/Secret, envFrom), else the image's
    /// `ENV`, else the code's default; null when the value comes from somewhere unreadable.</summary>
    private static int? EnvPort(ProjectModel model, AppLink link, string name, int? codeDefault)
    {
        var ns = link.Workload.Namespace;
        if (model.IsPatched(link.Workload) || link.EnvFilesUnknown) return null;
        if (link.Container.Env.Where(e => e.Name == name).TakeLast(1).ToList() is [var env])
        {
            var value = env.Value
                ?? (env.ConfigMapKeyRef is { } cm ? model.Find("ConfigMap", ns, cm.Name)?.ConfigData?.Entries.GetValueOrDefault(cm.Key).Value : null)
                ?? (env.SecretKeyRef is { } sk ? model.Find("Secret", ns, sk.Name)?.ConfigData?.Entries.GetValueOrDefault(sk.Key).Value : null);
            return Parse(value);
        }
        foreach (var from in link.Container.EnvFrom.Reverse())
        {
            var data = model.Find(from.Kind == ConfigSourceKind.ConfigMap ? "ConfigMap" : "Secret", ns, from.Name)?.ConfigData;
            if (data is null || data.KeysUnknown) return null;
            if (name.StartsWith(from.Prefix, StringComparison.Ordinal) && data.Entries.TryGetValue(name[from.Prefix.Length..], out var entry)) return Parse(entry.Value);
        }
        if (model.Config.External.Env.Contains(name)) return null;
        if (link.EnvFiles.Any(f => model.DotEnvKeys.GetValueOrDefault(f)?.Contains(name) == true)) return null;
        if (link.Image?.Final?.Env.TryGetValue(name, out var fromImage) == true) return Parse(fromImage);
        return codeDefault;
    }

    private static int? Parse(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536 ? port : null;
}
