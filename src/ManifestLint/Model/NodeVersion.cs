using System.Globalization;

namespace ManifestLint.Model;

/// <summary>A Node.js release number.</summary>
public readonly record struct NodeVersion(int Major, int Minor, int Patch) : IComparable<NodeVersion>
{
    /// <summary>Parses `20`, `v20.11`, `22.12.0`; missing parts are 0. Null when not a version.</summary>
    public static NodeVersion? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Trim().TrimStart('v', 'V').Split('.');
        if (parts.Length is 0 or > 3) return null;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }
        return new NodeVersion(numbers[0], numbers[1], numbers[2]);
    }

    public int CompareTo(NodeVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(NodeVersion a, NodeVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(NodeVersion a, NodeVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(NodeVersion a, NodeVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(NodeVersion a, NodeVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}
