using ManifestLint.Discovery;
using ManifestLint.Model;

namespace ManifestLint.Loading;

/// <summary>Files that discovery left out because of an input limit, as located ML005 problems. The total cap is
/// said once, at the first file it left out, with the count: it usually leaves out many.</summary>
internal static class LimitProblems
{
    public static IEnumerable<LoadProblem> FromSkipped(IReadOnlyList<SkippedFile> skipped)
    {
        foreach (var file in skipped.Where(s => s.Limit == "maxFileBytes"))
        {
            yield return new LoadProblem(SourceSpan.At(file.RelativePath, 1, 1), "file", $"this file is {file.Reason}, so it is not read", "maxFileBytes");
        }
        var overTotal = skipped.Where(s => s.Limit == "maxTotalBytes").ToList();
        if (overTotal.Count > 0)
        {
            var more = overTotal.Count == 1 ? "" : $" (and {overTotal.Count - 1} more file{(overTotal.Count == 2 ? "" : "s")} after it)";
            yield return new LoadProblem(SourceSpan.At(overTotal[0].RelativePath, 1, 1), "file",
                $"this file{more} is not read: {overTotal[0].Reason} of input", "maxTotalBytes");
        }
    }
}
