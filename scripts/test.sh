#!/usr/bin/env bash
# Set everything up and run the checks: ruff, mypy and the test suite (benchmarks excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check kg api
.venv/bin/ruff format --check kg api
.venv/bin/mypy
.venv/bin/pytest "$@"
