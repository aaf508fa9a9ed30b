#!/usr/bin/env bash
# Installs what the build needs (and, with --test, what the tests need), from package registries
# only. Idempotent: every step checks first and skips what is already there at the right version,
# so CI and the serve command can run it every time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc
with_test_tools=0
[ "${1:-}" = "--test" ] && with_test_tools=1

step() { printf '== setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# rust-toolchain.toml names the exact compiler (1.95.0). A machine whose one toolchain is that
# version under the name "stable" gets it linked under its number, rather than downloaded again.
TOOLCHAIN=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if ! (cd / && rustup run "$TOOLCHAIN" rustc --version >/dev/null 2>&1); then
  if (cd / && rustup run stable rustc --version 2>/dev/null | grep -qF "rustc $TOOLCHAIN "); then
    step "naming the stable toolchain $TOOLCHAIN"
    (cd / && rustup toolchain link "$TOOLCHAIN" "$(rustup run stable rustc --print sysroot)")
  else
    step "installing the Rust toolchain $TOOLCHAIN"
    (cd / && rustup toolchain install "$TOOLCHAIN" --profile minimal --component clippy,rustfmt)
  fi
fi

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build rebuilds std for the browser (scripts/trunk.sh explains why).
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  step "adding the rust-src component"
  rustup component add rust-src
fi
# The test command checks formatting and lints.
for component in clippy rustfmt; do
  if [ "$with_test_tools" = 1 ] && ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    step "adding the $component component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qF " $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION from crates.io (about 15 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# The wasm-bindgen CLI must be exactly the library version in Cargo.lock, and Trunk.toml must pin
# the same, or Trunk would try to download one.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -qF "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\", the version in Cargo.lock" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qF " $WBG_VERSION"; then
  step "installing wasm-bindgen-cli $WBG_VERSION from crates.io (about 6 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-split cuts the app's WebAssembly in two: the first visit's share and the later part
# (scripts/finish-build.mjs).
# Installed with cargo, whose own record (.crates.toml) says which version is there.
WSC_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || ! grep -qsF "wasm_split_cli_support $WSC_VERSION " "${CARGO_HOME:-$HOME/.cargo}/.crates.toml" "$HOME/.cargo/.crates.toml"; then
  step "installing wasm-split-cli $WSC_VERSION from crates.io (about 2 minutes, once)"
  cargo install wasm_split_cli_support --version "$WSC_VERSION" --locked --features build-binary
fi

# wasm-opt (npm binaryen), esbuild, Playwright, Puppeteer (for Firefox), axe-core, csv-parse and
# pdf.js (the print tests read the PDF), exactly as package-lock.json says.
stamp=node_modules/.package-lock.installed
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  step "installing npm tools (binaryen, esbuild, playwright-core, puppeteer-core, axe-core, csv-parse, pdfjs-dist)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

# Debian's chromium draws the start screen into index.html at build time (scripts/first-screen.mjs)
# and runs the browser tests; chromium-driver and firefox-esr are for the tests only.
debs=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || debs+=(chromium)
if [ "$with_test_tools" = 1 ]; then
  [ -x /usr/bin/chromedriver ] || debs+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || debs+=(firefox-esr)
fi
if [ ${#debs[@]} -gt 0 ]; then
  step "installing Debian's ${debs[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${debs[@]}"
fi
step "ready"
