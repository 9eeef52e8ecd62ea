#!/usr/bin/env python3
"""The Python side of the peer comparison: scikit-learn and fastText on the same files as tension.

Run by scripts/compare-peers.sh inside its virtual environment (.venv-bench/). Subcommands:

  split IN --fraction F --seed S --train-out A --test-out B
      Stratified hold-out split that reproduces tension's DataSplit.holdout exactly
      (labels sorted, each label's rows shuffled by SplitMix64 Fisher-Yates, round(F x n) held out).
  sklearn --train A --test B [--score FILE]
      TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True) + LogisticRegression(C=10, max_iter=1000);
      prints one JSON object: accuracy, macro-F1, read/vectorise/fit seconds, peak RSS after fit, and,
      with --score, the sentences per second of transform + predict_proba on FILE (one sentence a line).
  fasttext --train A --test B
      fastText train_supervised(wordNgrams=2, epoch=25, lr=0.5, thread=2); prints one JSON object.
  lines IN --rows N --out F
      Writes the text column of IN, repeated (and cut) to N rows, one sentence a line.
  repeat IN --rows N --out F
      Writes IN's header and its records repeated (and cut) to N rows.
  table RESULTS.jsonl
      Prints the side-by-side table of the results that compare-peers.sh collected.
  scale-table RESULTS.jsonl
      Prints the growth and ratio tables of the scale benchmark.
"""

import argparse
import csv
import json
import os
import resource
import sys
import tempfile
import time

csv.field_size_limit(sys.maxsize)

MASK = (1 << 64) - 1


class SplitMix64:
    """The same generator as TensionKit's SplitMix64 (Steele, Lea and Flood 2014)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        limit = MASK - MASK % bound
        while True:
            r = self.next()
            if r < limit:
                return r % bound

    def shuffled(self, values):
        a = list(values)
        for i in range(len(a) - 1, 0, -1):
            j = self.below(i + 1)
            a[i], a[j] = a[j], a[i]
        return a


def holdout(labels, fraction, seed):
    """Indices (train, test) exactly as tension's DataSplit.holdout computes them."""
    rng = SplitMix64(seed)
    groups = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    train, test = [], []
    for label in sorted(groups):
        rows = groups[label]
        shuffled = rng.shuffled(rows)
        k = int(fraction * len(rows) + 0.5)  # Swift's rounded(): half away from zero
        k = min(max(k, 1), len(rows) - 1) if len(rows) >= 2 else 0
        test.extend(shuffled[:k])
        train.extend(shuffled[k:])
    return sorted(train), sorted(test)


def read_csv(path, text_column="text", label_column="label"):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [r for r in reader if r]
    ti, li = header.index(text_column), header.index(label_column)
    return header, rows, [r[ti] for r in rows], [r[li] for r in rows]


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def f_avg(labels, f1s):
    """TweetEval's stance measure: the mean F1 of favor and against, when both labels exist."""
    d = dict(zip(labels, f1s))
    if "favor" in d and "against" in d:
        return (d["favor"] + d["against"]) / 2
    return None


def cmd_split(a):
    header, rows, _, labels = read_csv(a.input, a.text_column, a.label_column)
    train, test = holdout(labels, a.fraction, a.seed)
    write_csv(a.train_out, header, [rows[i] for i in train])
    write_csv(a.test_out, header, [rows[i] for i in test])
    print(json.dumps({"train_rows": len(train), "test_rows": len(test)}))


def cmd_sklearn(a):
    t0 = time.perf_counter()
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import accuracy_score, f1_score
    import sklearn
    t_import = time.perf_counter() - t0

    t0 = time.perf_counter()
    _, _, x_train, y_train = read_csv(a.train, a.text_column, a.label_column)
    t_read = time.perf_counter() - t0
    rss_before = peak_rss_mb()

    t0, c0 = time.perf_counter(), time.process_time()
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    X = vec.fit_transform(x_train)
    t_vec = time.perf_counter() - t0
    t0 = time.perf_counter()
    clf = LogisticRegression(C=a.c, max_iter=a.max_iter)
    clf.fit(X, y_train)
    t_fit = time.perf_counter() - t0
    cpu_train = time.process_time() - c0
    rss_fit = peak_rss_mb()

    _, _, x_test, y_test = read_csv(a.test, a.text_column, a.label_column)
    pred = clf.predict(vec.transform(x_test))
    labels = sorted(set(y_train) | set(y_test))
    f1s = f1_score(y_test, pred, labels=labels, average=None)
    out = {
        "tool": "sklearn", "version": sklearn.__version__,
        "train_rows": len(x_train), "test_rows": len(x_test), "features": len(vec.vocabulary_),
        "iterations": int(np.max(clf.n_iter_)),
        "accuracy": accuracy_score(y_test, pred),
        "macro_f1": f1_score(y_test, pred, labels=labels, average="macro"),
        "f_avg": f_avg(labels, list(f1s)),
        "import_s": t_import, "read_s": t_read, "vectorize_s": t_vec, "fit_s": t_fit,
        "train_s": t_vec + t_fit, "train_cpu_s": cpu_train,
        "rss_before_train_mb": rss_before, "peak_rss_after_fit_mb": rss_fit,
    }
    if a.score:
        with open(a.score, encoding="utf-8") as f:
            sentences = [line.rstrip("\n") for line in f if line.strip()]
        t0, c0 = time.perf_counter(), time.process_time()
        clf.predict_proba(vec.transform(sentences))
        t_score = time.perf_counter() - t0
        out.update({"score_sentences": len(sentences), "score_s": t_score, "score_cpu_s": time.process_time() - c0,
                    "score_per_s": len(sentences) / t_score})
    try:
        from threadpoolctl import threadpool_info
        out["blas"] = [{k: p.get(k) for k in ("internal_api", "architecture", "num_threads", "version")}
                       for p in threadpool_info()]
    except ImportError:
        pass
    out["openblas_coretype"] = os.environ.get("OPENBLAS_CORETYPE")
    out["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


def cmd_fasttext(a):
    import fasttext
    from sklearn.metrics import accuracy_score, f1_score

    _, _, x_train, y_train = read_csv(a.train, a.text_column, a.label_column)
    _, _, x_test, y_test = read_csv(a.test, a.text_column, a.label_column)

    def clean(t):
        return " ".join(t.split())

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        for t, y in zip(x_train, y_train):
            f.write("__label__" + y.replace(" ", "_") + " " + clean(t) + "\n")
        path = f.name
    try:
        t0, c0 = time.perf_counter(), time.process_time()
        model = fasttext.train_supervised(path, wordNgrams=2, epoch=25, lr=0.5, thread=2, verbose=0)
        t_fit = time.perf_counter() - t0
        cpu_fit = time.process_time() - c0
    finally:
        os.unlink(path)
    rss_fit = peak_rss_mb()
    # model.predict on a list avoids numpy 2's copy=False error of fasttext-wheel 0.9.2's single-text path.
    predicted, _ = model.predict([clean(t) for t in x_test], k=1)
    back = {y.replace(" ", "_"): y for y in set(y_train)}
    pred = [back[p[0][len("__label__"):]] for p in predicted]
    labels = sorted(set(y_train) | set(y_test))
    f1s = f1_score(y_test, pred, labels=labels, average=None)
    print(json.dumps({
        "tool": "fasttext", "train_rows": len(x_train), "test_rows": len(x_test),
        "accuracy": accuracy_score(y_test, pred),
        "macro_f1": f1_score(y_test, pred, labels=labels, average="macro"),
        "f_avg": f_avg(labels, list(f1s)),
        "fit_s": t_fit, "train_s": t_fit, "train_cpu_s": cpu_fit, "peak_rss_after_fit_mb": rss_fit, "peak_rss_mb": peak_rss_mb(),
    }))


def cycled(items, n):
    out = []
    while len(out) < n:
        out.extend(items[: n - len(out)])
    return out


def cmd_lines(a):
    _, _, texts, _ = read_csv(a.input, a.text_column, a.label_column)
    with open(a.out, "w", encoding="utf-8") as f:
        for t in cycled(texts, a.rows):
            f.write(" ".join(t.split()) + "\n")


def cmd_repeat(a):
    header, rows, _, _ = read_csv(a.input, a.text_column, a.label_column)
    write_csv(a.out, header, cycled(rows, a.rows))


def load_results(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def fmt(v, spec):
    return "-" if v is None else format(v, spec)


def ratio(a, b):
    return None if not a or not b else a / b


def print_table(header, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    line = lambda cells: "| " + " | ".join(str(c).rjust(w) if i else str(c).ljust(w)
                                           for i, (c, w) in enumerate(zip(cells, widths))) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
    for r in rows:
        print(line(r))


def cmd_table(a):
    results = load_results(a.results)
    sets = []
    for r in results:
        if r["set"] not in sets:
            sets.append(r["set"])
    by = {(r["set"], r["tool"]): r for r in results}
    header = ["set", "train/test rows",
              "tension acc", "tension F1", "tension s", "tension MB",
              "sklearn acc", "sklearn F1", "sklearn s", "sklearn MB",
              "fastText acc", "fastText F1", "fastText s", "fastText MB",
              "acc tension-sklearn", "sklearn s / tension s", "fastText s / tension s"]
    rows = []
    for s in sets:
        t, k, f = by.get((s, "tension"), {}), by.get((s, "sklearn"), {}), by.get((s, "fasttext"), {})
        diff = None if "accuracy" not in t or "accuracy" not in k else 100 * (t["accuracy"] - k["accuracy"])
        rows.append([s, f'{k.get("train_rows", t.get("train_rows", "?"))}/{k.get("test_rows", t.get("test_rows", "?"))}',
                     fmt(t.get("accuracy"), ".3f"), fmt(t.get("macro_f1"), ".3f"), fmt(t.get("train_s"), ".2f"), fmt(t.get("peak_rss_mb"), ".0f"),
                     fmt(k.get("accuracy"), ".3f"), fmt(k.get("macro_f1"), ".3f"), fmt(k.get("train_s"), ".2f"), fmt(k.get("peak_rss_mb"), ".0f"),
                     fmt(f.get("accuracy"), ".3f"), fmt(f.get("macro_f1"), ".3f"), fmt(f.get("train_s"), ".2f"), fmt(f.get("peak_rss_mb"), ".0f"),
                     fmt(diff, "+.1f") + (" pt" if diff is not None else ""),
                     fmt(ratio(k.get("train_s"), t.get("train_s")), ".1f") + "x",
                     fmt(ratio(f.get("train_s"), t.get("train_s")), ".1f") + "x"])
    print_table(header, rows)
    extra = [(s, by[(s, tool)]["f_avg"], tool) for s in sets for tool in ("tension", "sklearn", "fasttext")
             if by.get((s, tool), {}).get("f_avg") is not None]
    if extra:
        print()
        print("F_avg (mean F1 of favor and against): " +
              ", ".join(f"{s} {tool} {100 * v:.1f}" for s, v, tool in extra))
    print()
    print("acc/F1: accuracy and macro-F1 on the test file. tension s: wall time of the whole `tension train`"
          " process (read CSV, vectorise, fit, write the model). sklearn s: TfidfVectorizer.fit_transform +"
          " LogisticRegression.fit in-process (CSV reading and imports excluded). fastText s: train_supervised."
          " MB: peak resident set size of the process (/usr/bin/time -v), the Python ones including the"
          " interpreter, numpy/scipy and the test-set evaluation.")


def cmd_scale_table(a):
    results = load_results(a.results)
    by = {(r["rows"], r["tool"]): r for r in results}
    sizes = sorted({r["rows"] for r in results})
    print("Training time and peak memory by size (agnews/train.csv repeated or cut to N rows):")
    print()
    header = ["rows", "tension s", "tension CPU s", "tension MB", "tension s/1k rows",
              "sklearn vectorise s", "sklearn fit s", "sklearn s", "sklearn CPU s", "sklearn MB",
              "fastText s", "fastText MB", "tension s / sklearn s", "tension MB / sklearn MB"]
    rows = []
    for n in sizes:
        t, k, f = by.get((n, "tension"), {}), by.get((n, "sklearn"), {}), by.get((n, "fasttext"), {})
        rows.append([f"{n:,}", fmt(t.get("train_s"), ".2f"), fmt(t.get("cpu_s"), ".2f"), fmt(t.get("peak_rss_mb"), ".0f"),
                     fmt(ratio(t.get("train_s"), n / 1000), ".4f"),
                     fmt(k.get("vectorize_s"), ".2f"), fmt(k.get("fit_s"), ".2f"), fmt(k.get("train_s"), ".2f"),
                     fmt(k.get("train_cpu_s"), ".2f"), fmt(k.get("peak_rss_after_fit_mb"), ".0f"),
                     fmt(f.get("train_s"), ".2f"), fmt(f.get("peak_rss_after_fit_mb"), ".0f"),
                     fmt(ratio(t.get("train_s"), k.get("train_s")), ".3f"),
                     fmt(ratio(t.get("peak_rss_mb"), k.get("peak_rss_after_fit_mb")), ".2f")])
    print_table(header, rows)
    print()
    acc = [(n, by.get((n, tool), {}).get("accuracy"), tool) for n in sizes for tool in ("tension", "sklearn", "fasttext")]
    print("Accuracy on agnews/test.csv: " + "; ".join(
        f"{n:,} {tool} {v:.4f}" for n, v, tool in acc if v is not None))
    scores = [r for r in results if r["tool"] in ("tension-predict", "sklearn-score")]
    if scores:
        print()
        print("Scoring throughput:")
        print()
        header = ["tool", "sentences", "seconds", "CPU s", "sentences/s", "peak MB"]
        rows = [[r["tool"], f'{r["score_sentences"]:,}', fmt(r["score_s"], ".2f"), fmt(r.get("score_cpu_s"), ".2f"),
                 fmt(r["score_per_s"], ",.0f"), fmt(r.get("peak_rss_mb"), ".0f")] for r in scores]
        print_table(header, rows)
        tp = next((r for r in scores if r["tool"] == "tension-predict"), None)
        sp = next((r for r in scores if r["tool"] == "sklearn-score"), None)
        if tp and sp:
            print()
            print(f'tension predict / scikit-learn transform+predict_proba: {tp["score_per_s"] / sp["score_per_s"]:.2f}x'
                  " (target: at least 10x)")
    for n in sizes:
        t, k = by.get((n, "tension"), {}), by.get((n, "sklearn"), {})
        if t and k and n == a.target_rows:
            print()
            print(f"Targets at {n:,} rows:")
            rt = t["train_s"] / k["train_s"]
            rm = t["peak_rss_mb"] / k["peak_rss_after_fit_mb"]
            da = 100 * (t["accuracy"] - k["accuracy"]) if "accuracy" in t and "accuracy" in k else None
            print(f"- wall time tension / sklearn vectorise+fit = {rt:.3f} (target <= 0.10): {'met' if rt <= 0.10 else 'NOT met'}")
            if t.get("cpu_s") and k.get("train_cpu_s"):
                print(f"  (CPU time, less sensitive to other processes: tension {t['cpu_s']:.2f} s, sklearn {k['train_cpu_s']:.2f} s, ratio {t['cpu_s'] / k['train_cpu_s']:.3f})")
            print(f"- peak memory tension / sklearn = {rm:.3f} (target <= 0.50): {'met' if rm <= 0.5 else 'NOT met'}")
            if da is not None:
                print(f"- accuracy tension - sklearn = {da:+.2f} points (target within 0.5): {'met' if abs(da) <= 0.5 else 'NOT met'}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp):
        sp.add_argument("--text-column", default="text")
        sp.add_argument("--label-column", default="label")

    sp = sub.add_parser("split"); common(sp)
    sp.add_argument("input"); sp.add_argument("--fraction", type=float, default=0.2)
    sp.add_argument("--seed", type=int, default=1)
    sp.add_argument("--train-out", required=True); sp.add_argument("--test-out", required=True)
    sp.set_defaults(fn=cmd_split)

    sp = sub.add_parser("sklearn"); common(sp)
    sp.add_argument("--train", required=True); sp.add_argument("--test", required=True)
    sp.add_argument("--c", type=float, default=10.0); sp.add_argument("--max-iter", type=int, default=1000)
    sp.add_argument("--score")
    sp.set_defaults(fn=cmd_sklearn)

    sp = sub.add_parser("fasttext"); common(sp)
    sp.add_argument("--train", required=True); sp.add_argument("--test", required=True)
    sp.set_defaults(fn=cmd_fasttext)

    for name, fn in (("lines", cmd_lines), ("repeat", cmd_repeat)):
        sp = sub.add_parser(name); common(sp)
        sp.add_argument("input"); sp.add_argument("--rows", type=int, required=True); sp.add_argument("--out", required=True)
        sp.set_defaults(fn=fn)

    sp = sub.add_parser("table"); sp.add_argument("results"); sp.set_defaults(fn=cmd_table)
    sp = sub.add_parser("scale-table"); sp.add_argument("results")
    sp.add_argument("--target-rows", type=int, default=121600); sp.set_defaults(fn=cmd_scale_table)

    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
