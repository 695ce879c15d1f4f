namespace ManifestLint.Model;

/// <summary>The Node.js version an app runs on, and where that came from. A moving image tag
/// (`node:20-alpine`) spans releases: verdicts use the newest, and warn when the oldest differs.</summary>
public sealed record NodeTarget(NodeVersion Newest, NodeVersion Oldest, string Source)
{
    public bool Moving => Newest != Oldest;

    /// <summary>No source named a version: the documented default was assumed.</summary>
    public bool IsDefault { get; init; }

    /// <summary>For messages: `Node 20.20.2 (node:20-alpine in backend/Dockerfile:1)`.</summary>
    public string Describe() => Moving
        ? $"Node {Newest} ({Source}; releases back to {Oldest} match that tag)"
        : $"Node {Newest} ({Source})";
}

/// <summary>How a version-gated behaviour applies to a target.</summary>
public enum Gate
{
    /// <summary>Fine on every release the target may be.</summary>
    Passes,
    /// <summary>Fails only on older releases of a moving tag: pin the tag.</summary>
    FailsOnOlderReleases,
    /// <summary>Fails on the target.</summary>
    Fails,
    /// <summary>Fails on the default version, assumed because nothing named one: a warning, not an error.</summary>
    FailsOnAssumedVersion,
}

/// <summary>Node behaviours that changed between releases (verified on real binaries, see rules/ML1xx.md).</summary>
public static class NodeFeatures
{
    /// <summary>Typeless `.js` with ESM syntax re-runs as ESM: 20.19.0+, 22.7.0+, 23+.</summary>
    public static bool DetectsModuleSyntax(NodeVersion v) =>
        v.Major == 20 && v >= new NodeVersion(20, 19, 0) || v.Major == 22 && v >= new NodeVersion(22, 7, 0) || v.Major >= 23;

    /// <summary>`require()` of a synchronous ES module works: 20.19.0+, 22.12.0+, 23+.</summary>
    public static bool RequiresEsm(NodeVersion v) =>
        v.Major == 20 && v >= new NodeVersion(20, 19, 0) || v.Major == 22 && v >= new NodeVersion(22, 12, 0) || v.Major >= 23;

    /// <summary>A typeless file with both `require` and top-level await gets a dedicated error (22.23.0+, 24+).</summary>
    public static bool ReportsAmbiguousSyntax(NodeVersion v) => v.Major == 22 && v >= new NodeVersion(22, 23, 0) || v.Major >= 24;

    /// <summary>Evaluates a failure predicate over the releases a target may be.</summary>
    public static Gate Check(NodeTarget target, Func<NodeVersion, bool> fails) =>
        fails(target.Newest) ? (target.IsDefault ? Gate.FailsOnAssumedVersion : Gate.Fails)
        : target.Moving && fails(target.Oldest) ? Gate.FailsOnOlderReleases : Gate.Passes;
}
