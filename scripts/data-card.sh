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

echo
echo "## Real news labelled by the guide: 450 conflibert3 sentences (docs/conflibert3-guide-labels.csv)"
# The committed file holds row numbers and our two annotators' labels, never the sentences: those
# are read from ../shared at run time. Compares CAMEO's labels with the guide's, and scores the
# default model against the guide's labels.
if [ -f ../shared/bench/conflibert3/train.csv ]; then
python3 - ../shared/bench/conflibert3/train.csv docs/conflibert3-guide-labels.csv .build/release/tension <<'PY'
import csv, json, random, subprocess, sys
from collections import Counter
data, labels_path, tension = sys.argv[1:4]
with open(data, newline='', encoding='utf-8') as h:
    rows = list(csv.DictReader(h))
with open(labels_path, newline='', encoding='utf-8') as h:
    sample = list(csv.DictReader(h))
annotators = [k for k in sample[0] if k != 'row']
idx = [int(r['row']) - 1 for r in sample]
cameo = [rows[i]['label'] for i in idx]
guide = {a: [r[a] for r in sample] for a in annotators}
L = ('conciliatory', 'neutral', 'warning')

def per_class(gold, pred):
    out = {}
    for l in L:
        tp = sum(1 for a, b in zip(gold, pred) if a == l and b == l)
        fp = sum(1 for a, b in zip(gold, pred) if a != l and b == l)
        fn = sum(1 for a, b in zip(gold, pred) if a == l and b != l)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[l] = 2 * p * r / (p + r) if p + r else 0.0
    return out

def macro(gold, pred):
    return sum(per_class(gold, pred).values()) / len(L)

def interval(gold, pred, resamples=2000):
    rng = random.Random(1)
    n = len(gold)
    v = sorted(macro(*zip(*[(gold[i], pred[i]) for i in (rng.randrange(n) for _ in range(n))]))
               for _ in range(resamples))
    return v[int(0.025 * resamples)], v[int(0.975 * resamples)]

def kappa(a, b):
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[l] * cb[l] for l in L) / n / n
    return po, (po - pe) / (1 - pe)

text = "".join(rows[i]['text'].replace('\r', ' ').replace('\n', ' ') + "\n" for i in idx)
out = subprocess.run([tension, 'predict', '--format', 'jsonl'], input=text.encode(), capture_output=True, check=True)
model = [json.loads(line)['label'] for line in out.stdout.decode().splitlines()]
assert len(model) == len(idx)

print(f"{len(idx)} sentences (stratified by CAMEO label: {dict(sorted(Counter(cameo).items()))})")
for a in annotators:
    print(f"annotator {a}: {dict(sorted(Counter(guide[a]).items()))}")
if len(annotators) == 2:
    po, k = kappa(guide[annotators[0]], guide[annotators[1]])
    print(f"annotators agree on {po:.3f} of sentences, Cohen's kappa {k:.3f}")
print()
print("| labels taken as true | CAMEO agrees | kappa | a model following them exactly, macro-F1 against CAMEO (95% bootstrap) | default model against them: accuracy | macro-F1 (95% bootstrap) | F1 conc / neutral / warning |")
print("|---|---:|---:|---:|---:|---:|---|")
for a in annotators:
    g = guide[a]
    po, k = kappa(cameo, g)
    lo, hi = interval(cameo, g)
    acc = sum(x == y for x, y in zip(g, model)) / len(g)
    mlo, mhi = interval(g, model)
    pc = per_class(g, model)
    print(f"| annotator {a} | {po:.3f} | {k:.3f} | {macro(cameo, g):.3f} [{lo:.3f}, {hi:.3f}] | {acc:.3f} | {macro(g, model):.3f} [{mlo:.3f}, {mhi:.3f}] | {pc['conciliatory']:.3f} / {pc['neutral']:.3f} / {pc['warning']:.3f} |")
acc = sum(x == y for x, y in zip(cameo, model)) / len(cameo)
print(f"| CAMEO itself | - | - | - | {acc:.3f} | {macro(cameo, model):.3f} | |")
if len(annotators) == 2:
    agreed = [i for i in range(len(idx)) if guide[annotators[0]][i] == guide[annotators[1]][i]]
    g = [guide[annotators[0]][i] for i in agreed]
    m = [model[i] for i in agreed]
    c = [cameo[i] for i in agreed]
    print(f"\nOn the {len(agreed)} sentences where both annotators agree: default model accuracy "
          f"{sum(x == y for x, y in zip(g, m)) / len(g):.3f}, macro-F1 {macro(g, m):.3f}; "
          f"CAMEO agrees with them on {sum(x == y for x, y in zip(g, c)) / len(g):.3f}")
PY
else
  echo "(../shared/bench/conflibert3/train.csv is not here; skipped)"
fi
