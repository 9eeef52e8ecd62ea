#!/usr/bin/env bash
# Demonstrates the labelling loop (suggest, label, retrain) and how the held-out figures move.
#
# Two training-data files play the part of new, unlabelled news: their sentences are given to
# `tension suggest` as JSON Lines articles with no labels. The labels the team wrote for them
# play the part of the analyst who labels the suggested rows. Each round adds the N suggested
# sentences (least sure first) to the training data, retrains, and evaluates on real news
# (../shared/bench/conflibert3/train.csv, never trained on); a control round adds N sentences
# picked at random from the same pool instead.
#
#   scripts/labelling-loop.sh [N=200] [ROUNDS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
rounds=${2:-3}
test=../shared/bench/conflibert3/train.csv
[ -f "$test" ] || { echo "needs $test" >&2; exit 1; }
bash scripts/setup.sh
swift build -c release --product tension >&2
bin=.build/release/tension
. scripts/model-options.sh
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pool_files="training-data/domestic-governance.csv training-data/regional-voices.csv"
base_files=$(ls training-data/*.csv | sort | grep -v -e domestic-governance -e regional-voices)

# The pool as unlabelled JSON Lines articles (one sentence each) and as a label key.
python3 - "$work" $pool_files <<'PY'
import csv, json, sys
work, files = sys.argv[1], sys.argv[2:]
with open(f"{work}/pool.jsonl", "w") as out, open(f"{work}/key.csv", "w", newline="") as key:
    w = csv.writer(key)
    w.writerow(["text", "label"])
    for f in files:
        for i, r in enumerate(csv.DictReader(open(f, newline="", encoding="utf-8"))):
            out.write(json.dumps({"id": f"{f.split('/')[-1]}:{i + 2}", "date": None, "text": r["text"]}) + "\n")
            w.writerow([r["text"], r["label"]])
PY
# shellcheck disable=SC2086
python3 - $base_files > "$work/base.csv" <<'PY'
import csv, sys
w = csv.writer(sys.stdout)
w.writerow(["text", "label"])
for f in sys.argv[1:]:
    for r in csv.DictReader(open(f, newline="", encoding="utf-8")):
        w.writerow([r["text"], r["label"]])
PY

figures() {  # MODEL -> "accuracy macro-F1" on the real-news set
  $bin eval "$test" --model "$1" --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.3f %.3f" % (d["accuracy"], d["macro_f1"]))'
}
label() {  # suggested CSV -> labelled rows appended to DATA
  python3 - "$work/key.csv" "$1" "$2" <<'PY'
import csv, sys
key = {r["text"]: r["label"] for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))}
rows = [r for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")) if r["text"] in key]
with open(sys.argv[3], "a", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for r in rows:
        w.writerow([r["text"], key[r["text"]]])
print(len(rows))
PY
}

printf "%-8s %-22s %8s %10s %9s\n" round strategy rows accuracy macro-F1
cp "$work/base.csv" "$work/active.csv"
cp "$work/base.csv" "$work/random.csv"
$bin train "$work/base.csv" --output "$work/m.model" $MODEL_OPTIONS 2>/dev/null
read -r acc f1 < <(figures "$work/m.model")
printf "%-8s %-22s %8s %10s %9s\n" 0 "base data" "$(($(wc -l < "$work/base.csv") - 1))" "$acc" "$f1"
for r in $(seq 1 "$rounds"); do
  # Least sure first: suggest from the pool, excluding what is already in the training data.
  $bin train "$work/active.csv" --output "$work/a.model" $MODEL_OPTIONS 2>/dev/null
  $bin suggest "$work/pool.jsonl" --input jsonl --model "$work/a.model" --count "$n" --exclude "$work/active.csv" > "$work/suggested.csv"
  label "$work/suggested.csv" "$work/active.csv" > /dev/null
  $bin train "$work/active.csv" --output "$work/a.model" $MODEL_OPTIONS 2>/dev/null
  read -r acc f1 < <(figures "$work/a.model")
  printf "%-8s %-22s %8s %10s %9s\n" "$r" "suggest (least sure)" "$(($(wc -l < "$work/active.csv") - 1))" "$acc" "$f1"
  # Control: the same number of pool sentences at random (seeded).
  python3 - "$work/key.csv" "$work/random.csv" "$n" "$r" <<'PY'
import csv, random, sys
key = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
have = {r["text"] for r in csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8"))}
left = [r for r in key if r["text"] not in have]
random.Random(int(sys.argv[4])).shuffle(left)
with open(sys.argv[2], "a", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for r in left[:int(sys.argv[3])]:
        w.writerow([r["text"], r["label"]])
PY
  $bin train "$work/random.csv" --output "$work/r.model" $MODEL_OPTIONS 2>/dev/null
  read -r acc f1 < <(figures "$work/r.model")
  printf "%-8s %-22s %8s %10s %9s\n" "$r" "random (control)" "$(($(wc -l < "$work/random.csv") - 1))" "$acc" "$f1"
done
