#!/usr/bin/env bash
# Runs the whole test suite: installs OpenBLAS when missing, builds, and runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build "$@"
