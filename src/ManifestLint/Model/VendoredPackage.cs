using System.Text.Json;

namespace ManifestLint.Model;

/// <summary>A package present under node_modules: only its package.json is read (its files are never linted).</summary>
public sealed class VendoredPackage
{
    public required string Name { get; init; }
    /// <summary>Project path of the package folder.</summary>
    public required string Dir { get; init; }
    public string? Type { get; init; }
    public string? Main { get; init; }
    /// <summary>The `exports` field as parsed JSON, or null when absent.</summary>
    public JsonElement? Exports { get; init; }

    public string PackageJson => Dir + "/package.json";

    /// <summary>`type` of package.json files nested inside the package (dual packages put
    /// `{"type":"commonjs"}` in dist/cjs/), by project folder.</summary>
    public IReadOnlyDictionary<string, string?> NestedTypes { get; init; } = new Dictionary<string, string?>();
}
