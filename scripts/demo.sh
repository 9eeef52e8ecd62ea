#!/usr/bin/env bash
# The main job: score the sample articles in examples/ with the default model that ships in
# models/, and draw the daily escalation chart (also written as SVG to $TMPDIR/tension-examples.svg).
# Installs OpenBLAS when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product tension >&2
svg="${TMPDIR:-/tmp}/tension-examples.svg"
.build/release/tension chart examples/ --svg "$svg"
echo "SVG chart: $svg" >&2
