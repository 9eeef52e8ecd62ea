#!/usr/bin/env bash
# Installs what tension needs to build on a Debian machine: OpenBLAS (libopenblas-dev) and pkg-config.
# Does nothing when they are already there. Needs root (or sudo) only when it installs.
set -euo pipefail
if pkg-config --exists openblas 2>/dev/null && [ -n "$(pkg-config --libs openblas 2>/dev/null)" ]; then
  exit 0
fi
echo "setup: installing libopenblas-dev and pkg-config" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libopenblas-dev pkg-config >/dev/null
pkg-config --exists openblas
