using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Tests;

/// <summary>Where code connects (URL and host literals) and where it serves (listen calls, routes).</summary>
public class NetworkFactsTests
{
    private static JsModule Parse(string code)
    {
        var (module, problem) = JsLoader.Load("a.js", code, ModuleFormat.Esm, "test", null);
        Assert.Null(problem);
        return module!;
    }

    [Theory]
    [InlineData("mongoose.connect('mongodb://mongo:27017/chat');", "mongodb://mongo:27017/chat|-|call")]
    [InlineData("const url = process.env.DB_URL || 'postgres://db:5432/app';", "postgres://db:5432/app|DB_URL|DB_URL")]
    [InlineData("fetch(`http://orders:8080/api/${id}`);", "http://orders:8080|-|call")]
    [InlineData("fetch(`http://${host}:8080/`);", "")]
    [InlineData("new Redis({ host: 'cache', port: 6379 });", "cache|-|host")]
    [InlineData("app.use(cors({ origin: ['http://localhost:3000'] }));", "")]
    [InlineData("console.log('listening on http://localhost:' + PORT);", "")]
    [InlineData("throw new Error('MONGO_URL must look like mongodb://host:port/db');", "")]
    [InlineData("const u = new URL(req.url, 'http://placeholder');", "")]
    [InlineData("const { MONGO_URL = 'mongodb://mongo:27017/shop' } = process.env;", "mongodb://mongo:27017/shop|MONGO_URL|MONGO_URL")]
    [InlineData("const S = z.object({ Q: z.string().url().default('amqp://rabbitmq:5672') });", "")]
    [InlineData("const c = isProd ? process.env.DATABASE_URL : 'postgres://app@postgres:5432/app';", "")]
    [InlineData("module.exports = { test: { host: 'mysql-test' }, production: { host: 'mysql' } };", "mysql|-|host")]
    [InlineData("const ordersUrl = 'http://orders:8080';", "http://orders:8080|-|ordersUrl")]
    [InlineData("// see http://docs:80/\nconst x = 'not a url';", "")]
    public void Host_literals_are_found_with_their_context(string code, string expected)
    {
        var found = Parse(code).HostLiterals.Select(h => $"{h.Value}|{h.FallbackFor ?? "-"}|{h.Context ?? "-"}");
        Assert.Equal(expected, string.Join(";", found));
    }

    [Theory]
    [InlineData("app.listen(3000);", "3000|-|-|host:-|fastify:False")]
    [InlineData("const PORT = process.env.PORT || 5000; server.listen(PORT, () => {});", "-|PORT|5000|host:-|fastify:False")]
    [InlineData("server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');", "-|PORT|8080|host:127.0.0.1|fastify:False")]
    [InlineData("import Fastify from 'fastify'; const app = Fastify(); await app.listen({ port: 3000 });", "3000|-|-|host:-|fastify:True")]
    [InlineData("const app = require('fastify')(); app.listen({ port: 3000, host: '0.0.0.0' });", "3000|-|-|host:0.0.0.0|fastify:True")]
    public void Listen_calls_resolve_their_port(string code, string expected)
    {
        var call = Assert.Single(Parse(code).ListenCalls);
        Assert.True(call.PortKnown);
        Assert.Equal(expected, $"{call.Port?.ToString() ?? "-"}|{call.PortEnv ?? "-"}|{call.PortDefault?.ToString() ?? "-"}|host:{call.Host ?? "-"}|fastify:{call.Fastify}");
    }

    [Fact]
    public void Listen_with_a_parameter_port_is_unknown()
    {
        Assert.False(Assert.Single(Parse("export function start(port) { app.listen(port); }").ListenCalls).PortKnown);
    }

    [Fact]
    public void Express_routes_mounts_and_exports_are_recorded()
    {
        var routing = Parse("""
            import express from 'express';
            import cors from 'cors';
            import health from './routes/health.js';
            const app = express();
            const api = express.Router();
            app.use(cors());
            app.use(express.json());
            app.use('/api', api);
            app.use('/health', health);
            app.use(audit);
            api.get('/messages/:id', (req, res) => res.json({}));
            app.route('/login').post((req, res) => res.end());
            app.get(dynamicPath, handler);
            export default app;
            """).Routing;
        Assert.Equal("app:app,api:router", string.Join(",", routing.Objects.Select(o => $"{o.Key}:{o.Value}")));
        Assert.Equal("api get /messages/:id;app post /login;app get -",
            string.Join(";", routing.Routes.Select(r => $"{r.Target} {r.Method} {r.Path ?? "-"}")));
        Assert.Equal("app  middleware;app  middleware;app /api local api;app /health import health;app  unknown",
            string.Join(";", routing.Mounts.Select(m => $"{m.Target} {m.Prefix} {m.Kind}{(m.Name is null ? "" : " " + m.Name)}")));
        Assert.Equal("app", routing.Exports["default"]);
    }
}
