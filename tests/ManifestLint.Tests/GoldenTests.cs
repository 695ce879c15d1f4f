namespace ManifestLint.Tests;

/// <summary>Each testdata/&lt;ID|examples&gt;/&lt;case&gt;/ is linted in-process and compared with its
/// expected.txt (`RULE path:line:col key` per finding; the key names what is wrong, e.g. the variable).
/// UPDATE_GOLDEN=1 rewrites the files.</summary>
public class GoldenTests
{
    public static IEnumerable<string> CaseNames() =>
        Directory.GetDirectories(Repo.TestData).Order(StringComparer.Ordinal)
            .SelectMany(group => Directory.GetDirectories(group).Order(StringComparer.Ordinal))
            .Select(dir => Path.GetRelativePath(Repo.TestData, dir).Replace('\\', '/'));

    public static TheoryData<string> Cases() => new(CaseNames());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Findings_match_golden(string testCase)
    {
        var dir = Path.Combine(Repo.TestData, testCase);
        var result = Linter.Lint([dir]);
        Assert.Equal(Path.GetFullPath(dir), result.Root);
        var actual = result.Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.StartLine}:{f.Span.StartColumn} {f.Key}").ToList();
        var expectedFile = Path.Combine(dir, "expected.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedFile, actual.Count == 0 ? "" : string.Join('\n', actual) + "\n");
            return;
        }
        Assert.True(File.Exists(expectedFile), $"{testCase} has no expected.txt");
        var expected = File.ReadAllLines(expectedFile).Where(l => l.Trim().Length > 0).ToList();
        Assert.Equal(string.Join('\n', expected), string.Join('\n', actual));
    }

    [Fact]
    public void Bad_cases_flag_and_good_cases_do_not()
    {
        foreach (var testCase in CaseNames())
        {
            var name = testCase.Split('/')[1];
            var expected = File.ReadAllLines(Path.Combine(Repo.TestData, testCase, "expected.txt")).Where(l => l.Length > 0).ToList();
            var ruleId = testCase.Split('/')[0];
            if (name.StartsWith("bad-", StringComparison.Ordinal))
            {
                Assert.True(expected.Any(l => l.StartsWith(ruleId + " ", StringComparison.Ordinal)), $"{testCase} expects no {ruleId} finding");
            }
            else if (name.StartsWith("good-", StringComparison.Ordinal))
            {
                Assert.False(expected.Any(l => l.StartsWith(ruleId + " ", StringComparison.Ordinal)), $"{testCase} expects a {ruleId} finding");
            }
        }
    }
}
