using ManifestLint.Rules;

namespace ManifestLint.Cli;

/// <summary>`manifestlint rules` and `manifestlint explain ID`, both from the embedded rule docs.</summary>
internal static class RulesCommand
{
    public static int List(string format, TextWriter stdout)
    {
        var rules = RuleRegistry.All.Select(r => (D: r.Descriptor, Doc: RuleDocs.For(r.Descriptor.Id))).ToList();
        string Level(RuleDescriptor d) => d.EnabledByDefault ? d.DefaultLevel.ToString().ToLowerInvariant() : "off";
        switch (format)
        {
            case "json":
                using (var stream = new MemoryStream())
                {
                    using (var json = new System.Text.Json.Utf8JsonWriter(stream, new System.Text.Json.JsonWriterOptions { Indented = true }))
                    {
                        json.WriteStartArray();
                        foreach (var (d, doc) in rules)
                        {
                            json.WriteStartObject();
                            json.WriteString("id", d.Id);
                            json.WriteString("name", d.Name);
                            json.WriteString("family", d.Family);
                            json.WriteString("level", d.DefaultLevel.ToString().ToLowerInvariant());
                            json.WriteBoolean("enabledByDefault", d.EnabledByDefault);
                            json.WriteString("title", doc?.Title ?? "");
                            json.WriteString("precision", doc?.Precision ?? "");
                            json.WriteString("helpUri", doc?.HelpUri ?? "");
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                    }
                    stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }
                break;
            case "markdown":
                stdout.WriteLine("| ID | Name | Level | Title |");
                stdout.WriteLine("|---|---|---|---|");
                foreach (var (d, doc) in rules) stdout.WriteLine($"| [{d.Id}](rules/{d.Id}.md) | {d.Name} | {Level(d)} | {doc?.Title} |");
                break;
            default:
                foreach (var (d, doc) in rules) stdout.WriteLine($"{d.Id}  {d.Name,-28} {Level(d),-8} {d.Family,-20} {doc?.Title}");
                break;
        }
        return ExitCodes.Clean;
    }

    public static int Explain(string idOrName, TextWriter stdout, TextWriter stderr)
    {
        var rule = RuleRegistry.Find(idOrName);
        if (rule is null || RuleDocs.For(rule.Descriptor.Id) is not { } doc)
        {
            stderr.WriteLine($"manifestlint: unknown rule `{idOrName}`. Run `manifestlint rules` for the list.");
            return ExitCodes.Usage;
        }
        stdout.WriteLine(doc.Markdown);
        return ExitCodes.Clean;
    }
}
