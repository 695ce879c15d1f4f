using ManifestLint.Loading;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Config;

/// <summary>`limits: { maxFileBytes: 20000000, maxScopeDeclarations: 50000 }` — every key optional.</summary>
internal static class LimitsSection
{
    public static InputLimits Read(string file, YamlNode node, InputLimits limits)
    {
        if (node is not YamlMappingNode map) throw ConfigLoader.Error(file, node, $"`limits` must be a mapping of {string.Join(", ", InputLimits.Keys)} to numbers");
        foreach (var (keyNode, value) in map.Children)
        {
            limits = keyNode.Str() switch
            {
                "maxFileBytes" => limits with { MaxFileBytes = Positive(file, value, "maxFileBytes", long.MaxValue) },
                "maxTotalBytes" => limits with { MaxTotalBytes = Positive(file, value, "maxTotalBytes", long.MaxValue) },
                "maxNestingDepth" => limits with { MaxNestingDepth = (int)Positive(file, value, "maxNestingDepth", InputLimits.NestingDepthCeiling) },
                "maxAliasMerges" => limits with { MaxAliasMerges = (int)Positive(file, value, "maxAliasMerges", 100_000) },
                "maxScopeDeclarations" => limits with { MaxScopeDeclarations = (int)Positive(file, value, "maxScopeDeclarations", 10_000_000) },
                var other => throw ConfigLoader.Error(file, keyNode, $"unknown key `limits.{other}` (known keys: {string.Join(", ", InputLimits.Keys)})"),
            };
        }
        return limits;
    }

    public static long Positive(string file, YamlNode value, string key, long max)
    {
        if (!long.TryParse(value.Str(), out var number) || number <= 0) throw ConfigLoader.Error(file, value, $"`{key}` must be a positive number");
        if (number > max) throw ConfigLoader.Error(file, value, $"`{key}` must be at most {max}");
        return number;
    }
}
