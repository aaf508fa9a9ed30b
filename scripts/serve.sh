#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080 (release build), installing any missing tool first.
# Extra arguments go to `trunk serve`, e.g. `--port 9000`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# Trunk serves on port 8080 unless told another (so `--port` may be given once, here).
exec bash scripts/trunk.sh serve --release --no-autoreload --address 127.0.0.1 "$@"
