#!/usr/bin/env node
// Helper of bench/run.sh (no npm dependencies).
//
//   node bench/report.mjs record RESULTS.jsonl key=value... [hyperfine=FILE.json] [stats=STDERR_FILE]
//       Appends one measurement. With hyperfine=, the times come from hyperfine's JSON export (first
//       command); otherwise from probe=SECONDS (a single /usr/bin/time run). stats= parses ManifestLint's
//       `--stats` lines (per-phase ms, findings) from a captured stderr.
//   node bench/report.mjs render RESULTS.jsonl MACHINE.json
//       Prints the markdown report (tables, ratios, targets) on stdout.
//   node bench/report.mjs copy RESULTS.jsonl ID key=value...
//       Appends a copy of the successful record ID with some keys replaced (exit 1 if there is none).
//   node bench/report.mjs predict RESULTS.jsonl BUILD M
//       Predicts the seconds of the scaling run at M× from the sizes measured so far.
//   node bench/report.mjs median N...
//       Prints the median of the numbers.
//   node bench/report.mjs count-findings REPORT.json
//       Prints the number of findings in a ManifestLint JSON report.

import fs from 'node:fs';

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function parseStats(text) {
  const out = {};
  const phases = /stats: discover (\d+) ms, load (\d+) ms, parse JS (\d+) ms, link (\d+) ms, rules (\d+) ms, filter (\d+) ms, report (\d+) ms/.exec(text);
  if (phases) {
    ['discover', 'load', 'parseJs', 'link', 'rules', 'filter', 'report'].forEach((k, i) => { out[`${k}Ms`] = Number(phases[i + 1]); });
  }
  const js = /stats: .*?(\d+) JS files: (\d+) parsed/.exec(text);
  if (js) {
    out.jsFiles = Number(js[1]);
    out.jsParsed = Number(js[2]);
  }
  const counts = /stats: (\d+) files read \(([\d.]+) KiB\), (\d+) objects, .*?(\d+) findings/.exec(text);
  if (counts) {
    out.filesRead = Number(counts[1]);
    out.kib = Number(counts[2]);
    out.objects = Number(counts[3]);
    out.findings = Number(counts[4]);
  }
  return out;
}

function record(file, args) {
  const rec = {};
  for (const a of args) {
    const k = a.indexOf('=');
    if (k < 0) throw new Error(`bad argument ${a}`);
    rec[a.slice(0, k)] = a.slice(k + 1);
  }
  for (const key of ['probe', 'rssKb', 'multiplier', 'base', 'services', 'sizeMb', 'reportMs', 'outBytes', 'findings', 'runs']) {
    if (rec[key] !== undefined && rec[key] !== '') rec[key] = Number(rec[key]);
  }
  if (rec.hyperfine) {
    const h = JSON.parse(fs.readFileSync(rec.hyperfine, 'utf8')).results[0];
    rec.times = h.times;
    rec.median = h.median;
    rec.min = h.min;
    rec.max = h.max;
    rec.mean = h.mean;
    rec.runs = h.times.length;
    delete rec.hyperfine;
  } else if (rec.times) {
    rec.times = rec.times.split(',').filter(Boolean).map(Number);
    rec.median = median(rec.times);
    rec.min = Math.min(...rec.times);
    rec.max = Math.max(...rec.times);
    rec.runs = rec.times.length;
  } else if (Number.isFinite(rec.probe)) {
    rec.times = [rec.probe];
    rec.median = rec.min = rec.max = rec.probe;
    rec.runs = 1;
  }
  if (rec.stats) {
    if (fs.existsSync(rec.stats)) Object.assign(rec, parseStats(fs.readFileSync(rec.stats, 'utf8')));
    delete rec.stats;
  }
  fs.appendFileSync(file, JSON.stringify(rec) + '\n');
}

// ---------------------------------------------------------------- rendering

const fmtTime = (s) => {
  if (!Number.isFinite(s)) return 'n/a';
  if (s < 1) return `${(s * 1000).toFixed(s < 0.1 ? 1 : 0)} ms`;
  return `${s.toFixed(s < 10 ? 2 : 1)} s`;
};
const fmtRange = (r) => (r.runs > 1 ? `${fmtTime(r.min)} – ${fmtTime(r.max)}` : '(1 run)');
const fmtRss = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a');
const fmtRatio = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}×` : 'n/a');
const verdict = (ok) => (ok === null ? '**not measured**' : ok ? '**met**' : '**not met**');
const timedOut = (r) => r.status === 'timeout';
const ok = (r) => r && r.status === 'ok' && Number.isFinite(r.median);

function render(file, machineFile) {
  const recs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const m = JSON.parse(fs.readFileSync(machineFile, 'utf8'));
  const by = (group) => recs.filter((r) => r.group === group);
  const L = [];
  const targets = [];
  const target = (name, value, met) => targets.push(`| ${name} | ${value} | ${verdict(met)} |`);

  L.push('# ManifestLint benchmark results', '');
  L.push(`Produced by \`bash bench/run.sh\`${m.quick ? ' with `BENCH_QUICK=1`' : ''} on ${m.date}; do not edit by hand (see bench/README.md).`, '');
  L.push('## Machine', '');
  L.push('| | |', '|---|---|');
  for (const [k, v] of m.facts) L.push(`| ${k} | ${String(v).replace(/\|/g, '\\|')} |`);
  L.push('');
  L.push('## Settings', '');
  L.push('| | |', '|---|---|');
  for (const [k, v] of m.settings) L.push(`| ${k} | ${String(v).replace(/\|/g, '\\|')} |`);
  L.push('');
  L.push('Times are wall-clock times of whole processes (start-up included), measured with hyperfine ' +
    '(`-N`, `-i`): median and min–max over the runs. A case whose first run (the `/usr/bin/time -v` run that ' +
    'gives the peak RSS, which also warms the page cache) was slow gets fewer hyperfine runs, or none: then that one ' +
    'run is the measurement (shown as "(1 run)"). Peak RSS is the "Maximum resident set size" of that run.', '');

  // --- pre-commit
  const pre = by('precommit');
  if (pre.length) {
    L.push('## Pre-commit size: `manifestlint testdata/examples/chat-app-crashloop`', '');
    L.push('16 files (the bundled example; exits 1 because it has findings). Peer: `node -e 0`, the start-up of a Node process that does nothing.', '');
    L.push('| command | median | min – max | runs | vs `node -e 0` | peak RSS |', '|---|---|---|---|---|---|');
    const node = pre.find((r) => r.tool === 'node');
    for (const r of pre) {
      const ratio = ok(node) && ok(r) && r !== node ? fmtRatio(r.median / node.median) : '';
      L.push(`| ${r.label} | ${fmtTime(r.median)} | ${fmtRange(r)} | ${r.runs ?? 0} | ${ratio} | ${fmtRss(r.rssKb)} |`);
    }
    L.push('');
    for (const r of pre.filter((x) => x.tool === 'manifestlint')) {
      target(`pre-commit ≤ 40 ms (${r.build})`, fmtTime(r.median), ok(r) ? r.median <= 0.040 : null);
      target(`pre-commit faster than \`node -e 0\` (${r.build})`, ok(node) && ok(r) ? `${fmtTime(r.median)} vs ${fmtTime(node.median)}` : 'n/a',
        ok(node) && ok(r) ? r.median < node.median : null);
    }
  }

  // --- monorepo
  const mono = by('monorepo');
  if (mono.length) {
    const c = mono[0];
    L.push(`## Monorepo: ${c.corpus}`, '');
    L.push(`${c.corpusDesc}. ManifestLint lints the whole corpus; ESLint 9 (no rules) parses only its JavaScript; ` +
      'yamllint (`-d relaxed`) reads only its YAML. "on k8s/ alone" runs ManifestLint on a copy of just that YAML (the same ' +
      'input as yamllint): the yamllint target is judged on it, the ESLint target on the whole-corpus run (more input than ESLint gets).', '');
    L.push('| command | median | min – max | runs | ESLint ÷ this | yamllint ÷ this | peak RSS | findings |', '|---|---|---|---|---|---|---|---|');
    const eslint = mono.find((r) => r.tool === 'eslint');
    const yl = mono.find((r) => r.tool === 'yamllint');
    for (const r of mono) {
      const mine = r.tool === 'manifestlint';
      const re = mine && ok(eslint) && ok(r) ? fmtRatio(eslint.median / r.median) : '';
      const ry = (mine || r.tool === 'manifestlint-yaml') && ok(yl) && ok(r) ? fmtRatio(yl.median / r.median) : '';
      const t = timedOut(r) ? `timeout (> ${r.timeout} s)` : fmtTime(r.median);
      L.push(`| ${r.label} | ${t} | ${ok(r) ? fmtRange(r) : ''} | ${r.runs ?? 0} | ${re} | ${ry} | ${fmtRss(r.rssKb)} | ${r.findings ?? ''} |`);
    }
    L.push('');
    const phased = mono.filter((r) => r.tool === 'manifestlint' && Number.isFinite(r.loadMs));
    if (phased.length) {
      L.push('ManifestLint\'s own `--stats` phases (first run):', '');
      L.push('| build | discover | load | parse JS | link | rules | filter | report | files read | objects | JS files parsed |', '|---|---|---|---|---|---|---|---|---|---|---|');
      for (const r of phased) {
        L.push(`| ${r.build} | ${r.discoverMs} ms | ${r.loadMs} ms | ${r.parseJsMs} ms | ${r.linkMs} ms | ${r.rulesMs} ms | ${r.filterMs} ms | ${r.reportMs} ms | ${r.filesRead} (${(r.kib / 1024).toFixed(1)} MiB) | ${r.objects} | ${r.jsParsed} of ${r.jsFiles} |`);
      }
      L.push('');
    }
    for (const r of mono.filter((x) => x.tool === 'manifestlint')) {
      const is2000 = r.services === 2000;
      target(`monorepo 2000 services ≤ 2.0 s (${r.build})`, !is2000 ? `corpus has ${r.services} services` : timedOut(r) ? `timeout (> ${r.timeout} s)` : fmtTime(r.median),
        !is2000 ? null : ok(r) ? r.median <= 2.0 : timedOut(r) ? false : null);
      target(`≥ 10× faster than ESLint, no rules (${r.build})`, ok(eslint) && ok(r) ? fmtRatio(eslint.median / r.median) : 'n/a', ok(eslint) && ok(r) ? eslint.median / r.median >= 10 : null);
      const same = mono.find((x) => x.tool === 'manifestlint-yaml' && x.build === r.build);
      if (!same) {
        target(`≥ 50× faster than yamllint (${r.build}, whole corpus)`, ok(yl) && ok(r) ? fmtRatio(yl.median / r.median) : 'n/a', ok(yl) && ok(r) ? yl.median / r.median >= 50 : null);
      } else {
        target(`≥ 50× faster than yamllint on the same YAML (${r.build})`, ok(yl) && ok(same) ? `${fmtRatio(yl.median / same.median)} (whole corpus: ${ok(r) && ok(yl) ? fmtRatio(yl.median / r.median) : 'n/a'})` : 'n/a',
          ok(yl) && ok(same) ? yl.median / same.median >= 50 : null);
      }
    }
  }

  // --- scaling
  const sc = by('scaling');
  if (sc.length) {
    L.push('## Scaling (ManifestLint only)', '');
    L.push('Same generator, N × 2000 services. "time ratio" is t(N×) / t(smallest corpus); "÷ size ratio" divides it by the ratio of the service counts: 1.0 is linear, the target is ≤ 1.1.', '');
    L.push('| build | corpus | size (YAML+JS) | median | min – max | runs | time ratio | time ratio ÷ size ratio | peak RSS | load | link | rules |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
    const builds = [...new Set(sc.map((r) => r.build))];
    for (const b of builds) {
      const rows = sc.filter((r) => r.build === b).sort((x, y) => x.multiplier - y.multiplier);
      const base = rows.find((r) => ok(r) && r.multiplier === Math.min(...rows.map((x) => x.multiplier)));
      for (const r of rows) {
        const tr = base && ok(r) ? r.median / base.median : NaN;
        const sr = base ? r.multiplier / base.multiplier : NaN;
        const t = timedOut(r) ? `timeout (> ${r.timeout} s)` : r.status === 'skipped' ? `not run (${r.note})` : fmtTime(r.median);
        const ph = (k) => (Number.isFinite(r[k]) ? `${(r[k] / 1000).toFixed(1)} s` : '');
        L.push(`| ${b} | ${r.multiplier}× (${r.services} services) | ${r.sizeMb ?? ''} MB | ${t} | ${ok(r) ? fmtRange(r) : ''} | ${r.runs ?? 0} | ${fmtRatio(tr)} | ${Number.isFinite(tr) ? (tr / sr).toFixed(2) : 'n/a'} | ${fmtRss(r.rssKb)} | ${ph('loadMs')} | ${ph('linkMs')} | ${ph('rulesMs')} |`);
        const paired = pairRatios(recs, b, r.multiplier);
        if (r !== base && r.multiplier > (base?.multiplier ?? Infinity) && !paired) {
          target(`scaling ${r.multiplier}×: time ratio ≤ 1.1 × size ratio (${b})`, Number.isFinite(tr) ? `${(tr / sr).toFixed(2)} × size ratio` : t,
            Number.isFinite(tr) ? tr / sr <= 1.1 : timedOut(r) ? false : null);
        }
      }
      const pairRows = sc.filter((r) => r.build === b).map((r) => [r, pairRatios(recs, b, r.multiplier)]).filter(([, p]) => p);
      if (pairRows.length) {
        L.push('', `Interleaved pairs (${b}): each pair runs the ${pairRows[0][1].base}× corpus, then the N× corpus, back to back, so both ` +
          'see the same machine load; the ratio of a pair is t(N×) / t(smallest) ÷ size ratio. The target is judged on the median pair.', '');
        L.push('| build | corpus | pairs: t(smallest) / t(N×) | ratio ÷ size ratio: median | min – max |', '|---|---|---|---|---|');
        for (const [r, p] of pairRows) {
          L.push(`| ${b} | ${r.multiplier}× | ${p.pairs.map(([s, g]) => `${fmtTime(s / 1000)} / ${fmtTime(g / 1000)}`).join(', ')} | ${p.median.toFixed(2)} | ${Math.min(...p.ratios).toFixed(2)} – ${Math.max(...p.ratios).toFixed(2)} |`);
          target(`scaling ${r.multiplier}×: time ratio ≤ 1.1 × size ratio (${b}, interleaved pairs)`, `${p.median.toFixed(2)} × size ratio (median of ${p.ratios.length})`, p.median <= 1.1);
        }
      }
      const measured = rows.filter((r) => ok(r) && Number.isFinite(r.rssKb));
      if (measured.length >= 2) {
        const lo = measured[0];
        const hi = measured[measured.length - 1];
        const k = (key) => (lo[key] > 0 && hi[key] > 0 ? (Math.log(hi[key] / lo[key]) / Math.log(hi.multiplier / lo.multiplier)).toFixed(2) : 'n/a');
        L.push('', `Growth from ${lo.multiplier}× to ${hi.multiplier}× (${b}), as the exponent k in t ∝ size^k (1 is linear): ` +
          `whole run ${k('median')}, discover ${k('discoverMs')}, load ${k('loadMs')}, link ${k('linkMs')}, rules ${k('rulesMs')}; peak RSS ${k('rssKb')}.`);
      }
      const eight = rows.find((r) => r.multiplier === 8);
      // RSS grows with the corpus (a larger corpus has the same services as a smaller one, and more), so a
      // smaller size over the limit decides it.
      const over = measured.filter((r) => r.multiplier < 8 && r.rssKb > 600 * 1024)[0];
      if (eight && eight.status === 'ok' && Number.isFinite(eight.rssKb)) {
        target(`peak RSS ≤ 600 MB at 8× (${b})`, fmtRss(eight.rssKb), eight.rssKb <= 600 * 1024);
      } else if (over) {
        target(`peak RSS ≤ 600 MB at 8× (${b})`, `8× ${eight ? t8(eight) : 'not in BENCH_MULTIPLIERS'}; already ${fmtRss(over.rssKb)} at ${over.multiplier}×`, false);
      } else {
        target(`peak RSS ≤ 600 MB at 8× (${b})`, eight ? t8(eight) : '8× not in BENCH_MULTIPLIERS', null);
      }
    }
    L.push('');
  }

  // --- output cost
  const out = by('output');
  if (out.length) {
    const c = out[0];
    L.push(`## Output cost: ${c.corpus}`, '');
    L.push(`${c.corpusDesc}. "report" is the report phase from ManifestLint's \`--stats\` (formatting and writing the ` +
      'findings), the cost the target is about; "whole run" is the wall time of the process. Reports go to a file under ' +
      'bench/.out, so the cost of writing a real file is included.', '');
    L.push('| build | format | findings | report (median) | report min – max | whole run (median) | runs | output size | peak RSS |', '|---|---|---|---|---|---|---|---|---|');
    for (const r of out) {
      const rep = r.reportTimes ? r.reportTimes.split(',').map(Number) : [];
      L.push(`| ${r.build} | ${r.label} | ${r.findings ?? ''} | ${rep.length ? `${Math.round(median(rep))} ms` : 'n/a'} | ${rep.length > 1 ? `${Math.min(...rep)} – ${Math.max(...rep)} ms` : ''} | ${ok(r) ? fmtTime(r.median) : r.status} | ${r.runs ?? 0} | ${Number.isFinite(r.outBytes) ? `${(r.outBytes / 1e6).toFixed(1)} MB` : ''} | ${fmtRss(r.rssKb)} |`);
      if (r.format === 'sarif' || r.format === 'json') {
        const repMed = rep.length ? Math.round(median(rep)) : NaN;
        const enough = (r.findings ?? 0) >= 10000;
        target(`${r.format.toUpperCase()} report for ≥ 10,000 findings ≤ 0.5 s (${r.build})`,
          Number.isFinite(repMed) ? `${repMed} ms for ${r.findings} findings` : r.status,
          Number.isFinite(repMed) && enough ? repMed <= 500 : null);
      }
    }
    L.push('');
  }

  const notes = [...new Map(recs.filter((r) => r.group === 'note').map((n) => [n.text, n])).values()];
  if (notes.length) {
    L.push('## Notes from the run', '');
    for (const n of notes) L.push(`- ${n.text}`);
    L.push('');
  }

  L.push('## Targets', '');
  L.push('| target | measured | status |', '|---|---|---|');
  L.push(...targets);
  L.push('');
  process.stdout.write(L.join('\n'));
}

// The interleaved (smallest, N×) pairs of this build and size: times in ms, per-pair ratios ÷ size ratio, their median.
function pairRatios(recs, build, multiplier) {
  const r = recs.find((x) => x.group === 'scaling-pairs' && x.build === build && x.multiplier === multiplier);
  if (!r || !r.pairs) return null;
  const pairs = String(r.pairs).split(',').filter(Boolean).map((p) => p.split(':').map(Number));
  const ratios = pairs.map(([s, g]) => (g / s) / (multiplier / r.base));
  return { base: r.base, pairs, ratios, median: median(ratios) };
}

function t8(r) {
  if (r.status === 'timeout') return `timeout (> ${r.timeout} s)`;
  if (r.status === 'skipped') return `not run (${r.note})`;
  return r.status;
}

// Copies the successful record with this id, overriding some keys; exit 1 when there is none.
function copy(file, id, args) {
  const recs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const r = recs.find((x) => x.id === id && x.status === 'ok');
  if (!r) process.exit(1);
  const extra = Object.fromEntries(args.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  for (const key of ['multiplier', 'services', 'sizeMb']) if (extra[key] !== undefined) extra[key] = Number(extra[key]);
  fs.appendFileSync(file, JSON.stringify({ ...r, ...extra }) + '\n');
}

// Predicted seconds of the scaling run at multiplier m, from the last two successful sizes of this
// build (t ∝ size^k, k fitted on them), or linear from a single one. Prints "seconds exponent".
function predict(file, build, m) {
  const recs = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((r) => r.group === 'scaling' && r.build === build && ok(r)).sort((a, b) => a.multiplier - b.multiplier);
  if (recs.length === 0) return;
  const b = recs[recs.length - 1];
  let k = 1;
  if (recs.length >= 2) {
    const a = recs[recs.length - 2];
    k = Math.max(1, Math.log(b.median / a.median) / Math.log(b.multiplier / a.multiplier));
  }
  console.log(`${Math.round(b.median * (Number(m) / b.multiplier) ** k)} ${k.toFixed(2)}`);
}

const [cmd, ...rest] = process.argv.slice(2);
switch (cmd) {
  case 'record': record(rest[0], rest.slice(1)); break;
  case 'render': render(rest[0], rest[1]); break;
  case 'copy': copy(rest[0], rest[1], rest.slice(2)); break;
  case 'predict': predict(rest[0], rest[1], rest[2]); break;
  case 'median': console.log(median(rest.map(Number))); break;
  case 'count-findings': console.log(JSON.parse(fs.readFileSync(rest[0], 'utf8')).findings.length); break;
  default:
    process.stderr.write('usage: report.mjs record|render|median|count-findings ...\n');
    process.exit(2);
}
