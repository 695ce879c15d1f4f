using ManifestLint.Rules;

namespace ManifestLint.Cli;

/// <summary>`manifestlint rules` and `manifestlint explain ID`, both from the embedded rule docs.</summary>
internal static class RulesCommand
{
    public static int List(TextWriter stdout)
    {
        foreach (var rule in RuleRegistry.All)
        {
            var d = rule.Descriptor;
            var title = RuleDocs.For(d.Id)?.Title ?? "";
            stdout.WriteLine($"{d.Id}  {d.Name,-28} {(d.EnabledByDefault ? d.DefaultLevel.ToString().ToLowerInvariant() : "off"),-8} {d.Family,-20} {title}");
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
