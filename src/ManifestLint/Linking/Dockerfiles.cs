using ManifestLint.Model;

namespace ManifestLint.Linking;

/// <summary>Choosing among a folder's Dockerfiles, and reading their base image.</summary>
internal static class Dockerfiles
{
    /// <summary>`Dockerfile` first, then production variants; dev/test/local ones last.</summary>
    public static ImageRecipe? Preferred(IEnumerable<ImageRecipe> recipes) => recipes.MinBy(Rank);

    private static (int, string) Rank(ImageRecipe recipe)
    {
        var name = Path.GetFileName(recipe.File).ToLowerInvariant();
        var rank = name == "dockerfile" ? 0
            : name.Contains("prod", StringComparison.Ordinal) ? 1
            : name.Contains("dev", StringComparison.Ordinal) || name.Contains("test", StringComparison.Ordinal) || name.Contains("local", StringComparison.Ordinal) ? 3
            : 2;
        return (rank, recipe.File);
    }

    /// <summary>The external image the final stage builds on (`FROM base` followed through stage aliases).</summary>
    public static ImageStage? FinalBase(ImageRecipe recipe)
    {
        var stage = recipe.Final;
        for (var hops = 0; stage is not null && hops < recipe.Stages.Count; hops++)
        {
            var parent = recipe.Stages.LastOrDefault(s => s.Alias is not null && s != stage
                && string.Equals(s.Alias, stage.BaseImage, StringComparison.OrdinalIgnoreCase));
            if (parent is null) return stage;
            stage = parent;
        }
        return stage;
    }
}
