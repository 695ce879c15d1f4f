namespace ManifestLint.Loading;

/// <summary>The keys of a `.env` file (`KEY=value`, `export KEY=value`, comments and blank lines skipped).</summary>
internal static class DotEnvLoader
{
    public static IReadOnlySet<string> Keys(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith("export ", StringComparison.Ordinal)) line = line[7..].TrimStart();
            var eq = line.IndexOf('=');
            if (eq > 0) keys.Add(line[..eq].Trim());
        }
        return keys;
    }
}
