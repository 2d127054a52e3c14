#!/usr/bin/env bash
# Quick start: installs what is missing, builds the app, and serves it with the Goals API on
# the embedded SQLite database at http://127.0.0.1:8080 (stop with Ctrl-C).
#
# Settings pass through to the server, e.g. `scripts/start.sh --listen 127.0.0.1:9000`.

set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$GOALS_ROOT"

trunk build --release
cargo build --profile server -p goals-server
exec target/server/goals-server --static-dir dist "$@"
