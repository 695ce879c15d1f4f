using System.Text.Json;
using ManifestLint.Model;

namespace ManifestLint.Reporting;

/// <summary>The stable JSON schema documented in the README (schemaVersion 1).</summary>
public sealed class JsonReporter : IReporter
{
    public void Write(LintResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteStartObject("tool");
            json.WriteString("name", "ManifestLint");
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("name", f.RuleName);
                json.WriteString("family", f.Family);
                json.WriteString("level", f.Level.ToName());
                json.WriteString("message", f.Message);
                json.WriteString("file", f.Span.File);
                json.WriteNumber("line", f.Span.StartLine);
                json.WriteNumber("column", f.Span.StartColumn);
                json.WriteNumber("endLine", f.Span.EndLine);
                json.WriteNumber("endColumn", f.Span.EndColumn);
                if (f.Object is null) json.WriteNull("object");
                else json.WriteString("object", f.Object);
                json.WriteString("fingerprint", f.Fingerprint);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("error", result.Findings.Count(f => f.Level == Level.Error));
            json.WriteNumber("warning", result.Findings.Count(f => f.Level == Level.Warning));
            json.WriteNumber("note", result.Findings.Count(f => f.Level == Level.Note));
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
