using ManifestLint.Model;
using ManifestLint.Rules;
using Microsoft.CodeAnalysis.Sarif;

namespace ManifestLint.Reporting;

/// <summary>SARIF 2.1.0 through the SARIF SDK object model, written by <see cref="SarifJsonWriter"/>. These two are
/// the only types touching the SDK, so its assemblies load only when SARIF is requested.</summary>
public sealed class SarifReporter(bool reportSuppressed = false) : IReporter
{
    private const string SrcRoot = "%SRCROOT%";

    public void Write(LintResult result, TextWriter output) => SarifJsonWriter.Write(BuildLog(result), output);

    internal SarifLog BuildLog(LintResult result)
    {
        var rules = RuleRegistry.All.Select(r => r.Descriptor).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = "ManifestLint",
                    Version = ToolInfo.Version,
                    SemanticVersion = ToolInfo.Version,
                    InformationUri = new Uri("https://github.com/manifestlint/manifestlint"),
                    Rules = rules.Select(Describe).ToList(),
                },
            },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SrcRoot] = new() { Uri = new Uri(DirectoryUri(result.RepoRoot)) },
            },
            Results = result.Findings.Select(f => ToResult(f, index[f.RuleId], result.RepoPath(f.Span.File)))
                .Concat(reportSuppressed ? result.Suppressed.Select(s => Suppressed(s, index[s.Finding.RuleId], result)) : []).ToList(),
            ColumnKind = ColumnKind.UnicodeCodePoints,
        };
        return new SarifLog
        {
            Version = SarifVersion.Current,
            SchemaUri = new Uri("https://json.schemastore.org/sarif-2.1.0.json"),
            Runs = [run],
        };
    }

    private static ReportingDescriptor Describe(RuleDescriptor rule)
    {
        var doc = RuleDocs.For(rule.Id);
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = ToPascal(rule.Name),
            ShortDescription = new MultiformatMessageString { Text = doc?.Title ?? rule.Name },
            FullDescription = new MultiformatMessageString { Text = doc?.Summary ?? rule.Name },
            DefaultConfiguration = new ReportingConfiguration { Level = ToSarif(rule.DefaultLevel), Enabled = rule.EnabledByDefault },
        };
        if (doc is not null)
        {
            descriptor.Help = new MultiformatMessageString { Text = doc.Summary, Markdown = doc.Markdown };
            descriptor.HelpUri = new Uri(doc.HelpUri);
            descriptor.SetProperty("tags", doc.Tags.Append(rule.Family).Distinct().ToList());
            descriptor.SetProperty("precision", doc.Precision);
        }
        return descriptor;
    }

    private static Result ToResult(Finding f, int ruleIndex, string repoPath)
    {
        var span = f.Span;
        var result = new Result
        {
            RuleId = f.RuleId,
            RuleIndex = ruleIndex,
            Level = ToSarif(f.Level),
            Message = new Message { Text = f.Message },
            Locations =
            [
                new Location
                {
                    PhysicalLocation = new PhysicalLocation
                    {
                        ArtifactLocation = new ArtifactLocation { Uri = new Uri(EscapePath(repoPath), UriKind.Relative), UriBaseId = SrcRoot },
                        Region = new Region
                        {
                            StartLine = span.StartLine,
                            StartColumn = span.StartColumn,
                            EndLine = Math.Max(span.EndLine, span.StartLine),
                            EndColumn = span.EndLine > span.StartLine || span.EndColumn > span.StartColumn ? span.EndColumn : span.StartColumn + 1,
                        },
                    },
                },
            ],
            PartialFingerprints = new Dictionary<string, string> { ["manifestlint/v1"] = f.Fingerprint },
        };
        if (f.Object is not null)
        {
            result.Locations[0].LogicalLocations = [new LogicalLocation { FullyQualifiedName = f.Object, Kind = "object" }];
        }
        return result;
    }

    private static Result Suppressed(Filtering.SuppressedFinding s, int ruleIndex, LintResult result)
    {
        var sarif = ToResult(s.Finding, ruleIndex, result.RepoPath(s.Finding.Span.File));
        sarif.Suppressions =
        [
            new Microsoft.CodeAnalysis.Sarif.Suppression
            {
                Kind = s.Suppression.Kind == "baseline" ? SuppressionKind.External : SuppressionKind.InSource,
                Status = SuppressionStatus.Accepted,
                Justification = s.Suppression.Justification ?? "",
            },
        ];
        return sarif;
    }

    private static FailureLevel ToSarif(Level level) => level switch
    {
        Level.Error => FailureLevel.Error,
        Level.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string DirectoryUri(string root)
    {
        var full = Path.GetFullPath(root).Replace('\\', '/').TrimEnd('/') + "/";
        return new Uri("file://" + (full.StartsWith('/') ? "" : "/") + full).AbsoluteUri;
    }

    private static string ToPascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
