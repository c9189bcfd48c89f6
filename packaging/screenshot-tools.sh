#!/bin/sh
# Installs Xvfb (a virtual X screen) and openbox (a window manager) for `make screenshots`
# when they are missing and we are root.
set -eu
command -v Xvfb >/dev/null 2>&1 && command -v openbox >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make screenshots needs Xvfb and openbox: sudo apt-get install xvfb openbox" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends xvfb xauth openbox >/dev/null
