#!/bin/sh
# Installs the Debian/Ubuntu libraries Qt needs to run (offscreen and on X11), and fonts
# with Chinese glyphs, when they are missing. Installs only as root; otherwise prints the
# command to run. Does nothing on systems without dpkg.
set -eu

PACKAGES="libegl1 libgl1 libglx0 libglvnd0 libfontconfig1 libfreetype6 libglib2.0-0 \
libx11-6 libxcb1 libxkbcommon0 fonts-dejavu-core fonts-noto-cjk \
libx11-xcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 \
libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libdbus-1-3"

command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "Qt needs system libraries that are missing:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    exit 0
fi
echo "Installing system libraries for Qt:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing >/dev/null
