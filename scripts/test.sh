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
# Chromium leaves a scoped directory of about 160 MB in TMPDIR per browser it starts; keep
# them, and every test's temporary database, in one directory removed when the run ends.
scratch="$(mktemp -d)"
trap 'rm -rf "$log" "$scratch"' EXIT
export TMPDIR="$scratch"

run_every_test() {
set -euo pipefail

step "formatting"
cargo fmt --all -- --check

step "lints: native crates, then the app on wasm32"
cargo clippy -p goals-core -p goals-server -p goals-conformance -p goals-e2e --all-targets -- -D warnings
cargo clippy -p goals-studio --target wasm32-unknown-unknown --all-targets -- -D warnings

step "goals-core, goals-server and the conformance suite's own tests"
cargo test -p goals-core -p goals-server -p goals-conformance

step "the conformance suite against the reference server, as a user runs it"
cargo build -p goals-server -p goals-conformance
conformance_dir="$(mktemp -d)"
conformance_port=$((20000 + RANDOM % 20000))
target/debug/goals-server --listen "127.0.0.1:$conformance_port" \
  --database "sqlite://$conformance_dir/goals.db" --static-dir "$conformance_dir" \
  >"$conformance_dir/server.log" 2>&1 &
conformance_server=$!
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$conformance_port/api/v1/health" >/dev/null && break
  sleep 0.2
done
conformance_status=0
target/debug/goals-conformance --base-url "http://127.0.0.1:$conformance_port/api/v1" \
  || conformance_status=$?
kill "$conformance_server"
wait "$conformance_server" || true
rm -rf "$conformance_dir"
[ "$conformance_status" -eq 0 ]

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
}

# The pipeline ends only once tee has written everything, so the count below sees it all.
# The steps run in the pipeline's subshell with errexit of their own, so the first failure
# stops them; the parent only records that status.
set +e
run_every_test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
awk '/test result:/ { passed += $4; failed += $6 }
     END { printf "\ntotal: %d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
