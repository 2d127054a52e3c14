#!/usr/bin/env bash
# Runs every test of Goals Studio, installing whatever is missing first: formatting and lints,
# goals-core's unit and property tests, the server over real HTTP on a temporary SQLite file,
# the components in headless Chromium (both through cargo and through wasm-pack), and the
# release-built app end to end against the real server.

set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$GOALS_ROOT"

step() { printf '\n[test] %s\n' "$*"; }

# Every runner's "test result" lines are added up into one closing line at the end.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
exec > >(tee "$log") 2>&1

step "formatting"
cargo fmt --all -- --check

step "lints: native crates, then the app on wasm32"
cargo clippy -p goals-core -p goals-server -p goals-e2e --all-targets -- -D warnings
cargo clippy -p goals-studio --target wasm32-unknown-unknown --all-targets -- -D warnings

step "goals-core and goals-server"
cargo test -p goals-core -p goals-server

step "components in headless Chromium (cargo test)"
cargo test -p goals-studio --target wasm32-unknown-unknown

step "components in headless Chromium (wasm-pack)"
wasm-pack test --headless --chrome --chromedriver "$CHROMEDRIVER"

step "benchmark: keystroke-to-DOM time in a 5x5 and a 50x25 goal form (prints figures)"
cargo test -p goals-studio --target wasm32-unknown-unknown --test form_keystroke_bench -- --nocapture

step "release build of the app"
trunk build --release

step "end to end: the release build, the real server, headless Chromium"
cargo test -p goals-e2e -- --test-threads=1

awk '/test result:/ { passed += $4; failed += $6 }
     END { printf "\ntotal: %d passed, %d failed\n", passed, failed }' "$log"
