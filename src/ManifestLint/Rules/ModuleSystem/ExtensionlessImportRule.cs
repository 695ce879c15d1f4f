using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML103: a relative ES import without the file extension (ESM resolution adds none).</summary>
public sealed class ExtensionlessImportRule : RelativeImportRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML103", "extensionless-import", "module-system", Level.Error);

    protected override ResolutionKind Kind => ResolutionKind.MissingExtension;

    protected override string Message(JsModule module, ModuleDependency dependency, Resolution resolution, bool esm) =>
        $"`'{dependency.Specifier}'` has no file extension, and ES module resolution does not add one; Node crashes with " +
        $"`Error [ERR_MODULE_NOT_FOUND]: Cannot find module`. " +
        $"Import `'{resolution.Suggestion}'`.";
}
