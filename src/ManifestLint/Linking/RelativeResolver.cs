using ManifestLint.Discovery;

namespace ManifestLint.Linking;

public enum ResolutionKind
{
    Found,
    /// <summary>ESM: the specifier lacks an extension a file has (`./db` for `./db.js`).</summary>
    MissingExtension,
    /// <summary>ESM: the specifier names a folder.</summary>
    Directory,
    /// <summary>Nothing matches, and nothing could be generated there (walked folder, not ignored).</summary>
    Missing,
    /// <summary>Cannot tell: the folder was not walked or the target would be ignored (build output).</summary>
    Unknown,
}

/// <summary>Suggestion: for MissingExtension/Directory the specifier to write; Path: the file found.</summary>
public sealed record Resolution(ResolutionKind Kind, string? Suggestion = null, string? Path = null);

/// <summary>Node's resolution of relative specifiers against the files present: exact for ES modules,
/// with CommonJS's extension and index search for `require`.</summary>
public static class RelativeResolver
{
    private static readonly string[] EsmSuggestions = [".js", ".mjs", ".cjs", ".json"];
    private static readonly string[] CjsSuffixes = ["", ".js", ".json", ".node", "/index.js", "/index.json", "/index.node", "/package.json"];
    private static readonly string[] IndexFiles = ["index.js", "index.mjs", "index.cjs"];

    public static Resolution Resolve(FileIndex files, string fromFile, string specifier, bool esm)
    {
        // ES specifiers are URLs (query/fragment dropped, %-escapes decoded); require() takes paths literally.
        var path = esm ? Uri.UnescapeDataString(specifier.Split('?', '#')[0]) : specifier;
        var target = PathUtil.Join(PathUtil.DirOf(fromFile), path);
        if (target.Length == 0) return new(ResolutionKind.Unknown); // the project root itself (`require('..')`): a package folder
        if (esm)
        {
            if (files.Exists(target)) return new(ResolutionKind.Found, Path: target);
            if (files.IsDirectory(target))
            {
                var index = IndexFiles.FirstOrDefault(i => files.Exists(target + "/" + i));
                return new(ResolutionKind.Directory, index is null ? null : Relative(specifier, index));
            }
            var withExt = EsmSuggestions.FirstOrDefault(e => files.Exists(target + e));
            if (withExt is not null) return new(ResolutionKind.MissingExtension, specifier.TrimEnd('/') + withExt);
            return files.CouldExistUnignored(target) && EsmSuggestions.All(e => files.CouldExistUnignored(target + e))
                ? new(ResolutionKind.Missing)
                : new(ResolutionKind.Unknown);
        }
        if (CjsSuffixes.FirstOrDefault(s => files.Exists(target + s)) is { } suffix)
        {
            return new(ResolutionKind.Found, Path: suffix == "/package.json" ? null : target + suffix);
        }
        return CjsSuffixes.Take(4).All(s => files.CouldExistUnignored(target + s)) ? new(ResolutionKind.Missing) : new(ResolutionKind.Unknown);
    }

    private static string Relative(string specifier, string index) => specifier.TrimEnd('/') + "/" + index;
}
