#!/bin/sh
# Installs the given Debian/Ubuntu packages that are missing. Installs only as root;
# otherwise prints the command to run (and, with --required, fails so that make stops
# before launching what needs them). Does nothing on systems without dpkg.
# Usage: apt-missing.sh [--required] WHAT PACKAGE...   (WHAT says what they are for)
set -eu

required=no
if [ "${1:-}" = "--required" ]; then
    required=yes
    shift
fi
what=$1
shift
command -v dpkg-query >/dev/null 2>&1 || exit 0

missing=""
for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
        *"ok installed"*) ;;
        *) missing="$missing $package" ;;
    esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
    echo "$what needs packages that are missing:$missing" >&2
    echo "Install them with: sudo apt-get install$missing" >&2
    [ "$required" = yes ] && exit 1
    exit 0
fi
echo "Installing for $what:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086  # word splitting of the package list is intended
apt-get install -y -qq --no-install-recommends $missing >/dev/null
