#!/usr/bin/env bash
# Makes sure the Debian packages the end-to-end and editor tests need are installed (idempotent; one line when they are):
#   chromium     the browser that loads VS Code's web workbench (scripts/run-vscode-tests.mjs)
#   neovim       Neovim 0.7 (Debian's), driven headless by the neovim test layer (test/neovim)
#   ripgrep      rg, seeded into @vscode/ripgrep's download cache (scripts/install-code-server.sh)
#   libkrb5-dev  gssapi.h, for code-server's kerberos native module
# Installs them when run as root; otherwise prints the command to run and exits 1.
set -euo pipefail

packages=(chromium neovim ripgrep libkrb5-dev)
install_command="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages[*]}"

missing_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v nvim >/dev/null 2>&1 || missing+=(neovim)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  [ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
  echo "${missing[*]:-}"
}

missing="$(missing_packages)"
if [ -z "$missing" ]; then
  echo "system packages for the e2e and editor tests are present (${packages[*]})"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages for the e2e and editor tests: $missing" >&2
  echo "run as root:  sudo sh -c '$install_command'" >&2
  exit 1
fi

echo "installing missing system packages: $missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"

missing="$(missing_packages)"
[ -z "$missing" ] || { echo "still missing after apt-get install: $missing" >&2; exit 1; }
