#!/usr/bin/env bash
# Installs schemathesis (PyPI) into the project-local, git-ignored .tools/fuzz-venv for
# `npm run fuzz:api`. Idempotent and quiet when the pinned version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned: the version `npm run fuzz:api` was written against and run with (CLI flags and
# check names changed between schemathesis 3.x and 4.x).
version=4.32.5
venv=.tools/fuzz-venv
st=$venv/bin/schemathesis

if [ -x "$st" ] && [ "$("$st" --version 2>/dev/null)" = "schemathesis, version $version" ]; then exit 0; fi

if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "fuzz: python3 with venv is needed (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
started=$(date +%s)
echo "fuzz: installing schemathesis $version into $venv" >&2
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version" >&2
echo "fuzz: ready in $(( $(date +%s) - started ))s: $("$st" --version)" >&2
