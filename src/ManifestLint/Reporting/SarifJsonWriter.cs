using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.CodeAnalysis.Sarif;

namespace ManifestLint.Reporting;

/// <summary>Writes the SARIF SDK's object model as JSON with a streaming writer. The SDK's own path is Newtonsoft,
/// which asks reflection for every property of every object (its ShouldSerialize* hooks, default values): for
/// 10,000 results that was most of a second under NativeAOT. This covers exactly the properties
/// <see cref="SarifReporter"/> sets, and writes them as the SDK does (its defaults left out);
/// SarifJsonWriterTests holds it to the SDK's serialisation of the same log.</summary>
internal static class SarifJsonWriter
{
    private const int FlushAt = 1 << 16;

    // Newtonsoft leaves non-ASCII text as it is; so do we (the report is a file, not HTML).
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(SarifLog log, TextWriter output)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        var decoder = new UTF8Encoding(false).GetDecoder();
        var chars = new char[FlushAt * 2 + 16];
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            // Drains the buffer into the text writer between results, so memory stays flat for large logs.
            void Drain(bool final)
            {
                json.Flush();
                if (!final && buffer.WrittenCount < FlushAt) return;
                var bytes = buffer.WrittenSpan;
                while (bytes.Length > 0)
                {
                    var take = Math.Min(bytes.Length, FlushAt * 2);
                    var n = decoder.GetChars(bytes[..take], chars, flush: final && take == bytes.Length);
                    output.Write(chars, 0, n);
                    bytes = bytes[take..];
                }
                buffer.ResetWrittenCount();
            }

            json.WriteStartObject();
            if (log.SchemaUri is not null) json.WriteString("$schema", log.SchemaUri.OriginalString);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            foreach (var run in log.Runs) WriteRun(json, run, Drain);
            json.WriteEndArray();
            json.WriteEndObject();
            Drain(final: true);
        }
        output.WriteLine();
    }

    private static void WriteRun(Utf8JsonWriter json, Run run, Action<bool> drain)
    {
        json.WriteStartObject();
        json.WritePropertyName("tool");
        json.WriteStartObject();
        json.WritePropertyName("driver");
        WriteDriver(json, run.Tool.Driver);
        json.WriteEndObject();
        if (run.OriginalUriBaseIds is { Count: > 0 } bases)
        {
            json.WriteStartObject("originalUriBaseIds");
            foreach (var (id, location) in bases)
            {
                json.WritePropertyName(id);
                WriteArtifactLocation(json, location);
            }
            json.WriteEndObject();
        }
        if (run.Results is not null)
        {
            json.WriteStartArray("results");
            foreach (var result in run.Results)
            {
                WriteResult(json, result);
                drain(false);
            }
            json.WriteEndArray();
        }
        if (run.ColumnKind != ColumnKind.None) json.WriteString("columnKind", Name(run.ColumnKind));
        json.WriteEndObject();
    }

    private static void WriteDriver(Utf8JsonWriter json, ToolComponent driver)
    {
        json.WriteStartObject();
        json.WriteString("name", driver.Name);
        WriteIfSet(json, "version", driver.Version);
        WriteIfSet(json, "semanticVersion", driver.SemanticVersion);
        if (driver.InformationUri is not null) json.WriteString("informationUri", driver.InformationUri.OriginalString);
        if (driver.Rules is not null)
        {
            json.WriteStartArray("rules");
            foreach (var rule in driver.Rules) WriteRule(json, rule);
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, ReportingDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        WriteIfSet(json, "name", rule.Name);
        WriteMessageString(json, "shortDescription", rule.ShortDescription);
        WriteMessageString(json, "fullDescription", rule.FullDescription);
        if (rule.DefaultConfiguration is { } config && (config.Level != FailureLevel.Warning || !config.Enabled))
        {
            json.WriteStartObject("defaultConfiguration");
            if (!config.Enabled) json.WriteBoolean("enabled", false);
            if (config.Level != FailureLevel.Warning) json.WriteString("level", Name(config.Level));
            json.WriteEndObject();
        }
        WriteMessageString(json, "help", rule.Help);
        if (rule.HelpUri is not null) json.WriteString("helpUri", rule.HelpUri.OriginalString);
        WriteProperties(json, rule);
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Result result)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", result.RuleId);
        if (result.RuleIndex >= 0) json.WriteNumber("ruleIndex", result.RuleIndex);
        if (result.Level != FailureLevel.Warning) json.WriteString("level", Name(result.Level));
        json.WriteStartObject("message");
        json.WriteString("text", result.Message.Text);
        json.WriteEndObject();
        if (result.Locations is not null)
        {
            json.WriteStartArray("locations");
            foreach (var location in result.Locations) WriteLocation(json, location);
            json.WriteEndArray();
        }
        if (result.PartialFingerprints is { Count: > 0 } fingerprints)
        {
            json.WriteStartObject("partialFingerprints");
            foreach (var (key, value) in fingerprints) json.WriteString(key, value);
            json.WriteEndObject();
        }
        if (result.Suppressions is not null)
        {
            json.WriteStartArray("suppressions");
            foreach (var suppression in result.Suppressions)
            {
                json.WriteStartObject();
                json.WriteString("kind", Name(suppression.Kind));
                json.WriteString("status", Name(suppression.Status));
                WriteIfSet(json, "justification", suppression.Justification);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteStartObject();
        if (location.PhysicalLocation is { } physical)
        {
            json.WriteStartObject("physicalLocation");
            json.WritePropertyName("artifactLocation");
            WriteArtifactLocation(json, physical.ArtifactLocation);
            if (physical.Region is { } region)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", region.StartLine);
                json.WriteNumber("startColumn", region.StartColumn);
                json.WriteNumber("endLine", region.EndLine);
                json.WriteNumber("endColumn", region.EndColumn);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        if (location.LogicalLocations is not null)
        {
            json.WriteStartArray("logicalLocations");
            foreach (var logical in location.LogicalLocations)
            {
                json.WriteStartObject();
                WriteIfSet(json, "fullyQualifiedName", logical.FullyQualifiedName);
                WriteIfSet(json, "kind", logical.Kind);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter json, ArtifactLocation location)
    {
        json.WriteStartObject();
        if (location.Uri is not null) json.WriteString("uri", location.Uri.OriginalString);
        WriteIfSet(json, "uriBaseId", location.UriBaseId);
        json.WriteEndObject();
    }

    private static void WriteMessageString(Utf8JsonWriter json, string name, MultiformatMessageString? message)
    {
        if (message is null) return;
        json.WriteStartObject(name);
        json.WriteString("text", message.Text);
        WriteIfSet(json, "markdown", message.Markdown);
        json.WriteEndObject();
    }

    /// <summary>The SDK keeps a property bag as already-serialised JSON values.</summary>
    private static void WriteProperties(Utf8JsonWriter json, PropertyBagHolder holder)
    {
        if (holder.PropertyNames is not { Count: > 0 } names) return;
        json.WriteStartObject("properties");
        foreach (var name in names)
        {
            if (!holder.TryGetSerializedPropertyValue(name, out var value)) continue;
            json.WritePropertyName(name);
            json.WriteRawValue(value);
        }
        json.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null) json.WriteString(name, value);
    }

    private static string Name(FailureLevel level) => level switch
    {
        FailureLevel.Error => "error",
        FailureLevel.Warning => "warning",
        FailureLevel.Note => "note",
        _ => "none",
    };

    private static string Name(SuppressionKind kind) => kind == SuppressionKind.External ? "external" : "inSource";

    private static string Name(SuppressionStatus status) => status switch
    {
        SuppressionStatus.UnderReview => "underReview",
        SuppressionStatus.Rejected => "rejected",
        _ => "accepted",
    };

    private static string Name(ColumnKind kind) => kind == ColumnKind.Utf16CodeUnits ? "utf16CodeUnits" : "unicodeCodePoints";
}
