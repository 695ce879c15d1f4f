namespace ManifestLint.Tests;

/// <summary>Bare imports find their package in the nearest `node_modules` upward, as Node does; folders whose
/// listing has no `node_modules` are not looked at on disk.</summary>
public class NodeModulesLookupTests
{
    private const string EsmOnly = """{ "name": "esm-only", "type": "module", "exports": "./index.js" }""";

    [Fact]
    public void Packages_are_found_in_the_app_folder_and_in_folders_above_it()
    {
        using var p = new TestProject()
            .Write("services/api/package.json", """{ "name": "api", "main": "src/index.js", "scripts": { "start": "node src/index.js" } }""")
            .Write("services/api/src/index.js", "const a = require('esm-only');\nconst b = require('hoisted');\n")
            .Write("services/api/node_modules/esm-only/package.json", EsmOnly)
            .Write("services/api/node_modules/esm-only/index.js", "export default 1;\n")
            .Write("node_modules/hoisted/package.json", """{ "name": "hoisted" }""")
            .Write("node_modules/hoisted/index.js", "module.exports = 1;\n");
        var result = p.Lint();
        Assert.Equal(["services/api/src/index.js"], result.Model.NodeRunFiles);
        Assert.Equal(["node_modules/hoisted", "services/api/node_modules/esm-only"], result.Model.VendoredPackages.Keys.Order(StringComparer.Ordinal));
        var files = result.Model.Files;
        Assert.True(files.MayHaveNodeModules("services/api"));
        Assert.True(files.MayHaveNodeModules(""));
        Assert.False(files.MayHaveNodeModules("services"));
        Assert.False(files.MayHaveNodeModules("services/api/src"));
        Assert.True(files.MayHaveNodeModules("never/walked"));
    }
}
