#!/usr/bin/env bash
# Reproduces the figures of training-data/README.md: counts per label, family, region, length and
# tie-break; stratified 5-fold cross-validation with the default model's options; and the default
# model on real news (../shared/bench/conflibert3/train.csv, never trained on).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product tension >&2
. scripts/model-options.sh
files=$MODEL_FILES

echo "## Counts"
python3 - $files <<'PY'
import csv, sys, collections
rows = []
for f in sys.argv[1:]:
    with open(f, newline='', encoding='utf-8') as h:
        for r in csv.DictReader(h):
            r['file'] = f.split('/')[-1]
            rows.append(r)
n = len(rows)
print(f"{n} sentences in {len(sys.argv) - 1} files")
def table(key, title):
    c = collections.Counter(r.get(key, '') or '-' for r in rows)
    print(f"\n{title}")
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {k:<28} {v:>5}  {100 * v / n:5.1f}%")
table('label', 'label')
table('file', 'file')
table('region', 'region')
table('tiebreak', 'tie-break rule (- = none)')
fam = collections.Counter((r['label'], r.get('family', '')) for r in rows)
print("\nfamily")
for (l, f), v in sorted(fam.items()):
    print(f"  {l:<13} {f:<16} {v:>5}")
words = sorted(len(r['text'].split()) for r in rows)
print(f"\nlength in words: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}; "
      f"{sum(1 for w in words if w <= 8)} of 8 words or fewer")
print(f"distinct texts: {len(set(r['text'] for r in rows))}")
PY

echo
echo "## Stratified 5-fold cross-validation (seed 1)"
# shellcheck disable=SC2086
.build/release/tension eval --cv 5 $files $MODEL_OPTIONS

echo
echo "## The default model on real news: conflibert3 (1,349 sentences, never trained on)"
if [ -f ../shared/bench/conflibert3/train.csv ]; then
  .build/release/tension eval ../shared/bench/conflibert3/train.csv --model models/default.tensionmodel
else
  echo "(../shared/bench/conflibert3/train.csv is not here; skipped)"
fi
