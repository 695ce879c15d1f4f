using ManifestLint.Loading;
using ManifestLint.Model;

namespace ManifestLint.Tests;

/// <summary>Scope-aware extraction of CommonJS globals, ESM syntax, dependencies and env reads.</summary>
public class JsFactsTests
{
    private static JsModule Parse(string code, ModuleFormat format = ModuleFormat.Esm)
    {
        var (module, problem) = JsLoader.Load("a.js", code, format, "test", null);
        Assert.Null(problem);
        return module!;
    }

    private static string Globals(string code, ModuleFormat format = ModuleFormat.Esm) =>
        string.Join(",", Parse(code, format).CjsGlobalUses.Select(u => $"{u.Name}@{u.Span.StartLine}:{u.Span.StartColumn}x{u.Count}"));

    [Theory]
    [InlineData("const a = require('x');\nrequire('y');", "require@1:11x2")]
    [InlineData("module.exports = 1; exports.a = 2;", "module@1:1x1,exports@1:21x1")]
    [InlineData("console.log(__dirname, __filename);", "__dirname@1:13x1,__filename@1:24x1")]
    [InlineData("const o = { exports };", "exports@1:13x1")]
    public void Free_uses_are_reported_at_the_first_use(string code, string expected) => Assert.Equal(expected, Globals(code));

    [Theory]
    [InlineData("import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('x');")]
    [InlineData("function f(module) { return module.id; }")]
    [InlineData("function g() { require('x'); var require = () => 1; }")]
    [InlineData("const o = { require: 1, module() {} }; o.require; o.exports;")]
    [InlineData("class C { require() {} static exports = 1; }")]
    [InlineData("module: for (;;) { break module; }")]
    [InlineData("try {} catch (require) { require(); }")]
    [InlineData("const { module, ...exports } = obj; module; exports;")]
    [InlineData("const [__dirname = '.'] = []; __dirname;")]
    [InlineData("const f = (require) => require('x');")]
    [InlineData("import require from 'x'; require();")]
    [InlineData("const x = `${'require'}`; // require('y')")]
    public void Locally_declared_or_non_reference_names_are_not_globals(string code) => Assert.Equal("", Globals(code));

    [Theory]
    [InlineData("const isMain = typeof require !== 'undefined' && require.main === module;", "")]
    [InlineData("if (typeof window === 'undefined') { require('x'); }", "require@1:38x1")]
    public void Typeof_guard_on_a_commonjs_global_marks_dual_mode_code(string code, string expected) => Assert.Equal(expected, Globals(code));

    [Fact]
    public void Block_scoped_declaration_does_not_cover_outer_use()
    {
        Assert.Equal("require@1:30x1", Globals("{ const require = () => 1; } require('x');"));
    }

    [Fact]
    public void Commonjs_file_with_import_is_parsed_as_module_and_flagged()
    {
        var module = Parse("const a = 1;\n  import x from 'y';\nexport const b = 2;", ModuleFormat.CommonJs);
        Assert.Equal("import", module.EsmSyntax!.Keyword);
        Assert.Equal((2, 3), (module.EsmSyntax.Span.StartLine, module.EsmSyntax.Span.StartColumn));
        Assert.Equal(2, module.EsmSyntax.Count);
    }

    [Fact]
    public void Commonjs_allows_top_level_return_and_dynamic_import()
    {
        var module = Parse("if (x) return;\nimport('y').then(() => 1);", ModuleFormat.CommonJs);
        Assert.Null(module.EsmSyntax);
        Assert.Equal([("y", DependencyKind.DynamicImport)], module.Dependencies.Select(d => (d.Specifier, d.Kind)));
    }

    [Fact]
    public void Syntax_error_is_a_located_problem()
    {
        var (module, problem) = JsLoader.Load("a.js", "const a = 1;\nconst = 2;", ModuleFormat.Esm, "test", null);
        Assert.Null(module);
        Assert.Equal((2, 7), (problem!.Span.StartLine, problem.Span.StartColumn));
    }

    [Fact]
    public void Dependencies_cover_import_export_require()
    {
        var module = Parse("import a from './a.js';\nexport * from './b.js';\nexport { c } from './c.js';\nconst d = require('./d');");
        Assert.Equal(["./a.js", "./b.js", "./c.js", "./d"], module.Dependencies.Select(d => d.Specifier));
    }

    [Theory]
    [InlineData("try { require('./a'); } catch {}", "./a:True")]
    [InlineData("function f() { try { return require('./a'); } catch { return null; } }", "./a:True")]
    [InlineData("try { app.get('/', () => require('./a')); } catch {}", "./a:False")]
    [InlineData("import('./a.js').catch(() => null);", "./a.js:True")]
    [InlineData("require('./a');", "./a:False")]
    public void Loads_inside_try_or_with_catch_are_guarded(string code, string expected) =>
        Assert.Equal(expected, string.Join(",", Parse(code, ModuleFormat.CommonJs).Dependencies.Select(d => $"{d.Specifier}:{d.Guarded}")));

    [Theory]
    [InlineData("use(process.env.A);", "A:Required")]
    [InlineData("use(process.env['A']);", "A:Required")]
    [InlineData("use(process.env[`A`]);", "A:Required")]
    [InlineData("const p = process.env.A || 3000;", "A:Defaulted")]
    [InlineData("const p = process.env.A ?? 3000;", "A:Defaulted")]
    [InlineData("if (process.env.A === 'x') {}", "A:Checked")]
    [InlineData("if (process.env.A) {}", "A:Checked")]
    [InlineData("const x = process.env.A ? 1 : 2;", "A:Checked")]
    [InlineData("if (!process.env.A) { console.warn('x'); }", "A:Checked")]
    [InlineData("if (!process.env.A) { throw new Error('A is required'); }", "A:Required")]
    [InlineData("if (!process.env.A) process.exit(1);", "A:Required")]
    [InlineData("process.env.A = 'set';", "A:Defaulted")]
    [InlineData("const { A, B = 'x', C: c } = process.env;", "A:Required,B:Defaulted,C:Required")]
    [InlineData("const k = 'A'; use(process.env[k]);", "")]
    [InlineData("function f(process) { return process.env.A; }", "")]
    [InlineData("const env = process.env; use(env.A);", "A:Required")]
    [InlineData("const { env } = process; use(env.A || 'x');", "A:Defaulted")]
    [InlineData("import { env } from 'node:process'; use(env.A);", "A:Required")]
    [InlineData("import { cleanEnv, str, port } from 'envalid'; const e = cleanEnv(process.env, { A: str(), B: port({ default: 80 }), C: str({ devDefault: 'x' }) });", "A:Required,B:Defaulted,C:Defaulted")]
    [InlineData("const env = require('env-var'); const a = env.get('A').required().asString(); const b = env.get('B').asString();", "A:Required,B:Checked")]
    [InlineData("import { z } from 'zod'; const S = z.object({ A: z.string().url(), B: z.coerce.number().default(3000), C: z.enum(['x']).optional(), D: z.string().nullish() }).strict(); export const env = S.parse(process.env);", "A:Required,B:Defaulted,C:Checked,D:Checked")]
    [InlineData("const { z } = require('zod'); const r = z.object({ A: z.string(), B: z.string().catch('x') }).safeParse(process.env);", "A:Required,B:Defaulted")]
    [InlineData("import { z } from 'zod'; const S = z.object({ A: z.string() }); S.parse({ A: 'x' });", "")]
    public void Env_reads_are_classified(string code, string expected)
    {
        var reads = Parse(code).EnvReads.Select(r => $"{r.Name}:{r.Kind}");
        Assert.Equal(expected, string.Join(",", reads));
    }

    [Fact]
    public void Schema_and_fallback_literals_are_recorded_and_computed_keys_counted()
    {
        var module = Parse("import { z } from 'zod'; import { cleanEnv, str } from 'envalid';\n"
            + "const a = z.object({ S: z.string().default('keyboard cat') }).parse(process.env);\n"
            + "const b = cleanEnv(process.env, { T: str({ default: 'changeme' }) });\n"
            + "for (const k of ['X', 'Y']) console.log(process.env[k], process.env[`${k}_URL`]);\n");
        Assert.Equal("S=keyboard cat,T=changeme", string.Join(",", module.EnvReads.Select(r => $"{r.Name}={r.DefaultValue}")));
        Assert.Equal(2, module.DynamicEnvReads);
    }

    [Fact]
    public void Deep_nesting_is_a_problem_not_a_crash()
    {
        var code = "const x = " + new string('[', 100_000) + new string(']', 100_000) + ";";
        var (module, problem) = JsLoader.Load("deep.js", code, ModuleFormat.Esm, "test", null);
        Assert.Null(module);
        Assert.Contains("nesting", problem!.Message);
    }
}
