using System.Security.Cryptography;
using System.Text;

namespace ManifestLint.Model;

/// <summary>One reported problem. Key is the rule's stable identity for the problem (e.g. a variable
/// name) so the fingerprint survives line shifts.</summary>
public sealed record Finding(
    string RuleId,
    string RuleName,
    string Family,
    Level Level,
    string Message,
    SourceSpan Span,
    string? Object,
    string Key)
{
    public string Fingerprint
    {
        get
        {
            var text = $"{RuleId}|{Span.File}|{Object}|{Key}";
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
            return Convert.ToHexStringLower(hash, 0, 8);
        }
    }
}
