using MAB.DotIgnore;

namespace ManifestLint.Discovery;

/// <summary>gitignore-style pattern lists from untrusted lines. MAB.DotIgnore compiles some patterns (an unmatched
/// `[`) into an invalid regular expression and throws when matching; such a line matches nothing here (git does
/// not match it either), so one odd line in a .dockerignore cannot stop the run.</summary>
public static class IgnorePatterns
{
    public static IgnoreList Create(IEnumerable<string> lines) =>
        new(lines.Where(Usable).ToList(), MatchFlags.PATHNAME);

    private static bool Usable(string line)
    {
        if (line.IndexOf('[') < 0) return true;
        try
        {
            new IgnoreList([line], MatchFlags.PATHNAME).IsIgnored("probe/file", false);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // RegexParseException
        }
    }
}
