#!/usr/bin/env bash
# Cadenza: set up everything a fresh Debian machine needs, then start the app or run the tests.
#
#   ./setup.sh [app] [FILE]   install (once), then open the editor (with FILE)
#   ./setup.sh test [ARGS]    install (once), then run the test suite (pytest ARGS)
#   ./setup.sh install        install only
#
# Installs Debian packages (FluidSynth, the FluidR3_GM and TimGM6mb soundfonts, Qt's runtime
# libraries, the Noto CJK fonts the Chinese interface is drawn and tested with),
# a virtual environment in .venv, torch 2.13.0 (CPU) first and then this
# project with its test extras. Re-running skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(
  python3 python3-venv python3-pip
  libfluidsynth3 fluidsynth timgm6mb-soundfont fluid-soundfont-gm libsndfile1 fonts-noto-cjk
  libasound2 libegl1 libgl1 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-randr0 libglib2.0-0
)

install_system_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_environment() {
  local stamp=".venv/.setup-stamp"
  local want
  want=$(sha256sum pyproject.toml setup.sh | sha256sum | cut -c1-16)
  if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  echo "setup: creating the virtual environment in .venv"
  python3 -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
  # torch first and pinned: an unpinned torch drags in gigabytes of CUDA packages.
  .venv/bin/python -m pip install -q "torch==2.13.0"
  .venv/bin/python -m pip install -q -e ".[test]"
  echo "$want" > "$stamp"
}

mode="${1:-app}"
[ $# -gt 0 ] && shift
install_system_packages
install_python_environment
case "$mode" in
  app) exec .venv/bin/cadenza-app "$@" ;;
  test) QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@" ;;
  install) echo "setup: done; the command-line tool is .venv/bin/cadenza" ;;
  *) echo "setup.sh: unknown mode '$mode' (use app, test or install)" >&2; exit 2 ;;
esac
