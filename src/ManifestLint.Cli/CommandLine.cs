using System.CommandLine;

namespace ManifestLint.Cli;

/// <summary>The `manifestlint` command tree. Parse errors are usage errors (exit 2), not findings.</summary>
internal static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to lint (default: .). `-` reads YAML from standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(ManifestLint.Reporting.Reporters.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var failOn = new Option<string>("--fail-on") { Description = "Lowest level that makes the exit code 1.", DefaultValueFactory = _ => "error" };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var color = new Option<string>("--color") { Description = "Colour in text output.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (default: .manifestlint.yaml in the project root)." };
        var nodeVersion = new Option<string?>("--node-version") { Description = "Judge every app as running on this Node version (e.g. 20.18 or 22.12.0)." };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings absent from this baseline (see `manifestlint baseline write`)." };
        var noInline = new Option<bool>("--no-inline-suppressions") { Description = "Ignore suppression comments and manifestlint.io/ignore annotations in the linted files." };
        var reportSuppressed = new Option<bool>("--report-suppressed") { Description = "SARIF: include suppressed findings, marked with `suppressions`." };
        var stdinFilename = new Option<string?>("--stdin-filename") { Description = "With `-`: report standard input under this path (e.g. chart/rendered.yaml)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Report errors only." };
        var stats = new Option<bool>("--stats") { Description = "Print per-phase times and counts on stderr." };

        var root = new RootCommand("ManifestLint: lints Node.js apps together with the Kubernetes manifests that run them, offline.")
        {
            paths, format, output, failOn, color, config, nodeVersion, baseline, noInline, reportSuppressed, stdinFilename, quiet, stats,
        };
        root.SetAction(parse => LintCommand.Execute(new LintOptions(
            parse.GetValue(paths) ?? [],
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(failOn)!,
            parse.GetValue(color)!,
            new LintSettings
            {
                ConfigPath = parse.GetValue(config),
                NodeVersion = parse.GetValue(nodeVersion),
                BaselinePath = parse.GetValue(baseline),
                InlineSuppressions = !parse.GetValue(noInline),
                StdinFilename = parse.GetValue(stdinFilename),
            },
            parse.GetValue(reportSuppressed),
            parse.GetValue(quiet),
            parse.GetValue(stats)), stdout, stderr));

        var rulesFormat = new Option<string>("--format", "-f") { Description = "Listing format.", DefaultValueFactory = _ => "text" };
        rulesFormat.AcceptOnlyFromAmong("text", "json", "markdown");
        var rules = new Command("rules", "List every rule with its id, name, default level and title.") { rulesFormat };
        rules.SetAction(parse => RulesCommand.List(parse.GetValue(rulesFormat)!, stdout));
        root.Subcommands.Add(rules);

        var initDir = new Argument<string>("folder") { Description = "Where to write .manifestlint.yaml (default: .).", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var init = new Command("init", "Write a commented starter .manifestlint.yaml (never overwrites one).") { initDir };
        init.SetAction(parse => InitCommand.Run(parse.GetValue(initDir)!, stdout, stderr));
        root.Subcommands.Add(init);

        var baselineFile = new Argument<string>("file") { Description = "Baseline file to write." };
        var baselinePaths = new Argument<string[]>("paths") { Description = "Files or folders (default: .).", Arity = ArgumentArity.ZeroOrMore };
        var baselineWrite = new Command("write", "Record the current findings, so later runs with --baseline report only new ones.") { baselineFile, baselinePaths, config, nodeVersion };
        baselineWrite.SetAction(parse => BaselineCommand.Write(parse.GetValue(baselineFile)!, parse.GetValue(baselinePaths) ?? [],
            new LintSettings { ConfigPath = parse.GetValue(config), NodeVersion = parse.GetValue(nodeVersion) }, stdout, stderr));
        var baselineCommand = new Command("baseline", "Manage baselines of known findings.") { baselineWrite };
        root.Subcommands.Add(baselineCommand);

        var linkPaths = new Argument<string[]>("paths") { Description = "Files or folders (default: .).", Arity = ArgumentArity.ZeroOrMore };
        var links = new Command("links", "Show which Node app runs in which container, with the evidence, and what is unlinked.") { linkPaths, config, nodeVersion };
        links.SetAction(parse => LinksCommand.Run(parse.GetValue(linkPaths) ?? [], parse.GetValue(config), parse.GetValue(nodeVersion), stdout, stderr));
        root.Subcommands.Add(links);

        var ruleId = new Argument<string>("rule") { Description = "Rule id (ML101) or name (require-in-esm)." };
        var explain = new Command("explain", "Show a rule's documentation.") { ruleId };
        explain.SetAction(parse => RulesCommand.Explain(parse.GetValue(ruleId)!, stdout, stderr));
        root.Subcommands.Add(explain);

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) stderr.WriteLine($"manifestlint: {error.Message}");
            stderr.WriteLine("Run `manifestlint --help` for usage.");
            return ExitCodes.Usage;
        }
        return result.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
