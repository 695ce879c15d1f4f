namespace ManifestLint.Model;

/// <summary>Finding severity. Order matters: higher is more severe.</summary>
public enum Level
{
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class LevelNames
{
    public static string ToName(this Level level) => level switch
    {
        Level.Note => "note",
        Level.Warning => "warning",
        _ => "error",
    };

    public static bool TryParse(string? text, out Level level)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "note": level = Level.Note; return true;
            case "warning": level = Level.Warning; return true;
            case "error": level = Level.Error; return true;
            default: level = Level.Error; return false;
        }
    }
}
