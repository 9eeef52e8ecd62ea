#!/usr/bin/env bash
# Runs tension, scikit-learn and fastText side by side on the benchmark sets and prints one table.
#
#   scripts/compare-peers.sh            accuracy, macro-F1, fit seconds and peak memory on
#                                       agnews, finphrase, tweeteval-stance (train.csv -> test.csv)
#                                       and conflibert3 (train.csv, 20% stratified hold-out, seed 1)
#   scripts/compare-peers.sh --scale    training time and peak memory at 10k, 30k, 121,600 and 500k
#                                       rows (agnews/train.csv repeated), and scoring throughput
#
# Options: --sizes "10000 30000 121600 500000"   (scale sizes)
#          --fasttext-sizes "121600"              (scale sizes at which fastText also runs)
#          --score-sentences 100000               (sentences scored in the throughput test)
#          --sklearn-threads 1                    (OpenMP/OpenBLAS threads of the scikit-learn runs;
#                                                  1 is its faster setting here: with 2, its L-BFGS
#                                                  spends several times the CPU on thread overhead)
#
# The Python side (scripts/peers.py) runs in .venv-bench/, created here with python3 -m venv; pip
# installs scikit-learn, fasttext-wheel and numpy into it when they are missing. The data is read
# from ../shared/bench (override with BENCH_DIR). Per-run JSON and logs go to .bench-out/.
# The Python runs drop OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (they slow a current numpy; see the
# environment notes); tension runs keep the environment as it is.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
BENCH=${BENCH_DIR:-../shared/bench}
VENV=.venv-bench
MODE=compare
SIZES="10000 30000 121600 500000"
FASTTEXT_SIZES="121600"
SCORE_SENTENCES=100000
SKLEARN_THREADS=1
while [[ $# -gt 0 ]]; do
    case $1 in
        --scale) MODE=scale ;;
        --sizes) SIZES=$2; shift ;;
        --fasttext-sizes) FASTTEXT_SIZES=$2; shift ;;
        --score-sentences) SCORE_SENTENCES=$2; shift ;;
        --sklearn-threads) SKLEARN_THREADS=$2; shift ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) echo "compare-peers.sh: unknown argument $1" >&2; exit 64 ;;
    esac
    shift
done

[[ -d $BENCH ]] || { echo "compare-peers.sh: no benchmark data at $BENCH (set BENCH_DIR)" >&2; exit 66; }

# --- tools ------------------------------------------------------------------------------------
if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time (Debian package 'time') for peak-memory figures" >&2
    apt-get install -y -q time >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
fi
if [[ ! -x $VENV/bin/python ]]; then
    python3 -m venv "$VENV"
fi
PY=$VENV/bin/python
if ! "$PY" -c 'import sklearn, fasttext, numpy, threadpoolctl' 2>/dev/null; then
    "$PY" -m pip install -q --disable-pip-version-check scikit-learn fasttext-wheel numpy threadpoolctl
fi
swift build -c release >&2
TENSION=$ROOT/.build/release/tension

STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT=.bench-out/$MODE-$STAMP
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
RESULTS=$OUT/results.jsonl
: > "$RESULTS"

# Python without the OpenBLAS overrides (in this command alone).
pyrun() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PY" "$@"; }

# timed FILE CMD...: runs CMD under /usr/bin/time -v, its report in FILE.
timed() { local f=$1; shift; /usr/bin/time -v -o "$f" "$@"; }

# record JSON-OBJECT-FILE TIME-FILE key=value...: adds wall seconds and peak RSS to one JSON object
# (or an empty one) and appends it to the results.
record() {
    "$PY" - "$@" >> "$RESULTS" <<'EOF'
import json, re, sys
path, timefile, *pairs = sys.argv[1:]
text = open(path).read().strip() if path != "-" else ""
d = json.loads(text.splitlines()[-1]) if text else {}
t = open(timefile).read()
m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % w, t).group(1)) for w in ("User", "System"))
d.setdefault("process_wall_s", wall)
d["process_cpu_s"] = cpu
d["process_peak_rss_mb"] = rss
for p in pairs:
    k, v = p.split("=", 1)
    try: v = json.loads(v)
    except ValueError: pass
    d[k] = v
if d.get("tool") == "tension":
    d.setdefault("train_s", wall)
    d.setdefault("cpu_s", cpu)
    d.setdefault("peak_rss_mb", rss)
    pc = d.get("per_class") or {}
    if "favor" in pc and "against" in pc:
        d["f_avg"] = (pc["favor"]["f1"] + pc["against"]["f1"]) / 2
    if pc:
        d["test_rows"] = sum(c["support"] for c in pc.values())
print(json.dumps(d))
EOF
}

rows() { "$PY" -c 'import csv,sys; csv.field_size_limit(sys.maxsize); print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$1"; }

# tension_run SET TRAIN TEST [key=value...]: trains (timed), then evaluates on TEST.
tension_run() {
    local set=$1 train=$2 test=$3; shift 3
    timed "$TMP/time" "$TENSION" train "$train" --output "$TMP/model" --ngrams 2 --c 10 2> "$OUT/$set-tension-train.log"
    "$TENSION" eval "$test" --model "$TMP/model" --format json > "$TMP/eval.json"
    record "$TMP/eval.json" "$TMP/time" set="\"$set\"" tool='"tension"' train_rows="$(rows "$train")" "$@"
}

# peer_run TOOL SET TRAIN TEST [extra args...]
peer_run() {
    local tool=$1 set=$2 train=$3 test=$4; shift 4
    local threads=()
    [[ $tool == sklearn ]] && threads=(OMP_NUM_THREADS="$SKLEARN_THREADS" OPENBLAS_NUM_THREADS="$SKLEARN_THREADS" MKL_NUM_THREADS="$SKLEARN_THREADS")
    timed "$TMP/time" env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${threads[@]}" "$PY" scripts/peers.py "$tool" \
        --train "$train" --test "$test" "$@" > "$TMP/peer.json" 2> "$OUT/$set-$tool.log"
    record "$TMP/peer.json" "$TMP/time" set="\"$set\"" "${RECORD_EXTRA[@]}"
}

header() {
    echo "# $1"
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/ {print $2}') GiB memory"
    echo "load before: $(uptime | sed 's/.*load average: //')"
    echo "OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset} OPENBLAS_L2_SIZE=${OPENBLAS_L2_SIZE:-unset} (kept for tension, dropped for Python)"
    echo "threads: tension all cores ($(nproc)); scikit-learn OMP/OpenBLAS threads $SKLEARN_THREADS; fastText thread=2"
    echo "tension $("$TENSION" --version); $("$PY" -c 'import sklearn, numpy, scipy; print(f"scikit-learn {sklearn.__version__}, numpy {numpy.__version__}, scipy {scipy.__version__}")'); fasttext-wheel $("$PY" -m pip show fasttext-wheel 2>/dev/null | awk '/^Version/ {print $2}')"
    echo
}

RECORD_EXTRA=()

if [[ $MODE == compare ]]; then
    header "tension vs scikit-learn vs fastText (--ngrams 2 --c 10)" | tee "$OUT/table.md"
    for set in agnews finphrase tweeteval-stance conflibert3; do
        if [[ $set == conflibert3 ]]; then
            # The same split for every tool: tension's own --holdout 0.2 split (seed 1), reproduced
            # exactly by peers.py (see its holdout()), written as two files.
            pyrun scripts/peers.py split "$BENCH/conflibert3/train.csv" --fraction 0.2 --seed 1 \
                --train-out "$TMP/conflibert3-train.csv" --test-out "$TMP/conflibert3-test.csv" > /dev/null
            train=$TMP/conflibert3-train.csv test=$TMP/conflibert3-test.csv
            # Check that the files are tension's --holdout split: the same figures either way.
            "$TENSION" train "$BENCH/conflibert3/train.csv" --output "$TMP/holdout-model" --ngrams 2 --c 10 \
                --holdout 0.2 --format json 2>/dev/null > "$TMP/holdout.json"
        else
            train=$BENCH/$set/train.csv test=$BENCH/$set/test.csv
        fi
        echo "running $set ..." >&2
        tension_run "$set" "$train" "$test"
        if [[ $set == conflibert3 ]]; then
            "$PY" -c 'import json,sys; a=json.loads(open(sys.argv[1]).read()); b=json.loads(open(sys.argv[2]).readlines()[-1]); print("conflibert3: tension --holdout 0.2 accuracy %.4f, on the split files %.4f (%s)" % (a["accuracy"], b["accuracy"], "same split" if abs(a["accuracy"]-b["accuracy"])<1e-9 else "SPLITS DIFFER"))' \
                "$TMP/holdout.json" "$RESULTS" | tee "$OUT/conflibert3-split-check.txt" >&2
        fi
        peer_run sklearn "$set" "$train" "$test"
        peer_run fasttext "$set" "$train" "$test"
    done
    pyrun scripts/peers.py table "$RESULTS" | tee -a "$OUT/table.md"
    cat "$OUT/conflibert3-split-check.txt" >> "$OUT/table.md"
    echo "load after: $(uptime | sed 's/.*load average: //')" | tee -a "$OUT/table.md"
else
    header "scale: agnews/train.csv repeated to N rows, --ngrams 2 --c 10" | tee "$OUT/table.md"
    TEST=$BENCH/agnews/test.csv
    pyrun scripts/peers.py lines "$BENCH/agnews/train.csv" --rows "$SCORE_SENTENCES" --out "$TMP/sentences.txt"
    for n in $SIZES; do
        echo "running $n rows ..." >&2
        pyrun scripts/peers.py repeat "$BENCH/agnews/train.csv" --rows "$n" --out "$TMP/train-$n.csv"
        tension_run "scale-$n" "$TMP/train-$n.csv" "$TEST" rows="$n"
        if [[ $n == 121600 ]]; then
            cp "$TMP/model" "$TMP/model-121600"
            # Scoring throughput: the whole `tension predict` process, model loading included.
            timed "$TMP/time" "$TENSION" predict --model "$TMP/model-121600" --format csv \
                < "$TMP/sentences.txt" > "$TMP/predictions.csv"
            record - "$TMP/time" tool='"tension-predict"' rows="$n" score_sentences="$SCORE_SENTENCES"
            "$PY" - "$RESULTS" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
d = json.loads(lines[-1]); d["score_s"] = d["process_wall_s"]; d["score_cpu_s"] = d["process_cpu_s"]
d["score_per_s"] = d["score_sentences"] / d["score_s"]
d["peak_rss_mb"] = d["process_peak_rss_mb"]; lines[-1] = json.dumps(d)
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
EOF
            RECORD_EXTRA=(rows="$n")
            peer_run sklearn "scale-$n" "$TMP/train-$n.csv" "$TEST" --score "$TMP/sentences.txt"
            # The sklearn run above also measured transform + predict_proba; record it as its own row.
            "$PY" - "$RESULTS" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
d = json.loads(lines[-1])
s = {"tool": "sklearn-score", "rows": d["rows"], "score_sentences": d["score_sentences"], "score_s": d["score_s"],
     "score_cpu_s": d["score_cpu_s"],
     "score_per_s": d["score_per_s"], "peak_rss_mb": d["process_peak_rss_mb"]}
open(sys.argv[1], "a").write(json.dumps(s) + "\n")
EOF
        else
            RECORD_EXTRA=(rows="$n")
            peer_run sklearn "scale-$n" "$TMP/train-$n.csv" "$TEST"
        fi
        if [[ " $FASTTEXT_SIZES " == *" $n "* ]]; then
            peer_run fasttext "scale-$n" "$TMP/train-$n.csv" "$TEST"
        fi
        RECORD_EXTRA=()
        rm -f "$TMP/train-$n.csv"
    done
    pyrun scripts/peers.py scale-table "$RESULTS" | tee -a "$OUT/table.md"
    echo "load after: $(uptime | sed 's/.*load average: //')" | tee -a "$OUT/table.md"
fi
echo >&2
echo "results: $OUT/results.jsonl, table: $OUT/table.md" >&2
