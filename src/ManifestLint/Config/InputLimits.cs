namespace ManifestLint.Config;

/// <summary>Caps that keep hostile or absurd input bounded in time and memory (`limits:` in .manifestlint.yaml).
/// Each is a count of work, not a wall-clock time, so the same input always gives the same output; when one
/// is hit, ML005 says where, which limit, and how to raise it.</summary>
public sealed record InputLimits
{
    public static readonly InputLimits Default = new();

    /// <summary>Larger files are skipped (a 100 MB "manifest" is generated data or an accident).</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Files beyond this total (in path order) are skipped, so one run never reads unbounded input.</summary>
    public long MaxTotalBytes { get; init; } = 1024L * 1024 * 1024;
    /// <summary>YAML nesting levels (Kubernetes manifests nest about 20): deeper is generated or hostile input, reported as not analysed.</summary>
    public int MaxNestingDepth { get; init; } = 256;
    /// <summary>The most a configuration may allow. The YAML tree is built without recursion, so this bounds an input
    /// no manifest comes near rather than protecting a stack.</summary>
    public const int NestingDepthCeiling = 2000;
    /// <summary>Mappings one look-up may visit through YAML merge keys (`<<: *a`); aliases are never expanded,
    /// but chains of merges can multiply the work of every look-up.</summary>
    public int MaxAliasMerges { get; init; } = 64;
    /// <summary>Lexical declarations (let/const/class, module-level function) in one JS scope: the parser's
    /// duplicate-declaration check is quadratic in it (20,000 take seconds, 150,000 minutes).</summary>
    public int MaxScopeDeclarations { get; init; } = 10_000;

    /// <summary>Names as written under `limits:`.</summary>
    public static readonly string[] Keys = ["maxFileBytes", "maxTotalBytes", "maxNestingDepth", "maxAliasMerges", "maxScopeDeclarations"];
}
