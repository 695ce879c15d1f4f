using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Rules.ModuleSystem;

/// <summary>ML105: a relative import/require that matches no file (and none could be generated there:
/// the folder is in the repository and the path is not ignored).</summary>
public sealed class MissingModuleRule : RelativeImportRule
{
    public override RuleDescriptor Descriptor { get; } = new("ML105", "missing-module", "module-system", Level.Error);

    protected override ResolutionKind Kind => ResolutionKind.Missing;

    protected override string Message(JsModule module, ModuleDependency dependency, Resolution resolution, bool esm) => esm
        ? $"`'{dependency.Specifier}'` matches no file; Node crashes with `Error [ERR_MODULE_NOT_FOUND]: Cannot find module`. Fix the path or add the file."
        : $"`'{dependency.Specifier}'` matches no file (tried .js, .json, .node and index files); Node crashes with " +
          $"`Error: Cannot find module '{dependency.Specifier}'` (code MODULE_NOT_FOUND). Fix the path or add the file.";
}
