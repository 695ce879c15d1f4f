namespace ManifestLint.Rules;

/// <summary>Reads the embedded rule documents. Front matter is a flat `key: value` block.</summary>
public static class RuleDocs
{
    private static readonly Lazy<IReadOnlyDictionary<string, RuleDoc>> Docs = new(LoadAll);

    public static IReadOnlyDictionary<string, RuleDoc> All => Docs.Value;

    public static RuleDoc? For(string id) => All.GetValueOrDefault(id);

    public static RuleDoc Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---") throw new FormatException("rule doc must start with front matter (---)");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 1;
        for (; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0) fields[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        var body = string.Join('\n', lines.Skip(i + 1)).Trim();
        string Field(string key) => fields.TryGetValue(key, out var v) ? v : throw new FormatException($"rule doc front matter lacks `{key}`");
        var tags = Field("tags").Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RuleDoc(Field("id"), Field("name"), Field("title"), Field("family"), Field("level"),
            fields.GetValueOrDefault("precision") ?? "high", tags, Summary(body), body);
    }

    /// <summary>The first paragraph after the title heading.</summary>
    private static string Summary(string body)
    {
        var paragraphs = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = paragraphs.FirstOrDefault(p => !p.StartsWith('#')) ?? "";
        return string.Join(' ', first.Split('\n', StringSplitOptions.TrimEntries));
    }

    private static IReadOnlyDictionary<string, RuleDoc> LoadAll()
    {
        var assembly = typeof(RuleDocs).Assembly;
        var docs = new Dictionary<string, RuleDoc>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var doc = Parse(reader.ReadToEnd());
            docs[doc.Id] = doc;
        }
        return docs;
    }
}
