using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ManifestLint.Loading;
using ManifestLint.Model;
using ManifestLint.Reporting;

namespace ManifestLint.Tests;

/// <summary>Hostile and malformed input. Each case states the exact outcome: exit code (through the CLI, or
/// derived from the findings the way `manifestlint` does when run in-process for speed), rule and location of
/// every finding, that a good file next to the hostile one is still linted, that no stack trace reaches stderr,
/// and that the run ends: a hang guard of <see cref="Hostile.Cap"/>, never a speed target. Inputs that could
/// overflow the stack or hang run as a separate `manifestlint` process, which is killed at the cap.
/// All inputs are generated in temp folders; nothing big is committed. Cases already covered elsewhere are not
/// repeated (each group names them). A test whose Skip starts with `known gap:` fails on the current code.</summary>
public class HostileInputTests
{
    /// <summary>A pod with no liveness probe: ML402 at 4:21, the proof that the file next to a hostile one is linted.</summary>
    internal const string OkPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: c, image: nginx}]}\n";
    internal const string OkPodFinding = "ML402 ok.yaml:4:21";

    // Covered elsewhere: ModelTests.YamlLoaderTests (flow nesting through the loader, alias cycles, alias-multiplied
    // Lists and merge keys, duplicate key line, name: 123 and containers: "x"), testdata/ML001 (bad indentation,
    // unclosed flow collections, self-referencing List, Helm chart templates), PrecisionTests (merge keys in labels).
    public class Yaml
    {
        [Theory]
        [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: \"unterminated\n", "6:6")]
        [InlineData("a: b: c\n", "1:5")]
        [InlineData("a:\n  - x\n  y: 1\n", "3:3")]
        [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkey: 'unterminated\n", "5:6")]
        [InlineData("a: &x 1\n? [\n", "3:1")]
        [InlineData("a: !!binary 1\n%YAML 1.2\n", "2:1")]
        public void Syntax_error_is_ML001_at_the_parser_position_and_other_files_are_linted(string yaml, string at)
        {
            using var p = new TestProject().Write("bad.yaml", yaml).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([$"ML001 bad.yaml:{at}", OkPodFinding], Hostile.Findings(result));
            Assert.StartsWith("YAML cannot be parsed: ", result.Findings[0].Message);
        }

        [Theory]
        [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: b\n", "4:1")]
        [InlineData("a:\n  b: 1\n\tc: 2\n", "3:1")]
        [InlineData("a:\n  b: 1\n  c:\t2\n", null)] // a tab after the colon is separation, not indentation: valid YAML
        public void Tab_indentation_is_ML001_at_the_tab(string yaml, string? at)
        {
            using var p = new TestProject().Write("tabs.yaml", yaml).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            string[] expected = at is null ? [OkPodFinding] : [OkPodFinding, $"ML001 tabs.yaml:{at}"];
            Assert.Equal(expected, Hostile.Findings(result));
            Assert.Equal(at is null ? 0 : 1, Hostile.ExitCode(result));
            if (at is not null) Assert.Contains("tab", result.Findings[1].Message, StringComparison.Ordinal);
        }

        /// <summary>Current behaviour, kept: a duplicate key is ML001 at the second key (kubectl refuses it too).</summary>
        [Fact]
        public void Duplicate_key_is_ML001_at_the_second_key_and_other_files_are_linted()
        {
            using var p = new TestProject()
                .Write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  name: d\ndata: {k: v}\n")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML001 dup.yaml:5:3", OkPodFinding], Hostile.Findings(result));
            Assert.Contains("Duplicate key name", result.Findings[0].Message);
        }

        /// <summary>The `worker` container is `<<: *app` plus its own liveness probe: it inherits web's image, port
        /// 8080 and readiness probe, so the only finding is its liveness probe's undeclared port 9090. Unresolved,
        /// worker would have no ports and no readiness probe (ML401 and ML403 elsewhere).</summary>
        [Fact]
        public void Anchors_aliases_and_merge_keys_are_resolved_and_the_containers_linted()
        {
            using var p = new TestProject().Write("k8s/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                        - &app
                          name: web
                          image: nginx:1.27
                          ports: [{containerPort: 8080}]
                          readinessProbe: &probe {tcpSocket: {port: 8080}}
                          livenessProbe: *probe
                        - <<: *app
                          name: worker
                          livenessProbe: {tcpSocket: {port: 9090}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
                """);
            var result = Hostile.Lint(p);
            var deployment = result.Model.Objects.Single(o => o.Kind == "Deployment");
            Assert.Equal(["web", "worker"], deployment.PodTemplate!.Containers.Select(c => c.Name));
            var worker = deployment.PodTemplate.Containers[1];
            Assert.Equal("nginx:1.27", worker.Image);
            Assert.Equal([8080], worker.Ports.Select(x => x.Number));
            Assert.NotNull(worker.ReadinessProbe);
            Assert.Equal(["ML403 k8s/web.yaml:19:45"], Hostile.Findings(result));
        }

        [Theory]
        [InlineData("a: &x 1\n---\nb:\n  c: *x\n", "4:6")]
        [InlineData("b:\n  c: *nope\n", "2:6")]
        public void Alias_to_an_undefined_anchor_is_ML001_at_the_alias(string yaml, string at)
        {
            using var p = new TestProject().Write("alias.yaml", yaml).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([$"ML001 alias.yaml:{at}", OkPodFinding], Hostile.Findings(result));
        }

        /// <summary>Through the CLI: a stack overflow would kill the test host. The root mapping is level 1. Too deep is
        /// not invalid YAML, so it is ML005 (the `maxNestingDepth` limit, a warning), not a parse error.</summary>
        [Theory]
        [InlineData("flow-sequence", "1:259")]
        [InlineData("flow-mapping", "1:1024")]
        [InlineData("block-sequence", "2:513")]
        [InlineData("block-mapping", "1:513")]
        [InlineData("unclosed-flow", "1:259")]
        public void Nesting_100000_deep_is_ML005_at_level_257_without_a_stack_overflow(string shape, string at)
        {
            const int n = 100_000;
            var yaml = shape switch
            {
                "flow-sequence" => "a: " + new string('[', n) + new string(']', n) + "\n",
                "flow-mapping" => "a: " + string.Concat(Enumerable.Repeat("{a: ", n)) + "1" + new string('}', n) + "\n",
                "block-sequence" => "a:\n  " + string.Concat(Enumerable.Repeat("- ", n)) + "x\n",
                "block-mapping" => string.Concat(Enumerable.Repeat("? ", n)) + "x\n", // explicit keys nest block mappings on one line
                _ => "a: " + new string('[', n) + "\n",
            };
            using var p = new TestProject().Write("deep.yaml", yaml).Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal([$"ML005 deep.yaml:{at}", OkPodFinding], Hostile.Findings(run));
            Assert.StartsWith("this YAML nests deeper than 256 levels, so it is not analysed;", Hostile.Messages(run)[0]);
            Assert.Contains("raise `limits.maxNestingDepth` in .manifestlint.yaml", Hostile.Messages(run)[0]);
            Hostile.AssertNoCrash(run);
        }

        [Fact]
        public void File_of_100_MB_is_skipped_with_ML005_and_a_note_on_stderr_and_the_rest_is_linted()
        {
            using var p = new TestProject().Write("ok.yaml", OkPod);
            using (var big = File.Create(Path.Combine(p.Root, "big.yaml")))
            {
                big.SetLength(100L * 1024 * 1024); // sparse: the size check must not need the content
            }
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(["ML005 big.yaml:1:1", OkPodFinding], Hostile.Findings(run));
            Assert.StartsWith("this file is larger than 10485760 bytes (104857600 bytes), so it is not read;", Hostile.Messages(run)[0]);
            Assert.Contains("raise `limits.maxFileBytes`", Hostile.Messages(run)[0]);
            Assert.Contains("manifestlint: skipped big.yaml: larger than 10485760 bytes", run.Stderr);
            Assert.Contains("in 1 file", run.Stderr);
            Hostile.AssertNoCrash(run);
        }

        /// <summary>Current behaviour, kept: a document that is not a mapping is no Kubernetes object and is ignored
        /// without a finding, as are empty and comment-only documents.</summary>
        [Theory]
        [InlineData("just a scalar\n")]
        [InlineData("- apiVersion: v1\n  kind: Pod\n  metadata: {name: in-a-list}\n  spec: {containers: [{name: c, image: nginx}]}\n")]
        [InlineData("null\n")]
        [InlineData("")]
        [InlineData("---\n---\n# only comments\n...\n")]
        [InlineData("42\n---\n[1, 2]\n---\n\"str\"\n")]
        public void Document_that_is_a_scalar_or_a_list_is_ignored(string yaml)
        {
            using var p = new TestProject().Write("doc.yaml", yaml).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding], Hostile.Findings(result));
            Assert.Equal(["Pod/default/ok"], result.Model.Objects.Select(o => o.Ref));
            Assert.Equal(2, result.FilesInScope);
        }

        /// <summary>Wrong shapes read as absent: no crash, the object keeps what can be read. Without apiVersion or a
        /// string kind it is no object; a missing or non-scalar name reads as "" and the object is still linted.</summary>
        [Theory]
        [InlineData("apiVersion: v1\nmetadata: {name: nokind}\nspec: {containers: [{name: c, image: nginx}]}\n", "", "")]
        [InlineData("apiVersion: v1\nkind: [Pod]\nmetadata: {name: listkind}\nspec: {containers: [{name: c, image: nginx}]}\n", "", "")]
        [InlineData("kind: Pod\nmetadata: {name: noapi}\nspec: {containers: [{name: c, image: nginx}]}\n", "", "")]
        [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: 123}\nspec: {containers: [{name: c, image: nginx}]}\n", "Pod/default/123", "ML402 x.yaml:4:21")]
        [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: {a: b}}\nspec: {containers: [{name: c, image: nginx}]}\n", "Pod/default/", "ML402 x.yaml:4:21")]
        [InlineData("apiVersion: v1\nkind: Pod\nspec: {containers: [{name: c, image: nginx}]}\n", "Pod/default/", "ML402 x.yaml:3:21")]
        [InlineData("apiVersion: v1\nkind: Pod\nmetadata: \"x\"\nspec: {containers: \"x\"}\n", "Pod/default/", "")]
        [InlineData("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: nginx, ports: null, env: null, envFrom: 3, command: {a: 1}, readinessProbe: null, livenessProbe: [1]}]}\n", "Pod/default/p", "ML402 x.yaml:4:21")]
        [InlineData("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: \"x\", ports: [{port: \"abc\", targetPort: {a: 1}}, null, 7]}\n", "Service/default/s", "")]
        [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: 5, template: [1]}\n", "Deployment/default/d", "ML210 x.yaml:4:8")] // selector: 5 matches no template labels
        public void Kind_and_name_missing_or_of_the_wrong_type_read_as_absent(string yaml, string objectRef, string finding)
        {
            using var p = new TestProject().Write("x.yaml", yaml).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            var refs = new List<string> { "Pod/default/ok" };
            if (objectRef.Length > 0) refs.Add(objectRef);
            var findings = new List<string> { OkPodFinding };
            if (finding.Length > 0) findings.Add(finding);
            Assert.Equal(refs.Order(StringComparer.Ordinal), result.Model.Objects.Select(o => o.Ref).Order(StringComparer.Ordinal));
            Assert.Equal(findings.Order(StringComparer.Ordinal), Hostile.Findings(result).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Unknown_kinds_and_custom_resources_are_ignored()
        {
            using var p = new TestProject()
                .Write("crd.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n" +
                    "spec: {group: example.com, names: {kind: Widget, plural: widgets}, scope: Namespaced, versions: [{name: v1, served: true, storage: true}]}\n")
                .Write("widget.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n" +
                    "spec: {template: {spec: {containers: [{name: c, image: nginx, readinessProbe: {httpGet: {port: 1}}}]}}, containers: 3}\n")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding], Hostile.Findings(result));
            Assert.Null(result.Model.Objects.Single(o => o.Kind == "Widget").PodTemplate);
        }

        /// <summary>Current, documented behaviour: only *.yaml/*.yml are manifests. A `.json` manifest (which
        /// `kubectl apply -f` accepts) is not read, not counted, and not mentioned on stderr.</summary>
        [Fact]
        public void Json_manifests_are_not_read()
        {
            using var p = new TestProject()
                .Write("pod.json", """{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "json"}, "spec": {"containers": [{"name": "c", "image": "nginx"}]}}""")
                .Write("broken.json", "{ not json")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal([OkPodFinding], Hostile.Findings(result));
            Assert.Equal(["Pod/default/ok"], result.Model.Objects.Select(o => o.Ref));
            Assert.Equal(1, result.FilesInScope);
            Assert.Empty(result.Skipped);
        }

        [Fact]
        public void Bom_and_crlf_keep_lines_and_columns_and_code_frames_have_no_cr()
        {
            using var p = new TestProject()
                .WriteBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(OkPod)])
                .Write("crlf.yaml", OkPod.Replace("{name: ok}", "{name: crlf}").Replace("\n", "\r\n"))
                .Write("crlf-bad.yaml", "apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: b\r\ndata:\r\n  k: [1\r\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML402 bom.yaml:4:21", "ML001 crlf-bad.yaml:7:1", "ML402 crlf.yaml:4:21"], Hostile.Findings(result));
            Assert.DoesNotContain("\r", Hostile.Report(result, "text"));
        }

        /// <summary>kubectl (go-yaml) refuses a manifest that is not UTF-8 ("invalid leading UTF-8 octet"): ML001 at the
        /// first such byte (a Latin-1 `é` on line 4, column 29; a PNG named .yaml at its first byte).</summary>
        [Theory]
        [InlineData("latin1", "4:29")]
        [InlineData("png", "1:1")]
        public void Invalid_utf8_is_ML001_at_the_byte(string kind, string at)
        {
            byte[] bytes = kind == "latin1"
                ? Encoding.Latin1.GetBytes("apiVersion: v1\nkind: Pod\nmetadata: {name: latin}\nspec: {containers: [{name: c\u00e9, image: nginx}]}\n")
                : [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 256).Select(i => (byte)(i * 7 + 3))];
            using var p = new TestProject().WriteBytes("x.yaml", bytes).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding, $"ML001 x.yaml:{at}"], Hostile.Findings(result));
            Assert.Contains("UTF-8", result.Findings[1].Message);
        }

        [Theory]
        [InlineData("nul", "4:4")]
        [InlineData("binary", "1:9")]
        public void Nul_bytes_and_binary_named_yaml_are_ML001_and_other_files_are_linted(string kind, string at)
        {
            // Both are valid UTF-8 (control bytes, no byte above 0x7F): the invalid-UTF-8 case is its own test.
            byte[] bytes = kind == "nul"
                ? [.. Encoding.ASCII.GetBytes("apiVersion: v1\nkind: Pod\nmetadata: {name: nul}\n"), 0, 0, 0, 1, 2, .. Encoding.ASCII.GetBytes("binary\n")]
                : [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. Enumerable.Range(0, 256).Select(i => (byte)((i * 7 + 3) & 0x7F))];
            using var p = new TestProject().WriteBytes("x.yaml", bytes).Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding, $"ML001 x.yaml:{at}"], Hostile.Findings(result));
        }

        /// <summary>`{{ }}` outside a chart is skipped with a note when it does not parse; a chart's templates folder
        /// is skipped as a whole (ML004: testdata/ML001/good-helm-chart-templates). Valid YAML that only quotes
        /// `{{ }}` is linted as written.</summary>
        [Fact]
        public void Helm_templates_are_skipped_with_a_note_not_reported_as_parse_errors()
        {
            using var p = new TestProject()
                .Write("helmish.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  {{- range .Values.x }}\n  a: b\n  {{- end }}\n")
                .Write("quoted.yaml", OkPod.Replace("{name: ok}", "{name: \"{{ .Release.Name }}\"}"))
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding, "ML402 quoted.yaml:4:21"], Hostile.Findings(result));
            var skipped = Assert.Single(result.Skipped);
            Assert.Equal("helmish.yaml", skipped.RelativePath);
            Assert.StartsWith("template syntax ({{ }})", skipped.Reason);
        }
    }

    // Covered elsewhere: testdata/ML001/bad-package-json-trailing-garbage.
    public class PackageJson
    {
        [Theory]
        [InlineData("{\n  \"name\": \"a\",\n  \"type\": \"module\"\n  \"main\": \"index.js\"\n}\n", "4:3")]
        [InlineData("{\n  \"name\": \"a\",\n  \"type\": \"module\",\n  \"main\": \"index.js\",\n}\n", "5:1")]
        [InlineData("", "1:1")]
        [InlineData("{\n  \"name\": \"a\",\n  \"type\": \"mod", "3:15")]
        [InlineData("{ \"name\": 'a' }\n", "1:11")]
        public void Syntax_error_is_ML001_at_the_token_and_other_files_are_linted(string json, string at)
        {
            using var p = new TestProject()
                .Write("package.json", json)
                .Write("index.js", "module.exports = 1;\n")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding, $"ML001 package.json:{at}"], Hostile.Findings(result));
            Assert.StartsWith("JSON cannot be parsed: ", result.Findings[1].Message);
        }

        /// <summary>Node's package.json reader is JSON.parse: `node index.js` dies with
        /// `SyntaxError: Error parsing …/package.json: Expected property name or '}' in JSON at position 4` (Node 20.20.2).</summary>
        [Fact]
        public void Comments_are_ML001_because_node_refuses_them()
        {
            using var p = new TestProject()
                .Write("package.json", "{\n  // comment\n  \"name\": \"a\",\n  \"type\": \"module\", /* c */\n  \"main\": \"index.js\"\n}\n")
                .Write("index.js", "module.exports = 1;\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML001 package.json:2:3"], Hostile.Findings(result));
        }

        /// <summary>Node strips a UTF-8 BOM from package.json (checked on Node 20.20.2): `"type": "module"` holds.</summary>
        [Fact]
        public void Bom_is_accepted_and_the_type_honoured()
        {
            using var p = new TestProject()
                .WriteBytes("package.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\n  \"name\": \"a\",\n  \"type\": \"module\",\n  \"main\": \"index.js\"\n}\n")])
                .Write("index.js", "const x = require('x');\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML101 index.js:1:11"], Hostile.Findings(result));
            var span = result.Model.Packages[""].TypeSpan!.Value;
            Assert.Equal((3, 11), (span.StartLine, span.StartColumn));
        }

        /// <summary>Node ignores a `type` that is not "module"/"commonjs" whatever its JSON type (Node 20.20.2 runs the
        /// package typeless, with MODULE_TYPELESS_PACKAGE_JSON), which is what ML109 is for.</summary>
        [Theory]
        [InlineData("1")]
        [InlineData("true")]
        [InlineData("[\"module\"]")]
        [InlineData("{\"module\": true}")]
        public void Type_of_the_wrong_json_type_is_ML109_at_the_value(string value)
        {
            using var p = new TestProject()
                .Write("package.json", "{\n  \"name\": \"a\",\n  \"type\": " + value + ",\n  \"main\": \"index.js\"\n}\n")
                .Write("index.js", "module.exports = 1;\n");
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result)); // ML109 is a warning
            Assert.Equal(["ML109 package.json:3:11"], Hostile.Findings(result));
        }

        [Fact]
        public void Nesting_100000_deep_is_ML001_at_the_bracket_past_the_limit()
        {
            const int n = 100_000;
            using var p = new TestProject()
                .Write("package.json", "{\"name\": \"a\", \"type\": \"module\", \"x\": " + new string('[', n) + new string(']', n) + "}")
                .Write("index.js", "module.exports = 1;\n")
                .Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(1, run.ExitCode);
            Assert.Equal([OkPodFinding, "ML001 package.json:1:293"], Hostile.Findings(run));
            Assert.Contains("maximum configured depth of 256", Hostile.Messages(run)[1]);
            Hostile.AssertNoCrash(run);
        }

        [Fact]
        public void File_over_the_size_cap_is_skipped_with_a_note()
        {
            using var p = new TestProject()
                .Write("package.json", "{ \"name\": \"a\", \"type\": \"module\", \"description\": \"" + new string('x', 11 * 1024 * 1024) + "\" }")
                .Write("index.js", "export default 1;\n")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding, "ML005 package.json:1:1"], Hostile.Findings(result));
            var skipped = Assert.Single(result.Skipped);
            Assert.Equal(("package.json", "larger than 10485760 bytes (11534388 bytes)", "maxFileBytes"), (skipped.RelativePath, skipped.Reason, skipped.Limit));
        }

        /// <summary>Node reads a package.json with a Latin-1 byte in a string and honours its `type` (Node 20.20.2 runs
        /// index.js as an ES module), so ManifestLint must read it too. Through the CLI: today it crashes.</summary>
        [Fact]
        public void Invalid_utf8_is_read_as_node_reads_it_without_a_crash()
        {
            using var p = new TestProject()
                .WriteBytes("package.json", Encoding.Latin1.GetBytes("{\n  \"name\": \"caf\u00e9\",\n  \"type\": \"module\",\n  \"main\": \"index.js\"\n}\n"))
                .Write("index.js", "const x = require('x');\n")
                .Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Hostile.AssertNoCrash(run);
            Assert.Equal(1, run.ExitCode);
            Assert.Equal(["ML101 index.js:1:11", OkPodFinding], Hostile.Findings(run));
        }
    }

    // Covered elsewhere: testdata/ML001/bad-js-syntax-in-entry (error in the entry), good-jsx-in-react-app (front-end
    // JSX is not judged), JsFactsTests (syntax error position, deep arrays through the loader).
    public class JavaScript
    {
        private static TestProject NodeApp(string entry) => new TestProject()
            .Write("package.json", """{ "name": "app", "type": "module", "main": "index.js" }""")
            .Write("index.js", entry);

        [Theory]
        [InlineData("export function f() {\n  return 1 +;\n}\n", "2:13")]
        [InlineData("export const s = 'unterminated;\n", "1:18")]
        [InlineData("export function f() {\n  return 1;\n", "3:1")]
        [InlineData("export const a = 1;\nexport const a = 2;\n", "2:14")]
        public void Syntax_error_is_ML001_at_the_parser_position_and_other_modules_are_linted(string code, string at)
        {
            using var p = NodeApp("import './bad.js';\nimport './ok.js';\n")
                .Write("bad.js", code)
                .Write("ok.js", "const fs = require('fs');\nexport default fs;\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal([$"ML001 bad.js:{at}", "ML101 ok.js:1:12"], Hostile.Findings(result));
        }

        /// <summary>Node fails on these too (`RangeError: Maximum call stack size exceeded`), so ML001 is right, on the
        /// file's only line (today always at 1:1). Left-associative chains (`1+1+…`) parse iteratively in Node and
        /// Acornima alike: no finding.</summary>
        [Theory]
        [InlineData("arrays")]
        [InlineData("parentheses")]
        [InlineData("blocks")]
        [InlineData("calls")]
        [InlineData("objects")]
        [InlineData("arrows")]
        [InlineData("ifs")]
        [InlineData("unary")]
        [InlineData("conditionals")]
        [InlineData("templates")]
        [InlineData("assignments")]
        [InlineData("unclosed")]
        [InlineData("binary-chain")]
        public void Nesting_100000_deep_is_ML001_without_a_stack_overflow(string shape)
        {
            const int n = 100_000;
            string Rep(string s) => string.Concat(Enumerable.Repeat(s, n));
            var code = shape switch
            {
                "arrays" => "export const a = " + Rep("[") + Rep("]") + ";\n",
                "parentheses" => "export const a = " + Rep("(") + "1" + Rep(")") + ";\n",
                "blocks" => Rep("{") + Rep("}") + "\n",
                "calls" => "export const a = " + Rep("f(") + Rep(")") + ";\n",
                "objects" => "export const a = " + Rep("{a:") + "1" + Rep("}") + ";\n",
                "arrows" => "export const a = " + Rep("()=>") + "1;\n",
                "ifs" => Rep("if(1)") + ";\n",
                "unary" => "export const a = " + Rep("!") + "1;\n",
                "conditionals" => "export const a = " + Rep("1?1:") + "1;\n",
                "templates" => "export const a = " + Rep("`${") + "1" + Rep("}`") + ";\n",
                "assignments" => "let a; a = " + Rep("a = ") + "1; export { a };\n",
                "unclosed" => "export const a = " + Rep("[") + ";\n",
                _ => "export const a = " + Rep("1+") + "1;\n",
            };
            using var p = NodeApp("import './deep.js';\nconst r = require('x');\n").Write("deep.js", code);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(1, run.ExitCode);
            var findings = Hostile.Findings(run);
            if (shape == "binary-chain")
            {
                Assert.Equal(["ML101 index.js:2:11"], findings);
            }
            else
            {
                // The column is where the parser ran out of stack, which depends on the thread's stack size.
                Assert.Equal(2, findings.Count);
                Assert.StartsWith("ML001 deep.js:1:", findings[0], StringComparison.Ordinal);
                Assert.Equal("ML101 index.js:2:11", findings[1]);
                Assert.Contains("nesting is too deep", Hostile.Messages(run)[0]);
            }
            Hostile.AssertNoCrash(run);
        }

        /// <summary>The same below line 1: ML001 belongs on the line where the nesting gets too deep, not at 1:1
        /// ("Line 1 everywhere is a bug", DESIGN.md §5).</summary>
        [Fact]
        public void Nesting_100000_deep_below_line_1_is_ML001_on_its_line()
        {
            var code = "// header\nexport const ok = 1;\n\nexport const a = " + new string('[', 100_000) + new string(']', 100_000) + ";\n";
            using var p = NodeApp("import './deep.js';\n").Write("deep.js", code);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(1, run.ExitCode);
            Assert.StartsWith("ML001 deep.js:4:", Assert.Single(Hostile.Findings(run)), StringComparison.Ordinal);
            Hostile.AssertNoCrash(run);
        }

        [Fact]
        public void Hashbang_entry_is_parsed_and_positions_after_it_are_exact()
        {
            using var p = NodeApp("#!/usr/bin/env node\nimport fs from 'node:fs';\nconst r = require('x');\nexport default fs;\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML101 index.js:3:11"], Hostile.Findings(result));
        }

        /// <summary>JSX that Node would load (reached from the entry) crashes it with `SyntaxError: Unexpected token
        /// '<'`: ML001 at the `<`. JSX that Node never loads is not judged.</summary>
        [Fact]
        public void Jsx_in_js_under_a_node_package_is_ML001_only_where_node_loads_it()
        {
            using var p = NodeApp("import { View } from './view.js';\nexport default View;\n")
                .Write("view.js", "export const View = () => (\n  <div>hi</div>\n);\n")
                .Write("client/App.js", "export const App = () => <main>never loaded by node</main>;\n");
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML001 view.js:2:3"], Hostile.Findings(result));
        }

        /// <summary>TypeScript is not read (*.ts, *.mts, *.tsx): no parse errors, not counted.</summary>
        [Fact]
        public void Typescript_files_are_not_read()
        {
            using var p = NodeApp("export default 1;\n")
                .Write("src/a.ts", "const x: number = ;\n")
                .Write("src/b.mts", "export type T = {;\n")
                .Write("src/c.tsx", "export const C = (): JSX.Element => <div>;\n")
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding], Hostile.Findings(result));
            Assert.Equal(3, result.FilesInScope); // package.json, index.js, ok.yaml
        }

        /// <summary>Node decodes invalid UTF-8 in source as U+FFFD and runs the file, so a Latin-1 byte is no parse
        /// error; a UTF-16 file is one (Node: `SyntaxError: Invalid or unexpected token`).</summary>
        [Fact]
        public void Non_utf8_files_are_linted_as_node_decodes_them()
        {
            using var p = NodeApp("import './latin.js';\nimport './utf16.js';\n")
                .WriteBytes("latin.js", Encoding.Latin1.GetBytes("const s = 'caf\u00e9';\nconst r = require('x');\nexport default s;\n"))
                .WriteBytes("utf16.js", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("export const u = 1;\n")]);
            var result = Hostile.Lint(p);
            Assert.Equal(1, Hostile.ExitCode(result));
            Assert.Equal(["ML101 latin.js:2:11", "ML001 utf16.js:1:1"], Hostile.Findings(result));
        }
    }

    // Covered elsewhere: ModelTests.DockerfileTests (multi-stage inheritance, global ARG in FROM, JSON and shell CMD).
    public class Dockerfile
    {
        /// <summary>Heredoc bodies (BuildKit, `# syntax=docker/dockerfile:1`) are file or script content, not
        /// instructions: a Python `from` line or a `cmd` word inside one must not start a stage or set anything.</summary>
        [Theory]
        [InlineData("RUN <<EOF python3\nfrom pathlib import Path\nprint(Path.cwd())\nEOF\n")]
        [InlineData("COPY <<EOF /app/notes.txt\ncmd is a word, not an instruction\nworkdir too\nEOF\n")]
        [InlineData("RUN <<-EOT bash\n\tenv NODE_ENV=development npm run build\nEOT\n")]
        public void Heredoc_bodies_are_not_instructions(string heredoc)
        {
            var recipe = DockerfileLoader.Load("Dockerfile",
                "# syntax=docker/dockerfile:1\nFROM node:20-alpine\nWORKDIR /app\nCOPY . .\n" + heredoc + "CMD [\"node\", \"server.js\"]\n");
            Assert.Single(recipe.Stages);
            Assert.Equal("node:20-alpine", recipe.Final!.BaseImage);
            Assert.Equal("/app", recipe.Final.WorkDir);
            Assert.Empty(recipe.Final.Env);
            Assert.Equal(["node", "server.js"], recipe.Final.Command);
        }

        /// <summary>Continuations join (comment lines inside are dropped); a command that is not valid JSON is shell
        /// form, as Docker runs it (`/bin/sh -c`), so it is split into words and never read as `node server.js`.</summary>
        [Theory]
        [InlineData("CMD [\"node\", \\\n    \"server.js\"]\n", "node|server.js")]
        [InlineData("CMD node \\\n  # a comment inside the continuation\n  server.js\n", "node|server.js")]
        [InlineData("CMD node server.js \\\n", "node|server.js")] // continuation at end of file
        [InlineData("CMD [\"node\", 'server.js']\n", "[node,|server.js]")]
        [InlineData("CMD [\"node\", 1]\n", "[node,|1]")]
        [InlineData("CMD [\"node\", \"server.js\"\n", "[node,|server.js")]
        [InlineData("CMD []\n", "")]
        [InlineData("ENTRYPOINT [\"node\"]\nCMD [\"server.js\"]\n", "node|server.js")]
        public void Continuations_and_command_forms(string tail, string command)
        {
            var recipe = DockerfileLoader.Load("Dockerfile", "FROM node:20\nWORKDIR /app\n" + tail);
            Assert.Equal(command, string.Join("|", recipe.Final!.Command));
        }

        [Theory]
        [InlineData("ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-alpine\n", "node:22-alpine")]
        [InlineData("ARG NODE_VERSION=\"22\"\nFROM node:$NODE_VERSION\n", "node:22")]
        [InlineData("ARG NODE_VERSION\nFROM node:${NODE_VERSION}-alpine\n", "node:${NODE_VERSION}-alpine")] // no default: unknown (README)
        [InlineData("ARG NODE=18\nARG NODE_VERSION=20\nFROM node:$NODE_VERSION-alpine\n", "node:20-alpine")]
        [InlineData("ARG NODE_VERSION\nFROM node:${NODE_VERSION:-20}-alpine\n", "node:20-alpine")]
        [InlineData("ARG V=22\nARG BASE=node:${V}-slim\nFROM ${BASE}\n", "node:22-slim")]
        public void Arg_substituted_tags(string dockerfile, string image)
        {
            var recipe = DockerfileLoader.Load("Dockerfile", dockerfile);
            Assert.Equal(image, ManifestLint.Linking.Dockerfiles.FinalBase(recipe)!.BaseImage);
        }

        [Fact]
        public void Multi_stage_chains_follow_aliases_case_insensitively()
        {
            var recipe = DockerfileLoader.Load("api/Dockerfile", """
                FROM --platform=$BUILDPLATFORM node:22-slim AS deps
                WORKDIR /app
                ENV NODE_ENV=production
                FROM deps AS Build
                RUN npm run build
                FROM gcr.io/distroless/nodejs22-debian12 AS runtime
                COPY --from=build /app /app
                WORKDIR /app
                CMD ["dist/server.js"]
                FROM RUNTIME
                """);
            Assert.Equal(4, recipe.Stages.Count);
            Assert.Equal("gcr.io/distroless/nodejs22-debian12", ManifestLint.Linking.Dockerfiles.FinalBase(recipe)!.BaseImage);
            Assert.Equal(["dist/server.js"], recipe.Final!.Command);
            Assert.Equal("production", recipe.Stages[1].Env["NODE_ENV"]);
            Assert.Equal(10, recipe.Final.Span.StartLine);
        }

        [Fact]
        public void Garbage_is_read_without_findings_and_other_files_are_linted()
        {
            var garbage = new StringBuilder("\0\u0001\u0002 FROM\nFROM\nFROM  \nAS AS AS\nCMD\nENV =\nENV ==\nEXPOSE abc/def 99999999999999 -1\nWORKDIR\nCOPY\n")
                .Append("RUN ").Append('x', 1_000_000).Append('\n')
                .Append(new string('\\', 5000)).Append('\n')
                .Append("FROM node:20 AS a AS b\nENV A\nENV \"B=\nCMD [\"unterminated\n");
            byte[] binary = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))];
            using var p = new TestProject()
                .Write("Dockerfile", garbage.ToString())
                .WriteBytes("Dockerfile.bin", binary)
                .WriteBytes("web/app.dockerfile", binary)
                .Write("ok.yaml", OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(0, Hostile.ExitCode(result));
            Assert.Equal([OkPodFinding], Hostile.Findings(result));
            Assert.Equal(3, result.Model.Images.Count);
        }
    }

    // Covered elsewhere: LinkerTests.DiscoveryTests (symlinks out of the root, a folder link to the root, oversized
    // files, through the loader); CliEndToEndTests.Usage_errors_exit_2_without_a_stack_trace (a lone missing path).
    public class FileSystem
    {
        [Fact]
        public void Symlink_loops_are_skipped_with_a_note_on_stderr_and_the_run_ends()
        {
            using var p = new TestProject().Write("ok.yaml", OkPod);
            File.CreateSymbolicLink(Path.Combine(p.Root, "loop1.yaml"), "loop2.yaml");
            File.CreateSymbolicLink(Path.Combine(p.Root, "loop2.yaml"), "loop1.yaml");
            File.CreateSymbolicLink(Path.Combine(p.Root, "dangling.yaml"), "nowhere.yaml");
            Directory.CreateSymbolicLink(Path.Combine(p.Root, "self"), ".");
            Directory.CreateSymbolicLink(Path.Combine(p.Root, "up"), "..");
            Directory.CreateDirectory(Path.Combine(p.Root, "a/b"));
            Directory.CreateSymbolicLink(Path.Combine(p.Root, "a/b/back"), "../..");
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal([OkPodFinding], Hostile.Findings(run));
            foreach (var link in new[] { "a/b/back", "dangling.yaml", "loop1.yaml", "loop2.yaml", "self", "up" })
            {
                Assert.Contains($"manifestlint: skipped {link}: symbolic link not followed", run.Stderr);
            }
            Hostile.AssertNoCrash(run);
        }

        [Fact]
        public void Symlinks_out_of_the_root_are_not_followed_and_noted_on_stderr()
        {
            using var outside = new TestProject().Write("broken.yaml", "a: [\n").Write("sub/pod.yaml", OkPod);
            using var p = new TestProject().Write("ok.yaml", OkPod).Write("k8s/inside.yaml", OkPod.Replace("{name: ok}", "{name: in}"));
            File.CreateSymbolicLink(Path.Combine(p.Root, "outside.yaml"), Path.Combine(outside.Root, "broken.yaml"));
            File.CreateSymbolicLink(Path.Combine(p.Root, "relative-out.yaml"), "../" + Path.GetFileName(outside.Root) + "/broken.yaml");
            Directory.CreateSymbolicLink(Path.Combine(p.Root, "outdir"), Path.Combine(outside.Root, "sub"));
            File.CreateSymbolicLink(Path.Combine(p.Root, "inside-link.yaml"), "k8s/inside.yaml");
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(["ML402 inside-link.yaml:4:21", "ML402 k8s/inside.yaml:4:21", OkPodFinding], Hostile.Findings(run));
            foreach (var link in new[] { "outdir", "outside.yaml", "relative-out.yaml" })
            {
                Assert.Contains($"manifestlint: skipped {link}: symbolic link not followed", run.Stderr);
            }
            Hostile.AssertNoCrash(run);
        }

        /// <summary>chmod 000: the unreadable file is ML001 at 1:1 (a file-level problem) and the unreadable folder a
        /// note; the rest is linted. Root reads anything, so the test skips when a probe read still succeeds.</summary>
        [SkippableFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void Unreadable_files_and_folders_are_reported_and_the_run_continues()
        {
            Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "POSIX permissions only");
            using var p = new TestProject().Write("ok.yaml", OkPod).Write("secret.yaml", OkPod).Write("locked/x.yaml", "a: [\n");
            var secret = Path.Combine(p.Root, "secret.yaml");
            var locked = Path.Combine(p.Root, "locked");
            File.SetUnixFileMode(secret, UnixFileMode.None);
            File.SetUnixFileMode(locked, UnixFileMode.None);
            try
            {
                var probeRead = true;
                try { File.ReadAllBytes(secret); } catch (UnauthorizedAccessException) { probeRead = false; }
                Skip.If(probeRead, "running as root (or with CAP_DAC_OVERRIDE): chmod 000 does not stop reads");
                var run = Hostile.Cli(p.Root, "--format", "json");
                Assert.Equal(1, run.ExitCode);
                Assert.Equal([OkPodFinding, "ML001 secret.yaml:1:1"], Hostile.Findings(run));
                Assert.Contains("cannot be read", Hostile.Messages(run)[1]);
                Assert.Contains("manifestlint: skipped locked: folder cannot be read", run.Stderr);
                Hostile.AssertNoCrash(run);
            }
            finally
            {
                File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        [Fact]
        public void Missing_path_next_to_a_good_one_exits_2_and_reports_nothing()
        {
            using var p = new TestProject().Write("ok.yaml", OkPod);
            var missing = Path.Combine(p.Root, "no such dir");
            var run = Hostile.Cli(p.Root, p.Root, missing);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.Contains($"manifestlint: path not found: {missing}", run.Stderr);
            Hostile.AssertNoCrash(run);
        }

        [Fact]
        public void File_names_with_spaces_unicode_and_newlines_are_reported_exactly()
        {
            var names = new[] { "with space.yaml", "\u00fcn\u00efc\u00f8d\u00e9-\u65e5\u672c.yaml", "new\nline.yaml", "tab\there.yaml", "100%,x:y.yaml" };
            using var p = new TestProject();
            foreach (var name in names) p.Write(name, OkPod);
            var result = Hostile.Lint(p);
            Assert.Equal(names.Order(StringComparer.Ordinal).Select(n => $"ML402 {n}:4:21"), Hostile.Findings(result));
            var json = JsonDocument.Parse(Hostile.Report(result, "json")).RootElement.GetProperty("findings").EnumerateArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), json.Select(f => f.GetProperty("file").GetString()));
            var github = Hostile.Report(result, "github").Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(names.Length, github.Length); // a newline in a name cannot forge a second workflow command
            Assert.Contains(github, l => l.StartsWith("::warning file=new%0Aline.yaml,line=4,", StringComparison.Ordinal));
            Assert.Contains(github, l => l.StartsWith("::warning file=100%25%2Cx%3Ay.yaml,line=4,", StringComparison.Ordinal));
        }
    }

    // Covered elsewhere: CliEndToEndTests (--format xml, --no-such-option, --fail-on sometimes, does/not/exist, unknown
    // key `rulez`, atomic --output), ModelTests.ConfigTests (unknown rule, bad level, wrong section types).
    public class CliAndConfig
    {
        [Theory]
        [InlineData("--color", "rainbow")]
        [InlineData("--node-version", "lts")]
        [InlineData("--output")]
        [InlineData("--format")]
        [InlineData("rules", "--format", "yaml")]
        [InlineData("explain")]
        [InlineData("baseline", "write")]
        [InlineData("--baseline", "/nonexistent/baseline.json")]
        [InlineData("--config", "/nonexistent/.manifestlint.yaml")]
        public void More_usage_errors_exit_2_without_a_stack_trace(params string[] args)
        {
            using var p = new TestProject().Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, args);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.StartsWith("manifestlint: ", run.Stderr);
            Hostile.AssertNoCrash(run);
        }

        /// <summary>In-process: the CLI prints `manifestlint: configuration error: {message}` and exits 2 for any
        /// ConfigException (CliEndToEndTests.Unknown_config_key_exits_2_with_its_location).</summary>
        [Theory]
        [InlineData("rules: [a\n", ".manifestlint.yaml:2:1: invalid YAML")]
        [InlineData("rules:\n  ML101: \"off\n", ".manifestlint.yaml:2:10: invalid YAML")]
        [InlineData("rules:\n  ML101: off\n  ML101: error\n", ".manifestlint.yaml:3:3: invalid YAML: Duplicate key ML101")]
        [InlineData("DEEP", ".manifestlint.yaml:1:263: invalid YAML: nesting is deeper than 256 levels")]
        [InlineData("external:\n  envs: [A]\n", ".manifestlint.yaml:2:3: unknown key `external.envs`")]
        [InlineData("apps:\n  - src: api\n    workload: api\n", ".manifestlint.yaml:2:5: unknown key `src` in an `apps` entry")]
        [InlineData("maxFileBytes: 99999999999999999999999\n", ".manifestlint.yaml:1:15: `maxFileBytes` must be a positive number")]
        [InlineData("node: lts\n", ".manifestlint.yaml:1:7: `node` must be a version")]
        [InlineData("limits:\n  maxNestingDepth: 5000\n", ".manifestlint.yaml:2:20: `maxNestingDepth` must be at most 2000")]
        [InlineData("limits:\n  maxScopeDeclarations: -1\n", ".manifestlint.yaml:2:25: `maxScopeDeclarations` must be a positive number")]
        [InlineData("limits:\n  maxDepth: 3\n", ".manifestlint.yaml:2:3: unknown key `limits.maxDepth`")]
        [InlineData("limits: 5\n", ".manifestlint.yaml:1:9: `limits` must be a mapping")]
        [InlineData("rules:\n\tML101: off\n", ".manifestlint.yaml:2:1: invalid YAML")]
        [InlineData("rules: *nope\n", ".manifestlint.yaml:1:8: invalid YAML")]
        public void Invalid_config_is_an_error_at_file_line_col(string config, string expected)
        {
            if (config == "DEEP") config = "rules: " + new string('[', 100_000) + new string(']', 100_000) + "\n";
            using var p = new TestProject().Write(".manifestlint.yaml", config).Write("ok.yaml", OkPod);
            var error = Hostile.Bounded(() => Assert.Throws<Config.ConfigException>(() => p.Lint()), "lint");
            Assert.StartsWith(expected, error.Message);
        }

        [Fact]
        public void Output_into_a_missing_folder_or_onto_a_folder_exits_2_and_leaves_nothing_behind()
        {
            using var p = new TestProject().Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json", "--output", Path.Combine(p.Root, "no", "such", "dir", "report.json"));
            Assert.Equal(2, run.ExitCode);
            Assert.Equal("", run.Stdout);
            Assert.Contains($"manifestlint: cannot write {Path.Combine(p.Root, "no", "such", "dir", "report.json")}: the folder {Path.Combine(p.Root, "no", "such", "dir")} does not exist", run.Stderr);
            Assert.DoesNotContain(".tmp", run.Stderr);
            Assert.False(Directory.Exists(Path.Combine(p.Root, "no")));
            Hostile.AssertNoCrash(run);

            var folder = Path.Combine(p.Root, "out");
            Directory.CreateDirectory(folder);
            var onto = Hostile.Cli(p.Root, "--output", folder);
            Assert.Equal(2, onto.ExitCode);
            Assert.Contains($"manifestlint: cannot write {folder}: {folder} is a folder; give a file name", onto.Stderr);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
            Assert.Equal([".manifestlint.yaml", "ok.yaml", "out"], Directory.GetFileSystemEntries(p.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Hostile.AssertNoCrash(onto);
        }

        /// <summary>`--output /dev/null` (a common way to keep only the exit code) writes to the device: the atomic
        /// rename would replace /dev/null with a regular file, for every process on the machine, when run as root.</summary>
        [SkippableFact]
        public void Output_to_dev_null_writes_to_the_device_and_leaves_it_a_device()
        {
            Skip.IfNot(OperatingSystem.IsLinux(), "/dev/null and stat(1) as on Linux");
            using var p = new TestProject().Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json", "--output", "/dev/null");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal("", run.Stdout);
            var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", "-c %F /dev/null") { RedirectStandardOutput = true })!;
            var type = stat.StandardOutput.ReadToEnd().Trim();
            stat.WaitForExit();
            Assert.Equal("character special file", type);
            Hostile.AssertNoCrash(run);
        }

        /// <summary>Beyond the issue's list, same class of input: messages and code frames quote the linted files, so an
        /// ESC or BEL from a YAML string or comment must not reach the terminal raw (OSC sequences retitle the window,
        /// write the clipboard with OSC 52, forge hyperlinks). JSON and github output escape them already.</summary>
        [Fact]
        public void Control_characters_from_linted_files_do_not_reach_the_terminal_raw()
        {
            using var p = new TestProject()
                .Write("pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: \"c\\e]52;c;cHduZWQ=\\a\\e[2J\", image: nginx}]} # \u001b[31mred\n");
            var result = Hostile.Lint(p);
            Assert.Equal(["ML402 pod.yaml:4:21"], Hostile.Findings(result));
            var text = Hostile.Report(result, "text");
            Assert.DoesNotContain('\u001b', text);
            Assert.DoesNotContain('\a', text);
        }
    }

    /// <summary>The slow inputs, one at a time (after the parallel classes) so the guard measures the input.</summary>
    [Collection(HostileHeavyCollection.Name)]
    public class Heavy
    {
        /// <summary>Billion laughs through the whole pipeline: each level repeats the previous one ten times (10^9
        /// leaves if expanded), reached through container args, command, env, volumes, pod labels merged with `<<`
        /// and ConfigMap data merged with `<<`. ModelTests.Alias_multiplied_lists_and_merge_keys_stay_linear covers
        /// the loader and YamlNav alone.</summary>
        [Fact]
        public void Billion_laughs_alias_bomb_is_not_expanded()
        {
            var yaml = new StringBuilder("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: bomb\n  annotations:\n    l0: &l0 \"lol\"\n");
            for (var i = 1; i <= 9; i++) yaml.Append($"    l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
            yaml.Append("  labels: &m0 {app: bomb}\n");
            yaml.Append("spec:\n  selector: {matchLabels: {app: bomb}}\n  template:\n    metadata:\n      labels:\n        <<: [")
                .Append(string.Join(", ", Enumerable.Repeat("*m0", 12))).Append("]\n");
            yaml.Append("    spec:\n      containers:\n        - name: bomb\n          image: nginx:1.27\n          args: *l9\n          command: *l9\n");
            yaml.Append("          env:\n            - name: X\n              value: *l9\n            - *l9\n      volumes: *l9\n");
            yaml.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n  annotations:\n    d0: &d0 {k: v}\n");
            for (var i = 1; i <= 9; i++) yaml.Append($"    d{i}: &d{i} {{<<: [{string.Join(", ", Enumerable.Repeat($"*d{i - 1}", 10))}]}}\n");
            yaml.Append("data:\n  <<: *d9\n");
            using var p = new TestProject().Write("bomb.yaml", yaml.ToString()).Write("ok.yaml", OkPod);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal(["ML402 bomb.yaml:25:11", OkPodFinding], Hostile.Findings(run));
            Hostile.AssertNoCrash(run);
        }

        /// <summary>A 5 MB one-line ES module bundle (rollup/esbuild ESM output: ~150,000 top-level functions and
        /// bindings). Acornima checks module-scope declarations in quadratic time (20k take ~3 s, this file minutes),
        /// so the `maxScopeDeclarations` guard stops at the 10,001st and says so at that declaration.</summary>
        [Fact]
        public void Minified_one_line_5_MB_module_stops_at_the_scope_declarations_limit()
        {
            var (code, crossing) = EsmBundle(5_000_000, require: true);
            using var p = new TestProject()
                .Write("package.json", """{ "name": "app", "type": "module", "main": "dist/index.js" }""")
                .Write("dist/index.js", code);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(0, run.ExitCode);
            Assert.Equal([$"ML005 dist/index.js:1:{crossing}"], Hostile.Findings(run));
            Assert.Contains("raise `limits.maxScopeDeclarations` in .manifestlint.yaml", Hostile.Messages(run)[0]);
            Hostile.AssertNoCrash(run);
        }

        /// <summary>Raising the limit analyses the bundle (here 12,000 declarations, above the default) and finds its
        /// `require` in ESM; under the default the same file is the ML005 warning.</summary>
        [Fact]
        public void Raised_scope_declarations_limit_lints_the_bundle()
        {
            var (code, _) = EsmBundle(380_000, require: true);
            using var p = new TestProject()
                .Write("package.json", """{ "name": "app", "type": "module", "main": "dist/index.js" }""")
                .Write("dist/index.js", code);
            Assert.Equal(["ML005"], Hostile.Findings(Hostile.Cli(p.Root, "--format", "json")).Select(f => f.Split(' ')[0]));
            p.Write(".manifestlint.yaml", "limits:\n  maxScopeDeclarations: 20000\n");
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal(1, run.ExitCode);
            Assert.Equal([$"ML101 dist/index.js:1:{code.IndexOf("require(", StringComparison.Ordinal) + 1}"], Hostile.Findings(run));
        }

        /// <summary>A 5 MB webpack-style CommonJS bundle (one function scope of `var`s and functions, which the parser
        /// checks cheaply) is analysed in full: the guard is not a size limit.</summary>
        [Fact]
        public void Minified_5_MB_commonjs_bundle_of_vars_is_analysed()
        {
            var bundle = new StringBuilder("(function(){\"use strict\";");
            for (var i = 0; bundle.Length < 5_000_000; i++)
            {
                bundle.Append((i % 3) switch
                {
                    0 => $"function f{i}(t,e){{return t+e*{i}}}",
                    1 => $"var c{i}=f{i - 1}(1,{i});",
                    _ => $"var v{i}=[c{i - 1},{i}];",
                });
            }
            bundle.Append("module.exports=require(\"./missing.js\")(process.env.API_KEY);})();\n");
            var code = bundle.ToString();
            using var p = new TestProject()
                .Write("package.json", """{ "name": "app", "main": "dist/index.js" }""")
                .Write("dist/index.js", code);
            var run = Hostile.Cli(p.Root, "--format", "json");
            Assert.Equal([$"ML105 dist/index.js:1:{code.IndexOf("\"./missing.js\"", StringComparison.Ordinal) + 1}"], Hostile.Findings(run));
            Hostile.AssertNoCrash(run);
        }

        /// <summary>A one-line ESM bundle of about <paramref name="length"/> characters, and the column of its
        /// 10,001st top-level declaration (where the default limit stops).</summary>
        private static (string Code, int Crossing) EsmBundle(int length, bool require)
        {
            var bundle = new StringBuilder("import{readFileSync as r0}from\"node:fs\";");
            var crossing = 0;
            for (var i = 0; bundle.Length < length; i++)
            {
                if (i == 10_000) crossing = bundle.Length + 1;
                bundle.Append((i % 3) switch
                {
                    0 => $"function f{i}(t,e){{return t+e*{i}}}",
                    1 => $"const c{i}=f{i - 1}(1,{i});",
                    _ => $"let v{i}=[c{i - 1},{i}];",
                });
            }
            bundle.Append("export const cfg=process.env.API_KEY;").Append(require ? "const q=require(\"y\");\n" : "\n");
            return (bundle.ToString(), crossing);
        }

        /// <summary>100,000 manifests in one folder plus one with a finding: discovery and loading finish (the lint
        /// takes about 15 s on 2 cores) and the one finding is exact. The folder goes on tmpfs when there is room:
        /// on a busy ext4 disk, creating and deleting 100,000 files alone takes well over a minute.</summary>
        [Fact]
        public void Hundred_thousand_files_in_one_folder_are_linted()
        {
            var shm = new DirectoryInfo("/dev/shm");
            var onTmpfs = OperatingSystem.IsLinux() && shm.Exists && new DriveInfo(shm.FullName).AvailableFreeSpace > (1L << 30);
            var root = Path.Combine(onTmpfs ? shm.FullName : Path.GetTempPath(), "ml-hostile-" + Guid.NewGuid().ToString("N"));
            try
            {
                Directory.CreateDirectory(Path.Combine(root, "k8s"));
                File.WriteAllText(Path.Combine(root, ".manifestlint.yaml"), "# root\n");
                File.WriteAllText(Path.Combine(root, "ok.yaml"), OkPod);
                for (var i = 0; i < 100_000; i++)
                {
                    File.WriteAllText(Path.Combine(root, "k8s", $"cm-{i:D6}.yaml"), $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: cm-{i}}}\ndata: {{k: v}}\n");
                }
                var result = Hostile.Bounded(() => Linter.Lint([root]), "lint of 100,001 files");
                Assert.Empty(result.Model.InternalErrors);
                Assert.Equal(100_001, result.FilesInScope);
                Assert.Equal(100_001, result.Model.Objects.Count);
                Assert.Equal([OkPodFinding], Hostile.Findings(result));
            }
            finally
            {
                try { Directory.Delete(root, recursive: true); } catch (IOException) { }
            }
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileHeavyCollection
{
    public const string Name = "Hostile heavy inputs";
}

/// <summary>Helpers for <see cref="HostileInputTests"/>: a hang guard, the CLI as a process killed at the cap,
/// findings as `RULE file:line:col`, and the exit code the CLI derives from a result.</summary>
internal static class Hostile
{
    public static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    public static T Bounded<T>(Func<T> work, string what)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(Cap), $"{what} did not finish within {Cap.TotalSeconds:0} s");
        return task.Result;
    }

    /// <summary>In-process lint under the hang guard; a rule that failed would be an internal error.</summary>
    public static LintResult Lint(TestProject project)
    {
        var result = Bounded(project.Lint, "lint");
        Assert.Empty(result.Model.InternalErrors);
        return result;
    }

    /// <summary>LintCommand's mapping with the default `--fail-on error`.</summary>
    public static int ExitCode(LintResult result) =>
        result.Model.InternalErrors.Count > 0 ? 2 : result.Findings.Any(f => f.Level == Level.Error) ? 1 : 0;

    public static string Report(LintResult result, string format)
    {
        var writer = new StringWriter();
        Reporters.Create(format, color: false).Write(result, writer);
        return writer.ToString();
    }

    /// <summary>Runs the built CLI in <paramref name="root"/>; the root is prepended as the path unless the args start
    /// with a command or a path. Killed at <see cref="Cap"/>.</summary>
    public static CliRunner.Run Cli(string root, params string[] args)
    {
        string[] all = args.Length > 0 && (args[0] is "rules" or "explain" or "baseline" or "links" or "init" || args[0] == root) ? args : [root, .. args];
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "manifestlint.dll"));
        foreach (var a in all) psi.ArgumentList.Add(a);
        psi.Environment.Remove("NO_COLOR");
        psi.Environment.Remove("FORCE_COLOR");
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(Cap))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"manifestlint did not finish within {Cap.TotalSeconds:0} s: {string.Join(' ', all)}");
        }
        return new CliRunner.Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static void AssertNoCrash(CliRunner.Run run)
    {
        Assert.DoesNotContain("   at ", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stderr);
        Assert.DoesNotContain("internal error", run.Stderr);
    }

    private static IEnumerable<JsonElement> JsonFindings(CliRunner.Run run)
    {
        Assert.True(run.Stdout.Length > 0, "no JSON on stdout; stderr: " + run.Stderr);
        return JsonDocument.Parse(run.Stdout).RootElement.GetProperty("findings").EnumerateArray();
    }

    public static List<string> Findings(CliRunner.Run run) => JsonFindings(run)
        .Select(f => $"{f.GetProperty("ruleId").GetString()} {f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}")
        .ToList();

    public static List<string> Messages(CliRunner.Run run) => JsonFindings(run).Select(f => f.GetProperty("message").GetString()!).ToList();

    public static List<string> Findings(LintResult result) =>
        result.Findings.Select(f => $"{f.RuleId} {f.Span.File}:{f.Span.StartLine}:{f.Span.StartColumn}").ToList();

    public static TestProject WriteBytes(this TestProject project, string relative, byte[] bytes)
    {
        var path = Path.Combine(project.Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return project;
    }
}
