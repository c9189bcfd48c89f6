#!/bin/sh
# Installs Xvfb (a virtual X screen) for `make screenshots` when it is missing and we are root.
set -eu
command -v xvfb-run >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "make screenshots needs xvfb-run: sudo apt-get install xvfb xauth" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null
