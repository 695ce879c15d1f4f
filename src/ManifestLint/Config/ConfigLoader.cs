using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Loading.Yaml;

namespace ManifestLint.Config;

/// <summary>Reads `.manifestlint.yaml`. Unknown keys and bad values are errors with their location,
/// so a typo never silently disables a rule.</summary>
public static class ConfigLoader
{
    private static readonly string[] Keys = ["rules", "ignore", "defaultNamespace", "maxFileBytes", "limits", "node", "external", "apps"];

    public static LintConfig Load(string path, string displayPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{displayPath}: cannot read configuration: {ex.Message}");
        }
        // The configuration's own nesting cannot be configured: the default applies.
        if (!YamlText.TryLoad(text, InputLimits.Default.MaxNestingDepth, out var documents, out var error))
        {
            throw new ConfigException($"{displayPath}:{error.Line}:{error.Column}: invalid YAML: {error.Message}");
        }
        if (documents.Count == 0 || documents[0] is YamlScalarNode { Value: null or "" })
        {
            return new LintConfig { Source = displayPath };
        }
        if (documents[0] is not YamlMappingNode root)
        {
            throw new ConfigException($"{displayPath}:1:1: the configuration must be a mapping");
        }

        var levels = new Dictionary<string, Level?>(StringComparer.OrdinalIgnoreCase);
        var ignore = new List<string>();
        string ns = "default";
        var limits = InputLimits.Default;
        string? node = null;
        var external = ExternalObjects.None;
        IReadOnlyList<AppMapping> apps = [];
        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode.Str() ?? "";
            // A section with nothing under it (`rules:` followed only by comments) is empty, not an error.
            if (value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" } && key is "rules" or "ignore" or "external" or "apps")
            {
                continue;
            }
            switch (key)
            {
                case "rules":
                    if (value is not YamlMappingNode rules) throw Error(displayPath, value, "`rules` must be a mapping of rule id or name to off|note|warning|error");
                    foreach (var (ruleNode, levelNode) in rules.Children)
                    {
                        if (Rules.RuleRegistry.Find(ruleNode.Str() ?? "") is null)
                        {
                            throw Error(displayPath, ruleNode, $"unknown rule `{ruleNode.Str()}` (run `manifestlint rules` for the list)");
                        }
                        var level = levelNode.Str();
                        if (level == "off") levels[ruleNode.Str() ?? ""] = null;
                        else if (LevelNames.TryParse(level, out var parsed)) levels[ruleNode.Str() ?? ""] = parsed;
                        else throw Error(displayPath, levelNode, $"level `{level}` must be off, note, warning or error");
                    }
                    break;
                case "ignore":
                    if (value is not YamlSequenceNode) throw Error(displayPath, value, "`ignore` must be a list of gitignore-style patterns");
                    foreach (var item in value.Items()) ignore.Add(item.Str() ?? throw Error(displayPath, item, "`ignore` entries must be strings"));
                    break;
                case "defaultNamespace":
                    ns = value.Str() ?? throw Error(displayPath, value, "`defaultNamespace` must be a string");
                    break;
                case "node":
                    node = value.Str();
                    if (NodeVersion.Parse(node) is null) throw Error(displayPath, value, "`node` must be a version such as \"20.18\" or \"22.12.0\"");
                    break;
                case "external":
                    external = ConfigSections.External(displayPath, value);
                    break;
                case "apps":
                    apps = ConfigSections.Apps(displayPath, value);
                    break;
                case "maxFileBytes": // kept at the top level for configurations written before `limits:`
                    limits = limits with { MaxFileBytes = LimitsSection.Positive(displayPath, value, "maxFileBytes", long.MaxValue) };
                    break;
                case "limits":
                    limits = LimitsSection.Read(displayPath, value, limits);
                    break;
                default:
                    throw Error(displayPath, keyNode, $"unknown key `{key}` (known keys: {string.Join(", ", Keys)})");
            }
        }
        return new LintConfig { DefaultNamespace = ns, RuleLevels = levels, Ignore = ignore, Limits = limits, NodeVersion = node, External = external, Apps = apps, Source = displayPath };
    }

    internal static ConfigException Error(string file, YamlNode node, string message) =>
        new($"{file}:{node.Start.Line}:{node.Start.Column}: {message}");
}
