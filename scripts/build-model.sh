#!/usr/bin/env bash
# Regenerates the default model, models/default.tensionmodel, from training-data/*.csv, byte for
# byte: scripts/model-options.sh names the files (in C-locale name order) and the options, and the
# result does not depend on the thread count. A test (DefaultModelTests) retrains with the options
# stored in the shipped model and checks that the bytes are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product tension >&2
. scripts/model-options.sh
# shellcheck disable=SC2086
.build/release/tension train $MODEL_FILES --output models/default.tensionmodel $MODEL_OPTIONS
