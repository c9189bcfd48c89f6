"""Before Qt starts: is there a screen, and can Qt's window-system plugin load?

Without these checks Qt aborts the process (exit 134) with a message about xcb-cursor whatever
is really missing. Here the window's commands say in one sentence what is wrong and what to do,
and exit 2. Qt-free on purpose: nothing here may load Qt's libraries, which is what fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

from chefline.kitchen.errors import ChefError
from chefline.texts import translate

SCREENLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "linuxfb", "eglfs"})
"""Qt platforms that draw without a desktop's display server."""

DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
"""The system libraries Qt's platform plugins load, and the Debian/Ubuntu package of each
(the list packaging/qt-system-libs.sh installs)."""


class DisplayProblem(ChefError):
    """Qt cannot show a window here; the message says why and what to do instead."""


def chosen_platform(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """The Qt platform plugin that will be used: QT_QPA_PLATFORM, else the desktop's own."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if chosen:
        return chosen
    if sys.platform != "linux":
        return "native"  # Windows and macOS always have their own window system
    if environ.get("WAYLAND_DISPLAY") and not environ.get("DISPLAY"):
        return "wayland"
    return "xcb"


def check_display(environ: dict[str, str] | os._Environ[str] = os.environ) -> None:
    """Raise DisplayProblem when the window cannot open here, before Qt is loaded."""
    platform = chosen_platform(environ)
    if platform == "native":
        return
    needs_screen = platform not in SCREENLESS_PLATFORMS
    if needs_screen and not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        raise DisplayProblem(
            translate(
                "Cli",
                "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                "not set); use `chefline race` for a race in the terminal, `chefline snapshot` "
                "for a picture of one, or QT_QPA_PLATFORM=offscreen to run the window unseen",
            )
        )
    if platform == "xcb" and not x_display_answers(environ.get("DISPLAY", "")):
        raise DisplayProblem(
            translate(
                "Cli",
                "the display {display} does not answer (is the X server running?); use "
                "`chefline race` for a race in the terminal or QT_QPA_PLATFORM=offscreen",
            ).format(display=environ.get("DISPLAY", ""))
        )
    plugin = platform_plugin(platform)
    if plugin is None:
        return  # a layout we do not know (a frozen app on another system): let Qt try
    missing = missing_libraries(plugin)
    if missing:
        raise DisplayProblem(missing_libraries_sentence(platform, missing))


def x_display_answers(display: str) -> bool:
    """Whether a local X display (":N", "unix:N") accepts a connection; remote ones are
    left to Qt, since reaching them may take a network round trip."""
    host, _, rest = display.partition(":")
    if host not in ("", "unix") or not rest.split(".", 1)[0].isdigit():
        return True
    path = f"/tmp/.X11-unix/X{rest.split('.', 1)[0]}"
    # X servers on Linux listen on an abstract socket too; either will do.
    for address in ("\0" + path, path):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def platform_plugin(platform: str) -> Path | None:
    """The shared library of Qt's ``platform`` plugin inside the installed PySide6."""
    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "Qt" / "plugins" / "platforms" / f"libq{platform}.so"
        if candidate.exists():
            return candidate
    return None


def missing_libraries(library: Path) -> list[str]:
    """The shared libraries ``library`` needs that the system loader cannot find (by ldd)."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        listing = subprocess.run(
            [ldd, str(library)], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    missing = []
    for line in listing.splitlines():
        name, _, where = line.strip().partition(" => ")
        if where.strip() == "not found" and name not in missing:
            missing.append(name)
    return missing


def missing_libraries_sentence(platform: str, missing: list[str]) -> str:
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    sentence = translate(
        "Cli",
        "Qt's {platform} window plugin cannot load: these system libraries are missing: {names}",
    ).format(platform=platform, names=", ".join(missing))
    if packages:
        sentence += translate("Cli", "; install them with: sudo apt-get install {packages}").format(
            packages=" ".join(packages)
        )
    if any(name.startswith("libQt6") for name in unknown):
        sentence += translate("Cli", "; Qt's own libraries are incomplete: reinstall PySide6")
    return sentence
