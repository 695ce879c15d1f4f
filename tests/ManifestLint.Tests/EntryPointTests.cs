using ManifestLint.Linking;
using ManifestLint.Model;

namespace ManifestLint.Tests;

public class EntryPointTests
{
    private static readonly NodePackage Package = new()
    {
        Dir = "api",
        File = "api/package.json",
        Scripts = new Dictionary<string, string>
        {
            ["start"] = "cross-env NODE_ENV=production node --enable-source-maps dist/server.js",
            ["dev"] = "nodemon --watch src src/index.js",
            ["migrate"] = "npm run build && node scripts/migrate.js",
        },
        Bin = new Dictionary<string, string>(),
        Dependencies = new HashSet<string>(),
    };

    [Theory]
    [InlineData("docker-entrypoint.sh|node|src/index.js", "api/src/index.js", "")]
    [InlineData("node|-r|./src/tracing.js|src/index.js", "api/src/index.js", "api/src/tracing.js")]
    [InlineData("node|--import=./otel.mjs|server.mjs", "api/server.mjs", "api/otel.mjs")]
    [InlineData("node|--require|dotenv/config|server.js", "api/server.js", "")]
    [InlineData("tini|--|node|server.js", "api/server.js", "")]
    [InlineData("dumb-init|node|server.js", "api/server.js", "")]
    [InlineData("npm|start", "api/dist/server.js", "")]
    [InlineData("npm|run|dev", "api/src/index.js", "")]
    [InlineData("yarn|migrate", "api/scripts/migrate.js", "")]
    [InlineData("sh|-c|node /app/bin/www.js", "api/bin/www.js", "")]
    [InlineData("node|-e|console.log(1)", "", "")]
    [InlineData("nginx|-g|daemon off;", "", "")]
    [InlineData("dist/server.js", "api/dist/server.js", "")]
    [InlineData("pm2-runtime|ecosystem.config.js", "", "")]
    public void Finds_entry_and_preloads(string command, string entry, string preloads)
    {
        var launch = EntryPoints.FromCommand(command.Split('|'), Package, "/app");
        Assert.Equal(entry, launch.Entry ?? "");
        Assert.Equal(preloads, string.Join(",", launch.Preloads));
    }

    [Theory]
    [InlineData("node|-r|@babel/register|src/index.js", true)]
    [InlineData("nodemon|-r|esm|src/index.js", true)]
    [InlineData("ts-node|src/index.ts", true)]
    [InlineData("node|--import|tsx|src/index.ts", true)]
    [InlineData("node|-r|dotenv/config|src/index.js", false)]
    public void Transpiler_hooks_are_recognised(string command, bool transpiled) =>
        Assert.Equal(transpiled, EntryPoints.FromCommand(command.Split('|'), Package, "/app").Transpiled);

    [Fact]
    public void Env_files_are_recorded()
    {
        var launch = EntryPoints.FromCommand(["node", "--env-file=.env.production", "-r", "dotenv/config", "server.js"], Package, "/app");
        Assert.Equal(["api/.env.production", "api/.env"], launch.EnvFiles);
    }

    [Fact]
    public void Bundled_front_end_main_is_not_a_node_entry()
    {
        var frontEnd = new NodePackage
        {
            Dir = "web", File = "web/package.json", Main = "src/index.js",
            Scripts = new Dictionary<string, string> { ["build"] = "webpack" },
            Bin = new Dictionary<string, string>(),
            Dependencies = new HashSet<string> { "webpack", "react" },
        };
        Assert.Empty(EntryPoints.AllFor(frontEnd, []));
    }
}
