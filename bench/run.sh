#!/usr/bin/env bash
# Whole-process benchmark of ManifestLint against its targets (see bench/README.md).
#
#   bash bench/run.sh               full run (corpora 1, 2, 4, 8 × 2000 services)
#   BENCH_QUICK=1 bash bench/run.sh smaller run (1 and 2 ×, fewer runs, shorter budgets)
#
# Settings (environment): BENCH_MULTIPLIERS, BENCH_RUNS, BENCH_SMALL_RUNS, BENCH_CASE_BUDGET,
# BENCH_TIMEOUT, BENCH_AOT, BENCH_SCALING_BUILDS, BENCH_FINDINGS_SERVICES, BENCH_OUTPUT_RUNS,
# BENCH_SKIP_INSTALL, BENCH_CORPUS_DIR, BENCH_RESULTS; defaults below. BENCH_RENDER_ONLY=1 rewrites
# the report from the raw data of the last run without measuring anything.
#
# Writes bench/RESULTS.md (and the raw data under bench/.out/results/). Needs root (or sudo) for
# apt-get when hyperfine, yamllint or GNU time is missing, and the npm registry for ESLint.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
cd "$REPO"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

QUICK="${BENCH_QUICK:-0}"
if [ "$QUICK" = 1 ]; then
  d_mult="1 2"; d_runs=3; d_small=10; d_budget=30; d_timeout=180; d_outruns=1; d_pairs=1
else
  d_mult="1 2 4 8"; d_runs=5; d_small=20; d_budget=60; d_timeout=300; d_outruns=2; d_pairs=3
fi
MULTIPLIERS="${BENCH_MULTIPLIERS:-$d_mult}"      # corpus sizes, × 2000 services
RUNS="${BENCH_RUNS:-$d_runs}"                    # hyperfine runs of a case at most (after 1 warmup)
SMALL_RUNS="${BENCH_SMALL_RUNS:-$d_small}"       # hyperfine runs of the pre-commit cases
BUDGET="${BENCH_CASE_BUDGET:-$d_budget}"         # seconds of hyperfine runs per case at most
TIMEOUT="${BENCH_TIMEOUT:-$d_timeout}"           # a single run is killed after this many seconds
AOT="${BENCH_AOT:-1}"                            # 1: also try a NativeAOT build
SCALING_BUILDS="${BENCH_SCALING_BUILDS:-jit}"    # builds timed on every corpus size
MONO="${BENCH_MONOREPO_MULTIPLIER:-1}"           # corpus of the monorepo comparison, × 2000 services
FINDINGS_SERVICES="${BENCH_FINDINGS_SERVICES:-1200}" # services of the many-findings corpus (~9 findings each)
OUTPUT_RUNS="${BENCH_OUTPUT_RUNS:-$d_outruns}"   # runs per output format
PAIRS="${BENCH_SCALING_PAIRS:-$d_pairs}"         # interleaved (smallest, N×) run pairs per larger size; 0: none
CORPUS="${BENCH_CORPUS_DIR:-$BENCH/.corpus}"
RESULTS_MD="${BENCH_RESULTS:-$BENCH/RESULTS.md}"
ESLINT_VERSION=9.39.5
OUT="$BENCH/.out"
RES="$OUT/results"
TOOLS="$BENCH/.tools"

log() { printf '\n== %s\n' "$*" >&2; }
info() { printf '   %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

if [ "${BENCH_RENDER_ONLY:-0}" = 1 ]; then
  # Re-render the report from the raw data of the last run (no measuring).
  [ -f "$RES/results.jsonl" ] && [ -f "$RES/machine.json" ] || die "no raw data in $RES: run the benchmark first"
  node "$BENCH/report.mjs" render "$RES/results.jsonl" "$RES/machine.json" > "$RESULTS_MD.tmp"
  mv "$RESULTS_MD.tmp" "$RESULTS_MD"
  printf 'bench: re-rendered %s from %s\n' "${RESULTS_MD#"$REPO"/}" "${RES#"$REPO"/}" >&2
  exit 0
fi

started=$(date +%s)
load_start="$(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------ 1. tools
log "Tools"
if [ "${BENCH_SKIP_INSTALL:-0}" != 1 ]; then
  missing=()
  command -v hyperfine >/dev/null 2>&1 || missing+=(hyperfine)
  command -v yamllint >/dev/null 2>&1 || missing+=(yamllint)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ "${#missing[@]}" -gt 0 ]; then
    info "installing with apt-get: ${missing[*]}"
    sudo_=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null 2>&1 || die "need root or sudo to apt-get install ${missing[*]}"
      sudo_=(sudo -n)
    fi
    "${sudo_[@]}" apt-get update -qq >&2
    "${sudo_[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
  have_eslint="$(node -p "try { require('$TOOLS/node_modules/eslint/package.json').version } catch { '' }")"
  if [ "$have_eslint" != "$ESLINT_VERSION" ]; then
    info "installing eslint@$ESLINT_VERSION into bench/.tools"
    mkdir -p "$TOOLS"
    [ -f "$TOOLS/package.json" ] || echo '{"private": true}' > "$TOOLS/package.json"
    npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error "eslint@$ESLINT_VERSION" >&2
  fi
fi
for t in hyperfine yamllint node dotnet; do command -v "$t" >/dev/null 2>&1 || die "$t is missing"; done
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing"
ESLINT="$TOOLS/node_modules/.bin/eslint"
[ -x "$ESLINT" ] || die "ESLint is missing in bench/.tools (run without BENCH_SKIP_INSTALL=1)"
info "hyperfine $(hyperfine --version | cut -d' ' -f2), $(yamllint --version), eslint $("$ESLINT" --version), node $(node --version), dotnet $(dotnet --version)"

mkdir -p "$OUT" "$RES" "$CORPUS"
rm -f "$RES"/*
JSONL="$RES/results.jsonl"
: > "$JSONL"
note() { node "$BENCH/report.mjs" record "$JSONL" group=note "text=$*"; info "note: $*"; }

# ------------------------------------------------------------------ 2. builds
# A build is reused while the sources it was made from are unchanged (stamp = hash of src/, the
# props files, the SDK version and the publish arguments).
src_hash() {
  { git ls-files -s src Directory.Build.props Directory.Packages.props global.json
    git diff HEAD -- src Directory.Build.props Directory.Packages.props global.json
    git ls-files --others --exclude-standard src
    dotnet --version; echo "$*"; } | sha256sum | cut -c1-16
}

log "Build: JIT (framework-dependent, as the dotnet tool ships)"
jit_args=(publish src/ManifestLint.Cli -c Release -o "$OUT/jit" -nologo)
stamp="$(src_hash "${jit_args[*]}")"
if [ -x "$OUT/jit/manifestlint" ] && [ "$(cat "$OUT/jit.stamp" 2>/dev/null)" = "$stamp" ]; then
  info "up to date ($OUT/jit)"
else
  rm -rf "$OUT/jit"
  dotnet "${jit_args[@]}" > "$OUT/jit.log" 2>&1 || { tail -30 "$OUT/jit.log" >&2; die "dotnet publish failed (log: $OUT/jit.log)"; }
  echo "$stamp" > "$OUT/jit.stamp"
  info "built $OUT/jit/manifestlint"
fi
declare -A BIN=([jit]="$OUT/jit/manifestlint")
declare -A BUILD_DESC=([jit]="JIT: \`dotnet publish -c Release\`, framework-dependent (what \`dotnet tool install\` runs)")
BUILDS=(jit)
AOT_SARIF_OK=1

if [ "$AOT" = 1 ]; then
  log "Build: NativeAOT"
  aot_reason() { # the distinct errors of a failed publish log
    local r
    r="$(grep -E ' error [A-Z]+[0-9]+' "$1" 2>/dev/null | grep -v MSB3077 | sed -E 's/^[^:]*: //; s/ \[[^]]*\]$//; s/ For more information.*//' | sort -u | head -3 | tr '\n' ' ')"
    echo "failed: ${r:-see $1}"
  }
  aot_try() { # $1 = label, rest = extra args; leaves the binary in $OUT/aot
    local label="$1"; shift
    local args=(publish src/ManifestLint.Cli -c Release -r linux-x64 -p:PublishAot=true "$@" -o "$OUT/aot" -nologo)
    local st; st="$(src_hash "${args[*]}")"
    if [ "$(cat "$OUT/aot-$label.stamp" 2>/dev/null)" = "$st" ]; then
      AOT_STATUS="$(cat "$OUT/aot-$label.status")"
      [ "$AOT_STATUS" = ok ] || AOT_STATUS="$(aot_reason "$OUT/aot-$label.log")"
      info "$label: reusing the earlier result ($AOT_STATUS)"
      [ "$AOT_STATUS" = ok ] && [ -x "$OUT/aot/manifestlint" ] && [ "$(cat "$OUT/aot.built" 2>/dev/null)" = "$label" ] && return 0
      [ "$AOT_STATUS" != ok ] && return 1
    fi
    info "$label: dotnet ${args[*]} (takes minutes)"
    rm -rf "$OUT/aot"
    if dotnet "${args[@]}" > "$OUT/aot-$label.log" 2>&1; then
      AOT_STATUS=ok; echo "$label" > "$OUT/aot.built"
    else
      AOT_STATUS="$(aot_reason "$OUT/aot-$label.log")"
    fi
    echo "$st" > "$OUT/aot-$label.stamp"; echo "$AOT_STATUS" > "$OUT/aot-$label.status"
    [ "$AOT_STATUS" = ok ]
  }
  if aot_try strict; then
    BUILD_DESC[aot]="NativeAOT: \`dotnet publish -c Release -r linux-x64 -p:PublishAot=true\`"
  else
    info "NativeAOT publish $AOT_STATUS"
    note "NativeAOT publish with the project's settings (TreatWarningsAsErrors) ${AOT_STATUS}"
    info "retrying with -p:TreatWarningsAsErrors=false (the trim/AOT warnings stay warnings)"
    if aot_try relaxed -p:TreatWarningsAsErrors=false; then
      BUILD_DESC[aot]="NativeAOT: \`dotnet publish -c Release -r linux-x64 -p:PublishAot=true -p:TreatWarningsAsErrors=false\` (not shippable as is: see notes)"
    else
      info "NativeAOT publish $AOT_STATUS again; continuing with the JIT build only"
      note "NativeAOT publish with TreatWarningsAsErrors=false also ${AOT_STATUS}. Only the JIT build is measured."
    fi
  fi
  if [ -x "$OUT/aot/manifestlint" ] && [ "$AOT_STATUS" = ok ]; then
    # The AOT binary is measured only if it reports what the JIT build reports.
    diverged=()
    for ex in chat-app-crashloop chat-app-fixed; do
      for fmt in text json sarif; do
        a="$("$OUT/jit/manifestlint" "testdata/examples/$ex" --format "$fmt" --color never 2>/dev/null || true)"
        b="$("$OUT/aot/manifestlint" "testdata/examples/$ex" --format "$fmt" --color never 2>/dev/null || true)"
        [ "$a" = "$b" ] || diverged+=("$fmt ($ex)")
      done
    done
    if [ "${#diverged[@]}" -eq 0 ]; then
      BUILDS+=(aot); BIN[aot]="$OUT/aot/manifestlint"
    elif printf '%s\n' "${diverged[@]}" | grep -qv '^sarif'; then
      note "The NativeAOT build's output differs from the JIT build's (${diverged[*]}): the AOT build is not measured."
    else
      BUILDS+=(aot); BIN[aot]="$OUT/aot/manifestlint"; AOT_SARIF_OK=0
      sarif_head="$("$OUT/aot/manifestlint" testdata/examples/chat-app-crashloop --format sarif 2>/dev/null | head -c 60 | tr '\n' ' ' || true)"
      note "The NativeAOT build writes a broken SARIF report (\`${sarif_head}\` instead of the JIT build's SARIF log; the SARIF writer relies on reflection that trimming removes). Its text and JSON output equal the JIT build's, so it is measured, but not for SARIF."
    fi
  fi
fi
# The NativeAOT build links the server GC as well; DOTNET_gcServer=1 selects it. Measured on the monorepo (and at
# the scaling sizes when BENCH_SCALING_BUILDS names it) as an extra build: it trades memory for speed.
MONO_BUILDS=("${BUILDS[@]}")
if [ -n "${BIN[aot]:-}" ]; then
  mkdir -p "$OUT/aot-gcserver"
  aot_quoted="$(printf '%s' "${BIN[aot]}" | sed "s/'/'\\\\''/g")"
  printf "#!/bin/sh\nDOTNET_gcServer=1 exec '%s' \"\$@\"\n" "$aot_quoted" > "$OUT/aot-gcserver/manifestlint"
  chmod +x "$OUT/aot-gcserver/manifestlint"
  BIN[aot-gcserver]="$OUT/aot-gcserver/manifestlint"
  BUILD_DESC[aot-gcserver]="aot-gcserver: the NativeAOT binary run with \`DOTNET_gcServer=1\` (server GC, opt-in; a \`sh\` wrapper execs it)"
  MONO_BUILDS+=(aot-gcserver)
fi
info "builds measured: ${BUILDS[*]} (monorepo also: ${MONO_BUILDS[*]:${#BUILDS[@]}})"

# ------------------------------------------------------------------ 3. corpora
log "Corpora"
gen_hash="$(sha256sum "$BENCH/generate-corpus.mjs" | cut -c1-16)"
corpus() { # $1 = name, rest = generator args; reuses a corpus made with the same generator and args
  local name="$1"; shift
  local dir="$CORPUS/$name" st="$gen_hash $*"
  if [ -d "$dir" ] && [ "$(cat "$CORPUS/$name.stamp" 2>/dev/null)" = "$st" ]; then
    info "$name: up to date ($(cat "$CORPUS/$name.summary"))"
  else
    rm -f "$CORPUS/$name.stamp"
    node "$BENCH/generate-corpus.mjs" "$dir" "$@" --force > "$CORPUS/$name.summary.tmp"
    sed 's/^generate-corpus: [^:]*: //' "$CORPUS/$name.summary.tmp" > "$CORPUS/$name.summary"; rm -f "$CORPUS/$name.summary.tmp"
    echo "$st" > "$CORPUS/$name.stamp"
    info "$name: $(cat "$CORPUS/$name.summary")"
  fi
}
corpus_mb() { # YAML + JS MB from the summary line
  sed -E 's/.* ([0-9.]+) MB YAML, ([0-9.]+) MB JS.*/\1 \2/' "$CORPUS/$1.summary" | awk '{ printf "%.1f", $1 + $2 }'
}
declare -A MULT_SEEN=()
for m in $MONO $MULTIPLIERS; do
  [ -n "${MULT_SEEN[$m]:-}" ] && continue; MULT_SEEN[$m]=1
  corpus "x$m" --scale "$m"
done
corpus findings --services "$FINDINGS_SERVICES" --defect-rate 1 --defects-per-service all
# The YAML yamllint reads and nothing else: the monorepo's k8s/ folder (and its config) as a project of its own.
yaml_only="$CORPUS/x$MONO-yaml"
if [ "$(cat "$yaml_only/.stamp" 2>/dev/null)" != "$(cat "$CORPUS/x$MONO.stamp")" ]; then
  rm -rf "$yaml_only" && mkdir -p "$yaml_only"
  cp -r "$CORPUS/x$MONO/k8s" "$yaml_only/"
  [ ! -f "$CORPUS/x$MONO/.manifestlint.yaml" ] || cp "$CORPUS/x$MONO/.manifestlint.yaml" "$yaml_only/"
  cp "$CORPUS/x$MONO.stamp" "$yaml_only/.stamp"
fi

# ------------------------------------------------------------------ 4. measuring
# measure GROUP CASE_ID LABEL CWD RUNS_MAX key=value... -- COMMAND...
# One /usr/bin/time -v run first (peak RSS, page cache warm-up, time estimate; killed after
# $TIMEOUT s), then hyperfine: 1 warmup + RUNS_MAX runs when that fits in $BUDGET s, else as many runs
# as fit with no warmup (the first run was one), else none (the first run is the measurement).
measure() {
  local group="$1" id="$2" label="$3" cwd="$4" runs_max="$5"; shift 5
  local extra=()
  while [ "$1" != -- ]; do extra+=("$1"); shift; done
  shift
  local cmd=("$@") tv="$RES/$id.time" err="$RES/$id.stderr" rc=0
  info "$label"
  ( cd "$cwd" && /usr/bin/time -v -o "$tv" timeout "$TIMEOUT" "${cmd[@]}" > /dev/null 2> "$err" ) || rc=$?
  if [ "$rc" -eq 124 ] || grep -q 'Command exited with non-zero status 124' "$tv" 2>/dev/null; then
    info "   timed out after $TIMEOUT s"
    node "$BENCH/report.mjs" record "$JSONL" "group=$group" "id=$id" "label=$label" status=timeout "timeout=$TIMEOUT" "${extra[@]}"
    return 1
  fi
  local probe rss
  probe="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tv")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tv")"
  if [ -z "$probe" ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; }; then
    info "   failed (exit $rc):"; tail -5 "$err" | sed 's/^/      /' >&2
    node "$BENCH/report.mjs" record "$JSONL" "group=$group" "id=$id" "label=$label" "status=failed (exit $rc)" "${extra[@]}" "stats=$err"
    note "$label failed with exit code $rc: $(tail -3 "$err" | tr '\n' ' ')"
    return 1
  fi
  local warm=1 runs="$runs_max"
  if awk -v p="$probe" -v r="$runs_max" -v b="$BUDGET" 'BEGIN { exit !(p * (r + 1) <= b) }'; then
    :
  else
    warm=0
    runs="$(awk -v p="$probe" -v r="$runs_max" -v b="$BUDGET" 'BEGIN { n = int(b / (p > 0 ? p : 0.001)); if (n > r) n = r; print n }')"
  fi
  if [ "$runs" -ge 2 ]; then
    local q; q="$(printf '%q ' "${cmd[@]}")"
    ( cd "$cwd" && hyperfine -N -i --style basic --warmup "$warm" --runs "$runs" --export-json "$RES/$id.json" --command-name "$label" "$q" ) > "$RES/$id.hyperfine.txt" 2>&1 \
      || { cat "$RES/$id.hyperfine.txt" >&2; die "hyperfine failed on $label"; }
    node "$BENCH/report.mjs" record "$JSONL" "group=$group" "id=$id" "label=$label" status=ok "rssKb=$rss" "probe=$probe" "hyperfine=$RES/$id.json" "${extra[@]}" "stats=$err"
  else
    node "$BENCH/report.mjs" record "$JSONL" "group=$group" "id=$id" "label=$label" status=ok "rssKb=$rss" "probe=$probe" "${extra[@]}" "stats=$err"
  fi
  info "   $(tail -1 "$JSONL" | node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(`median ${r.median.toFixed(3)} s over ${r.runs} run(s), peak RSS ${(r.rssKb / 1024).toFixed(0)} MB`)')"
}

summary_of() { sed 's/ ([0-9]* with defects)//' "$CORPUS/$1.summary"; }

log "Pre-commit size: manifestlint testdata/examples/chat-app-crashloop vs node -e 0"
for b in "${BUILDS[@]}"; do
  measure precommit "precommit-$b" "manifestlint ($b) testdata/examples/chat-app-crashloop" "$REPO" "$SMALL_RUNS" tool=manifestlint "build=$b" -- \
    "${BIN[$b]}" testdata/examples/chat-app-crashloop || true
done
measure precommit precommit-node "node -e 0" "$REPO" "$SMALL_RUNS" tool=node build=node -- node -e 0 || true

mono_services=$(node -p "Math.max(1, Math.round(2000 * $MONO))")
log "Monorepo: $mono_services services"
desc1="$(summary_of "x$MONO")"
mono_corpus="$MONO× = $mono_services services (bench/.corpus/x$MONO)"
for b in "${MONO_BUILDS[@]}"; do
  measure monorepo "mono-$b" "manifestlint ($b) ." "$CORPUS/x$MONO" "$RUNS" tool=manifestlint "build=$b" "corpus=$mono_corpus" "services=$mono_services" "corpusDesc=$desc1" -- \
    "${BIN[$b]}" . --stats || true
done
measure monorepo mono-eslint "eslint $ESLINT_VERSION (no rules) services/" "$CORPUS/x$MONO" "$RUNS" tool=eslint build=eslint "corpus=$mono_corpus" "services=$mono_services" "corpusDesc=$desc1" -- \
  "$ESLINT" --config "$BENCH/eslint.config.mjs" services || true
measure monorepo mono-yamllint "yamllint -d relaxed k8s/" "$CORPUS/x$MONO" "$RUNS" tool=yamllint build=yamllint "corpus=$mono_corpus" "services=$mono_services" "corpusDesc=$desc1" -- \
  yamllint -d relaxed k8s || true
for b in "${MONO_BUILDS[@]}"; do
  measure monorepo "mono-yaml-$b" "manifestlint ($b) on k8s/ alone (yamllint's input)" "$yaml_only" "$RUNS" tool=manifestlint-yaml "build=$b" "corpus=$mono_corpus" "services=$mono_services" "corpusDesc=$desc1" -- \
    "${BIN[$b]}" . --stats || true
done

log "Scaling: ${MULTIPLIERS} × 2000 services (builds: $SCALING_BUILDS)"
for b in $SCALING_BUILDS; do
  [ -n "${BIN[$b]:-}" ] || { note "scaling build $b is not available"; continue; }
  stop=""
  for m in $MULTIPLIERS; do
    services=$(node -p "Math.max(1, Math.round(2000 * $m))")
    if [ -n "$stop" ]; then
      node "$BENCH/report.mjs" record "$JSONL" group=scaling "id=scale-$b-$m" "label=$m×" status=skipped "note=$stop" "build=$b" "multiplier=$m" "services=$services" "sizeMb=$(corpus_mb "x$m")"
      continue
    fi
    if [ "$m" = "$MONO" ] && node "$BENCH/report.mjs" copy "$JSONL" "mono-$b" group=scaling "id=scale-$b-$m" "label=$m×" "multiplier=$m" "services=$services" "sizeMb=$(corpus_mb "x$m")"; then
      info "$m×: reusing the monorepo measurement"
      continue
    fi
    read -r pred expo < <(node "$BENCH/report.mjs" predict "$JSONL" "$b" "$m"; echo)
    if [ -n "$pred" ] && [ "$pred" -gt "$TIMEOUT" ]; then
      stop="predicted ≈ $pred s (time ∝ size^$expo from the sizes before) > BENCH_TIMEOUT=$TIMEOUT s"
      info "$m×: not run: $stop"
      node "$BENCH/report.mjs" record "$JSONL" group=scaling "id=scale-$b-$m" "label=$m×" status=skipped "note=$stop" "build=$b" "multiplier=$m" "services=$services" "sizeMb=$(corpus_mb "x$m")"
      stop="a smaller corpus was not run"
      continue
    fi
    measure scaling "scale-$b-$m" "manifestlint ($b) $m×" "$CORPUS/x$m" "$RUNS" "build=$b" "multiplier=$m" "services=$services" "sizeMb=$(corpus_mb "x$m")" -- \
      "${BIN[$b]}" . --stats || stop="a smaller corpus timed out or failed"
  done
done

# The sizes above are timed one after another, minutes apart: on a shared machine the load moves each median
# by tens of percent, and the ratio of two medians taken under different loads says little. So each larger size
# is also run in interleaved pairs with the smallest one (smallest, N×, smallest, N×, ...): both runs of a pair
# see the same load, and the scaling target is judged on the median of the pairs' ratios.
ran_ok() { node -e 'const [f, id] = process.argv.slice(1); process.exit(require("fs").readFileSync(f, "utf8").split("\n").filter(Boolean).map(JSON.parse).some((r) => r.id === id && r.status === "ok") ? 0 : 1)' "$JSONL" "$1"; }
wall() { # seconds of one run of "$@" in the current directory
  local t0 t1
  t0=$(date +%s%N)
  timeout "$TIMEOUT" "$@" > /dev/null 2>&1 || [ $? -eq 1 ] || return 1
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 ))"
}
if [ "$PAIRS" -gt 0 ]; then
  read -r -a mults <<< "$MULTIPLIERS"
  base="${mults[0]}"
  log "Scaling, interleaved: $PAIRS pair(s) of (${base}×, N×) runs per size"
  for b in $SCALING_BUILDS; do
    ran_ok "scale-$b-$base" || continue
    for m in "${mults[@]:1}"; do
      ran_ok "scale-$b-$m" || continue
      pairs=() failed=""
      for ((k = 1; k <= PAIRS; k++)); do
        small=$(cd "$CORPUS/x$base" && wall "${BIN[$b]}" .) || { failed=1; break; }
        big=$(cd "$CORPUS/x$m" && wall "${BIN[$b]}" .) || { failed=1; break; }
        pairs+=("$small:$big")
      done
      [ -z "$failed" ] || { note "interleaved scaling pairs ($b, ${m}×) failed"; continue; }
      info "$b ${base}× / ${m}× pairs (ms): ${pairs[*]}"
      node "$BENCH/report.mjs" record "$JSONL" group=scaling-pairs "id=pairs-$b-$m" "build=$b" "multiplier=$m" "base=$base" "pairs=$(IFS=,; echo "${pairs[*]}")"
    done
  done
fi

log "Output cost: $(summary_of findings)"
descf="$(summary_of findings)"
for b in "${BUILDS[@]}"; do
  for fmt in text-quiet text json sarif; do
    [ "$fmt" = sarif ] && [ "$b" = aot ] && [ "$AOT_SARIF_OK" = 0 ] && continue
    case "$fmt" in
      text-quiet) args=(--quiet); label="text --quiet (stdout)"; outf="" ;;
      text) args=(); label="text (stdout)"; outf="" ;;
      *) outf="$OUT/report-$b.$fmt"; args=(--format "$fmt" --output "$outf"); label="$fmt --output file" ;;
    esac
    info "manifestlint ($b) $label"
    times=() reports=() rss=0 failed=""
    for ((k = 1; k <= OUTPUT_RUNS; k++)); do
      tv="$RES/out-$b-$fmt.time"; err="$RES/out-$b-$fmt.stderr"; rc=0
      ( cd "$CORPUS/findings" && /usr/bin/time -f '%e %M' -o "$tv" timeout "$TIMEOUT" "${BIN[$b]}" . "${args[@]}" --stats > "$RES/out-$b-$fmt.stdout" 2> "$err" ) || rc=$?
      if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then failed="failed (exit $rc): $(tail -2 "$err" | tr '\n' ' ')"; break; fi
      read -r t r < <(tail -1 "$tv")
      times+=("$t"); [ "$r" -gt "$rss" ] && rss="$r"
      reports+=("$(sed -nE 's/.*stats: .* report ([0-9]+) ms.*/\1/p' "$err")")
    done
    if [ -n "$failed" ]; then
      note "manifestlint ($b) $label on the findings corpus $failed"
      node "$BENCH/report.mjs" record "$JSONL" group=output "id=out-$b-$fmt" "label=$label" "status=$failed" "build=$b" "format=$fmt"
      continue
    fi
    findings="$(sed -nE 's/.*stats: .* ([0-9]+) findings.*/\1/p' "$err")"
    if [ "$fmt" = json ]; then
      counted="$(node "$BENCH/report.mjs" count-findings "$outf")"
      [ "$counted" = "$findings" ] || note "the JSON report has $counted findings, --stats says $findings"
      [ "$counted" -ge 10000 ] || note "the findings corpus gives only $counted findings (< 10,000): raise BENCH_FINDINGS_SERVICES"
    fi
    bytes=""; if [ -n "$outf" ]; then bytes="$(stat -c %s "$outf")"; else bytes="$(stat -c %s "$RES/out-$b-$fmt.stdout")"; fi
    node "$BENCH/report.mjs" record "$JSONL" group=output "id=out-$b-$fmt" "label=$label" status=ok "build=$b" "format=${fmt%-quiet}" \
      "times=$(IFS=,; echo "${times[*]}")" "reportTimes=$(IFS=,; echo "${reports[*]}")" "rssKb=$rss" "findings=$findings" "outBytes=$bytes" \
      "corpus=$FINDINGS_SERVICES services, every defect in every service (bench/.corpus/findings)" "corpusDesc=$descf"
    info "   wall ${times[*]} s; report phase ${reports[*]} ms; $findings findings"
  done
done
# text-quiet is recorded with format=text; keep SARIF/JSON the only formats judged against the target.

# ------------------------------------------------------------------ 5. report
log "Report"
load_end="$(cut -d' ' -f1-3 /proc/loadavg)"
elapsed=$(( $(date +%s) - started ))
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src 2>/dev/null || echo ' (src/ modified)')"
builds_desc="$(for b in "${MONO_BUILDS[@]}"; do printf '%s\n' "${BUILD_DESC[$b]}"; done | paste -sd';' | sed 's/;/; /g')"
busy="$(awk -v l="${load_start%% *}" -v e="${load_end%% *}" -v n="$(nproc)" 'BEGIN { if (l > n || e > n) print 1 }')"
[ -n "$busy" ] && note "The machine was busy during the run (load average ${load_start%% *} at the start, ${load_end%% *} at the end, on $(nproc) cores): other processes shared the CPU, so these times are higher and noisier than on an idle machine."
node - "$RES/machine.json" <<EOF
const facts = [
  ['date (UTC)', '$(date -u '+%Y-%m-%d %H:%M')'],
  ['commit', '$commit'],
  ['CPU', $(node -p 'JSON.stringify(process.argv[1])' "$cpu") + ' (' + '$(nproc)' + ' cores for this process, nproc)'],
  ['RAM', '$mem'],
  ['OS', $(node -p 'JSON.stringify(process.argv[1])' "$(uname -sr) / $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")")],
  ['load average (1, 5, 15 min) at start / end', '$load_start / $load_end'],
  ['.NET SDK', '$(dotnet --version)'],
  ['node', '$(node --version)'],
  ['hyperfine', '$(hyperfine --version | cut -d' ' -f2)'],
  ['ESLint', '$("$ESLINT" --version)'],
  ['yamllint', '$(yamllint --version | cut -d' ' -f2)'],
  ['GNU time', '$(dpkg-query -W -f '${Version}' time 2>/dev/null || echo unknown)'],
  ['builds', $(node -p 'JSON.stringify(process.argv[1])' "$builds_desc")],
  ['bench run time', '$((elapsed / 60)) min $((elapsed % 60)) s'],
];
const settings = [
  ['BENCH_QUICK', '$QUICK'], ['BENCH_MULTIPLIERS', '$MULTIPLIERS'], ['BENCH_MONOREPO_MULTIPLIER', '$MONO'], ['BENCH_RUNS (max runs per case)', '$RUNS'],
  ['BENCH_SMALL_RUNS (pre-commit)', '$SMALL_RUNS'], ['BENCH_CASE_BUDGET (s)', '$BUDGET'], ['BENCH_TIMEOUT (s)', '$TIMEOUT'],
  ['BENCH_SCALING_BUILDS', '$SCALING_BUILDS'], ['BENCH_FINDINGS_SERVICES', '$FINDINGS_SERVICES'], ['BENCH_OUTPUT_RUNS', '$OUTPUT_RUNS'],
];
require('fs').writeFileSync(process.argv[2], JSON.stringify({ date: facts[0][1] + ' UTC', quick: '$QUICK' === '1', facts, settings }, null, 2));
EOF
node "$BENCH/report.mjs" render "$JSONL" "$RES/machine.json" > "$RESULTS_MD.tmp"
mv "$RESULTS_MD.tmp" "$RESULTS_MD"
cat "$RESULTS_MD"
printf '\nbench: wrote %s (raw data in %s) in %d min %d s\n' "${RESULTS_MD#"$REPO"/}" "${RES#"$REPO"/}" $((elapsed / 60)) $((elapsed % 60)) >&2
