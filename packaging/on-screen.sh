#!/bin/sh
# Runs one command in a real X11 session: a virtual screen of the given size (Xvfb) with a
# window manager (openbox), as a projector or a monitor has it. Used by `make screenshots`.
#   sh packaging/on-screen.sh 1280x720 .venv/bin/chefline snapshot --scene 3 --out x.png
set -eu
size=$1
shift
for tool in Xvfb openbox; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "make screenshots needs $tool: sudo apt-get install xvfb openbox" >&2
        exit 1
    }
done
display=":$((70 + $$ % 200))"
Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $wm $xvfb 2>/dev/null || true' EXIT INT TERM
wm=""
sleep 1
DISPLAY="$display" openbox >/dev/null 2>&1 &
wm=$!
sleep 1
DISPLAY="$display" QT_QPA_PLATFORM=xcb "$@"
