#!/bin/sh
# The Debian/Ubuntu libraries Qt needs to run (offscreen and on X11), and fonts with
# Chinese glyphs; installed when missing and run as root; otherwise the install line is
# printed and make stops (see apt-missing.sh).
set -eu

exec sh "$(dirname "$0")/apt-missing.sh" --required "Qt" \
    libegl1 libgl1 libglx0 libglvnd0 libfontconfig1 libfreetype6 libglib2.0-0 \
    libx11-6 libxcb1 libxkbcommon0 fonts-dejavu-core fonts-noto-cjk \
    libx11-xcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 \
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libdbus-1-3
