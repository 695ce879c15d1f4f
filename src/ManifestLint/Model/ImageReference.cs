namespace ManifestLint.Model;

/// <summary>A container image reference, `registry:5000/team/chat-backend:v7@sha256:…`, split into
/// Repository (`registry:5000/team/chat-backend`), Name (`chat-backend`), Tag (`v7`, or null) and digest.</summary>
public readonly record struct ImageReference(string Repository, string Name, string? Tag, bool HasDigest)
{
    public static ImageReference? Parse(string? image)
    {
        if (string.IsNullOrWhiteSpace(image)) return null;
        var at = image.IndexOf('@');
        var withoutDigest = at < 0 ? image : image[..at];
        var slash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.IndexOf(':', slash + 1); // a colon before the last slash is a registry port
        var repository = colon < 0 ? withoutDigest : withoutDigest[..colon];
        return new ImageReference(repository, repository[(repository.LastIndexOf('/') + 1)..], colon < 0 ? null : withoutDigest[(colon + 1)..], at >= 0);
    }
}
