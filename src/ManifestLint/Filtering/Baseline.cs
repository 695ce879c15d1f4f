using System.Text.Json;
using ManifestLint.Config;
using ManifestLint.Model;

namespace ManifestLint.Filtering;

/// <summary>A baseline: the findings of an earlier run, by fingerprint (rule, file, object, subject — no line
/// numbers, so edits above a finding do not revive it). A run with the baseline reports only new findings;
/// a fingerprint present twice in the baseline excuses two findings, no more.</summary>
public static class Baseline
{
    public const int SchemaVersion = 1;

    public static void Write(TextWriter writer, IReadOnlyList<Finding> findings)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("tool", "ManifestLint");
            json.WriteStartArray("findings");
            foreach (var f in findings)
            {
                json.WriteStartObject();
                json.WriteString("fingerprint", f.Fingerprint);
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("file", f.Span.File);
                if (f.Object is not null) json.WriteString("object", f.Object);
                json.WriteString("key", f.Key);
                json.WriteString("message", f.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.WriteLine();
    }

    /// <summary>Fingerprint → how many findings it excuses.</summary>
    /// <exception cref="ConfigException">The file is missing or is not a ManifestLint baseline.</exception>
    public static Dictionary<string, int> Read(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("findings", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ConfigException($"{path}: not a ManifestLint baseline (no `findings` array); write one with `manifestlint baseline write {path}`");
            }
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("fingerprint", out var fp) && fp.GetString() is { } text)
                {
                    counts[text] = counts.GetValueOrDefault(text) + 1;
                }
            }
            return counts;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ConfigException($"{path}: cannot read the baseline: {ex.Message}");
        }
    }

    public static (List<Finding> Kept, List<SuppressedFinding> Baselined) Apply(IReadOnlyList<Finding> findings, Dictionary<string, int> baseline)
    {
        var remaining = new Dictionary<string, int>(baseline, StringComparer.Ordinal);
        var kept = new List<Finding>();
        var baselined = new List<SuppressedFinding>();
        foreach (var f in findings)
        {
            if (remaining.TryGetValue(f.Fingerprint, out var n) && n > 0)
            {
                remaining[f.Fingerprint] = n - 1;
                baselined.Add(new SuppressedFinding(f, new Suppression("baseline", null, null)));
            }
            else
            {
                kept.Add(f);
            }
        }
        return (kept, baselined);
    }
}
