#!/usr/bin/env bash
# Runs every test: formatting and lints, the core's unit and property tests (native), the release
# build and its size budgets, and the browser end-to-end and accessibility tests in headless
# Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

echo "== formatting and lints (rustfmt, clippy native and wasm32)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
# The browser build: its library and binary (the tests' dev-dependencies are native only).
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins -- -D warnings

echo "== native tests of the core (cargo test)"
cargo test --locked

echo "== release build (trunk build --release)"
bash scripts/trunk.sh build --release
node scripts/single-file.mjs

echo "== browser tests, accessibility and size budgets (node --test)"
node --test --test-concurrency=1 tests/
