#!/usr/bin/env bash
# Runs every test: the core's unit and property tests (native), the release build and its size
# budget, and the browser end-to-end and accessibility tests in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== native tests of the core (cargo test)"
cargo test --locked

echo "== release build (trunk build --release)"
bash scripts/trunk.sh build --release --offline
node scripts/single-file.mjs

echo "== browser tests, accessibility and size budget (node --test)"
node --test --test-concurrency=1 tests/
