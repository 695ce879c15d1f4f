using System.Text.Json.Nodes;
using ManifestLint.Filtering;
using ManifestLint.Model;
using ManifestLint.Reporting;
using Newtonsoft.Json;

namespace ManifestLint.Tests;

/// <summary>Our streaming SARIF writer must write exactly what the SARIF SDK's own (Newtonsoft) serialisation writes
/// for the same object model: same properties, same values, same defaults left out (property order aside).</summary>
public class SarifJsonWriterTests
{
    [Fact]
    public void Every_example_and_fixture_is_written_as_the_sdk_writes_it()
    {
        var dirs = Directory.GetDirectories(Path.Combine(Repo.TestData, "examples"))
            .Concat(Directory.GetDirectories(Repo.TestData, "ML*").SelectMany(Directory.GetDirectories))
            .Order(StringComparer.Ordinal).ToList();
        var results = 0;
        var suppressed = 0;
        foreach (var dir in dirs)
        {
            var lint = Linter.Lint([dir]);
            var (ours, sdk) = BothWays(lint, reportSuppressed: true);
            AssertSameJson(sdk, ours, dir);
            results += ours["runs"]![0]!["results"]!.AsArray().Count;
            suppressed += lint.Suppressed.Count;
        }
        Assert.True(dirs.Count > 100, $"only {dirs.Count} cases");
        Assert.True(results > 100, $"only {results} results");
        Assert.True(suppressed > 0, "no fixture has a suppressed finding, so suppressions were not compared");
    }

    [Fact]
    public void Large_logs_with_awkward_text_and_every_suppression_kind_match_the_sdk()
    {
        var lint = Linter.Lint([Path.Combine(Repo.TestData, "examples", "chat-app-crashloop")]);
        var template = lint.Findings[0];
        // Enough results that the writer drains its buffer many times; text that needs escaping or is not ASCII.
        string[] texts = ["quote \" backslash \\ slash /", "tab\tnew line\ncarriage\r", "control \u0001 \u001f", "naïve café — ünïcödé ✓ 𝄞", "<script>&amp;'", ""];
        var findings = Enumerable.Range(0, 3000).Select(i => template with
        {
            Message = texts[i % texts.Length] + " #" + i,
            Level = (Level)(1 + i % 3),
            Object = i % 4 == 0 ? null : "Deployment/ns/ñame-" + i,
            Span = template.Span with { File = i % 5 == 0 ? "k8s/dir with space/ü #" + i + ".yaml" : template.Span.File, StartLine = 1 + i },
        }).ToList();
        var big = lint with
        {
            Findings = findings,
            Suppressed =
            [
                new SuppressedFinding(findings[1], new Suppression("baseline", null, null)),
                new SuppressedFinding(findings[2], new Suppression("comment", "reviewed — ok", null)),
                new SuppressedFinding(findings[3], new Suppression("annotation", null, null)),
            ],
        };
        foreach (var reportSuppressed in new[] { false, true })
        {
            var (ours, sdk) = BothWays(big, reportSuppressed);
            AssertSameJson(sdk, ours, $"synthetic, reportSuppressed={reportSuppressed}");
            Assert.Equal(reportSuppressed ? 3003 : 3000, ours["runs"]![0]!["results"]!.AsArray().Count);
        }
    }

    [Fact]
    public void Non_ascii_text_is_written_as_is_and_the_log_ends_with_a_new_line()
    {
        var lint = Linter.Lint([Path.Combine(Repo.TestData, "examples", "chat-app-crashloop")]);
        var log = lint with { Findings = [lint.Findings[0] with { Message = "café ✓" }] };
        var text = new StringWriter();
        new SarifReporter().Write(log, text);
        Assert.Contains("\"text\": \"café ✓\"", text.ToString());
        Assert.EndsWith("}" + Environment.NewLine, text.ToString());
    }

    private static (JsonNode Ours, JsonNode Sdk) BothWays(LintResult lint, bool reportSuppressed)
    {
        var reporter = new SarifReporter(reportSuppressed);
        var ours = new StringWriter();
        reporter.Write(lint, ours);
        var sdk = JsonConvert.SerializeObject(reporter.BuildLog(lint), Formatting.Indented);
        return (JsonNode.Parse(ours.ToString())!, JsonNode.Parse(sdk)!);
    }

    private static void AssertSameJson(JsonNode expected, JsonNode actual, string what)
    {
        if (JsonNode.DeepEquals(expected, actual)) return;
        Assert.Fail($"{what}: {FirstDifference(expected, actual, "$")}");
    }

    private static string FirstDifference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key)) return $"{path}.{key} missing (SDK: {value?.ToJsonString()})";
                    if (!JsonNode.DeepEquals(value, a[key])) return FirstDifference(value, a[key], $"{path}.{key}");
                }
                return $"{path}: extra properties {string.Join(", ", a.Select(p => p.Key).Where(k => !e.ContainsKey(k)))}";
            case (JsonArray e, JsonArray a) when e.Count == a.Count:
                for (var i = 0; i < e.Count; i++)
                {
                    if (!JsonNode.DeepEquals(e[i], a[i])) return FirstDifference(e[i], a[i], $"{path}[{i}]");
                }
                return path;
            default:
                return $"{path}: SDK {expected?.ToJsonString()}, ours {actual?.ToJsonString()}";
        }
    }
}
