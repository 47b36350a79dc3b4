#!/usr/bin/env bash
# Installs the end-to-end tools: Debian's chromium, ripgrep and libkrb5-dev (apt, as root) and code-server
# 4.100.3 + playwright-core into e2e/node_modules from e2e/package-lock.json. Idempotent: a second run only
# checks (a few seconds). Writes nothing into the repo except e2e/node_modules (and the lockfile on first install).
# Usage: bash e2e/setup.sh [--no-browser]   (--no-browser: skip chromium, e.g. for `npm start`)
set -euo pipefail
cd "$(dirname "$0")"
want_browser=1
[ "${1:-}" = "--no-browser" ] && want_browser=0

need=()
command -v rg >/dev/null 2>&1 || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if [ "$want_browser" = 1 ]; then command -v chromium >/dev/null 2>&1 || need+=(chromium); fi
for t in python3 make g++ pkg-config; do command -v "$t" >/dev/null 2>&1 || need+=("$t"); done
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "e2e/setup: installing with apt: ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "e2e/setup: missing system packages: ${need[*]}" >&2
    echo "e2e/setup: install them first, e.g.: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
fi

if [ ! -x node_modules/.bin/code-server ] || [ ! -d node_modules/playwright-core ] \
   || [ package.json -nt node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # @vscode/ripgrep's postinstall downloads rg from GitHub: seed its download cache with Debian's rg instead.
  rg_cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  rg_tgz="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -f "$rg_tgz" ]; then
    mkdir -p "$rg_cache"
    t="$(mktemp -d)"; cp "$(command -v rg)" "$t/rg"
    tar czf "$rg_tgz" -C "$t" rg; rm -rf "$t"
  fi
  # code-server's postinstall refuses root without unsafe-perm; node-pty's postinstall runs `npx node-gyp` (needs yes).
  if [ -f package-lock.json ]; then cmd=ci; else cmd=install; fi
  start=$SECONDS
  echo "e2e/setup: npm $cmd (code-server builds native modules; about a minute cold)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_unsafe_perm=true npm_config_yes=true \
    npm "$cmd" --no-audit --no-fund --loglevel=error
  echo "e2e/setup: npm $cmd took $((SECONDS - start)) s"
fi
echo "e2e/setup: code-server $(node_modules/.bin/code-server --version 2>/dev/null | grep -o "^[0-9][0-9.]* " | head -1)ready"
