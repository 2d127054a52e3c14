#!/usr/bin/env bash
# Installs whatever Goals Studio needs that this machine lacks, and nothing it already has:
# the wasm32 target, Trunk, wasm-bindgen-cli at the version Cargo.lock pins, wasm-opt,
# wasm-pack, Chromium with its driver, and brotli. Safe to run again; a second run only checks.
#
# Sourced by scripts/start.sh and scripts/test.sh, which then find the tools on PATH.

set -euo pipefail

GOALS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
WASM_PACK_VERSION="0.15.1"
BINARYEN_VERSION="132.0.0"

export TRUNK_SKIP_VERSION_CHECK=true
export PATH="$HOME/.cargo/bin:$GOALS_ROOT/.tools/binaryen/node_modules/.bin:$PATH"

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
}

locked_version() {
  # The version of a crate in Cargo.lock, e.g. locked_version wasm-bindgen.
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$GOALS_ROOT/Cargo.lock"
}

ensure_rust_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_cargo_tool() {
  # ensure_cargo_tool BINARY VERSION CRATE [cargo install flags...]
  local binary="$1" version="$2" crate="$3"
  shift 3
  if "$binary" --version 2>/dev/null | grep -q " $version\b"; then
    return 0
  fi
  say "installing $crate $version (takes minutes on a fresh machine)"
  cargo install "$crate" --version "=$version" --force "$@"
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
    return 0
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  say "installing wasm-opt from the npm package binaryen@$BINARYEN_VERSION"
  npm install --silent --no-audit --no-fund --prefix "$GOALS_ROOT/.tools/binaryen" \
    "binaryen@$BINARYEN_VERSION"
}

apt_install chromium chromium-driver brotli curl
ensure_rust_target
[ -f "$GOALS_ROOT/Cargo.lock" ] || (cd "$GOALS_ROOT" && cargo generate-lockfile)
ensure_cargo_tool trunk "$TRUNK_VERSION" trunk --locked
# Without --locked: one dependency version locked by wasm-bindgen-cli is no longer served.
ensure_cargo_tool wasm-bindgen "$(locked_version wasm-bindgen)" wasm-bindgen-cli
ensure_cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
ensure_wasm_opt

export CHROMEDRIVER=/usr/bin/chromedriver
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1)"
