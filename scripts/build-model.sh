#!/usr/bin/env bash
# Regenerates the default model, models/default.tensionmodel, from training-data/*.csv, byte for
# byte: the options in scripts/model-options.sh are the only ones, the files are read in C-locale name order, and the
# result does not depend on the thread count. A test (DefaultModelTests) retrains with the options
# stored in the shipped model and checks that the bytes are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product tension >&2
export LC_ALL=C
files=$(ls training-data/*.csv | sort)
# shellcheck disable=SC2086
. scripts/model-options.sh
.build/release/tension train $files --output models/default.tensionmodel $MODEL_OPTIONS
