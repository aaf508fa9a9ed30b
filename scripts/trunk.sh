#!/usr/bin/env bash
# Runs Trunk (build or serve) with the settings of the release build:
#
# - std is rebuilt for the browser with panics that abort at once (`panic=immediate-abort`).
#   A panic already ends the app (the release profile aborts); this only drops the code that
#   would format a panic message nobody sees: about 15 KB gzipped, measured. Its library code
#   takes the variants written for size over speed (std's `optimize_for_size`: smaller sorting
#   and formatting, for instance): 1.4 KB gzipped less, measured, where the app sorts and
#   formats at most a few hundred things at a time.
# - `{:?}` (Debug) formatting and panic locations are compiled out (`fmt-debug=none`,
#   `location-detail=none`): the app never shows either to a user; 3.2 KB gzipped. These are unstable
#   cargo/rustc features, enabled on the stable toolchain by RUSTC_BOOTSTRAP for this build only
#   (native `cargo test` does not use them), which is why rust-toolchain.toml pins the exact
#   compiler. Needs the rust-src component (scripts/setup.sh).
# - The linker keeps its relocations (`--emit-relocs`): wasm-split needs them to cut the app into
#   two parts (scripts/finish-build.mjs). They do not reach the browser.
# - Cargo runs `--locked`, never `--offline`: rebuilding std needs the crates of std's own lock
#   file, which a new machine fetches from crates.io on its first build. Trunk itself never
#   downloads a tool (Trunk.toml pins the versions scripts/setup.sh installs) and does not look
#   for a newer Trunk.
# - The build stops if the `[patch.crates-io]` stand-in for wasm-streams (vendor/) is no longer
#   used: cargo only warns, and the stand-in would then be dead code nobody notices.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if grep -q '^\[\[patch.unused\]\]' Cargo.lock || ! cargo tree --locked --target wasm32-unknown-unknown -i wasm-streams >/dev/null 2>&1; then
  echo "Cargo.toml patches wasm-streams with vendor/wasm-streams, but nothing uses wasm-streams any more:" >&2
  echo "remove the [patch.crates-io] entry and vendor/wasm-streams." >&2
  exit 1
fi
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none -Clink-arg=--emit-relocs"
export TRUNK_SKIP_VERSION_CHECK=true
exec trunk "$@" --locked
