#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs each for a bounded time, one after another.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     SECONDS per target, default 600; default all targets
#
# Each target starts from its saved corpus in Fuzz/corpus/<target>/ and writes what it learns to a
# scratch corpus (Fuzz/.fuzz-work/<target>/, not committed); new crashes, timeouts and
# out-of-memory inputs land in Fuzz/.fuzz-work/findings/. The script prints, per target,
# the executions, the coverage (libFuzzer's `cov:` edges and `ft:` features), the corpus
# size and whether anything was found, and exits non-zero on a finding.
# To save a minimised corpus back into the repository:  scripts/fuzz.sh --merge [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

all_targets=(fuzz-csv fuzz-model fuzz-jsonl fuzz-sentences fuzz-dates)
merge=0
if [[ "${1:-}" == "--merge" ]]; then merge=1; shift; fi
seconds=600
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all_targets[@]}")

# Inputs above these sizes cost time without reaching new code (bytes).
max_len() {
    case "$1" in
        fuzz-model) echo 65536 ;;
        fuzz-dates) echo 1024 ;;
        *) echo 16384 ;;
    esac
}

# The sentence and date targets need the articles stage (Sources/TensionKit/Articles).
available() {
    case "$1" in
        fuzz-sentences) [[ -f Sources/TensionKit/Articles/SentenceSplitter.swift ]] ;;
        fuzz-dates) [[ -f Sources/TensionKit/Articles/PublicationDateFinder.swift ]] ;;
        *) true ;;
    esac
}

build() {
    # -parse-as-library: the entry point is libFuzzer's main, not a Swift top-level.
    swift build -c release --package-path Fuzz --product "$1" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2
    echo "Fuzz/.build/release/$1"
}

work=Fuzz/.fuzz-work
mkdir -p "$work/findings"
status=0
summary=()
for t in "${targets[@]}"; do
    if ! available "$t"; then
        summary+=("$t: skipped (Sources/TensionKit/Articles is not on this branch yet)")
        continue
    fi
    bin=$(build "$t")
    mkdir -p "Fuzz/corpus/$t" "$work/$t"
    if [[ $merge == 1 ]]; then
        # Minimise saved + learned inputs into a fresh folder, then replace the saved corpus.
        fresh=$(mktemp -d)
        "$bin" -merge=1 -max_len="$(max_len "$t")" "$fresh" "Fuzz/corpus/$t" "$work/$t" 2>"$work/$t.merge.log"
        rm -f "Fuzz/corpus/$t"/*
        cp "$fresh"/* "Fuzz/corpus/$t"/ 2>/dev/null || true
        rm -rf "$fresh"
        summary+=("$t: saved corpus now $(ls "Fuzz/corpus/$t" | wc -l) files, $(du -sk "Fuzz/corpus/$t" | cut -f1) KiB")
        continue
    fi
    log="$work/$t.log"
    echo "== $t: ${seconds}s" >&2
    set +e
    # -timeout: an input that takes over 10 s is a hang; -rss_limit_mb: 2 GiB is "unbounded memory".
    "$bin" "$work/$t" "Fuzz/corpus/$t" \
        -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/findings/$t-" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    set -e
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    last=$(grep -E '#[0-9]+.*(cov|ft):' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
    ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
    corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' <<<"$last" | cut -d' ' -f2 || echo '?')
    rate=$(grep -o 'exec/s: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo '?')
    if [[ $rc == 0 ]]; then verdict="no finding"; else verdict="FINDING (exit $rc), see $log and $work/findings/"; status=1; fi
    summary+=("$t: ${seconds}s, $execs executions (~$rate/s), cov $cov edges, ft $ft features, corpus $corp; $verdict")
done
printf '%s\n' "${summary[@]}"
exit $status
