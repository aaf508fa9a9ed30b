#!/usr/bin/env bash
# Runs Trunk (build or serve) with the settings that keep the app within its download budget
# (150 KB gzipped for html + js + wasm + css):
#
# - std is rebuilt for the browser with panics that abort at once (`panic=immediate-abort`).
#   A panic already ends the app (the release profile aborts); this only drops the code that
#   would format a panic message nobody sees: about 15 KB gzipped, measured.
# - `{:?}` (Debug) formatting and panic locations are compiled out (`fmt-debug=none`,
#   `location-detail=none`): the app never shows either to a user; 3.2 KB gzipped. These are unstable
#   cargo/rustc features, enabled on the stable toolchain by RUSTC_BOOTSTRAP for this build only
#   (native `cargo test` does not use them). Needs the rust-src component (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
exec trunk "$@"
