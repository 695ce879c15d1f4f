using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML104: a relative ES import of a folder (ESM does not read index files).</summary>
public sealed class DirectoryImportRule : RelativeImportRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML104", "directory-import", "module-system", Level.Error);

    protected override ResolutionKind Kind => ResolutionKind.Directory;

    protected override string Message(JsModule module, ModuleDependency dependency, Resolution resolution, bool esm) =>
        $"`'{dependency.Specifier}'` is a folder, and ES modules cannot import folders; Node crashes with " +
        $"`Error [ERR_UNSUPPORTED_DIR_IMPORT]: Directory import '…' is not supported resolving ES modules`. " +
        (resolution.Suggestion is { } index ? $"Import `'{index}'`." : "Import the file inside the folder.");
}
