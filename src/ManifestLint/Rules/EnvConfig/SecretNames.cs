using System.Text.RegularExpressions;

namespace ManifestLint.Rules.EnvConfig;

/// <summary>Variable names that hold secrets (`JWT_SECRET`, `DB_PASSWORD`, `API_TOKEN`, `STRIPE_API_KEY`),
/// but not names about them (`SECRET_NAME`, `TOKEN_URL`, `AWS_ACCESS_KEY_ID`, `JWT_SECRET_FILE`).</summary>
internal static partial class SecretNames
{
    [GeneratedRegex(@"(^|_)(SECRET|PASSWORD|PASSWD|PASS|TOKEN|PRIVATE_KEY|API_KEY|ACCESS_KEY|SECRET_KEY|CLIENT_SECRET)S?$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    public static bool IsSecret(string name) => SecretPattern().IsMatch(name);
}
