"""Virtual environments made by the tests, with no network: packages go in as wheels the test
writes itself (its app's own dependency) or packs from the files Chefline's environment has
installed (a server such as uvicorn), and pip installs them from those files alone."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

OTHER_PYTHONS = ("3.13", "3.12", "3.10", "3.9")


def find_python(version: str) -> str | None:
    """An interpreter of ``version`` that runs on this machine (pyenv's, or on PATH), or
    None."""
    candidates = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python{version}"))
    for candidate in [*map(str, candidates), shutil.which(f"python{version}")]:
        if candidate and subprocess.run([candidate, "-c", "pass"], capture_output=True,
                                        check=False).returncode == 0:  # fmt: skip
            return candidate
    return None


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(folder: Path, name: str, version: str, files: dict[str, bytes],
                dist_files: dict[str, bytes] | None = None) -> Path:  # fmt: skip
    """A pure-Python wheel of ``files`` (paths inside site-packages → content)."""
    dist = f"{name.replace('-', '_')}-{version}.dist-info"
    own = dict(dist_files or {})
    own.setdefault(
        "METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n".encode()
    )
    own["WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: chefline-tests\nRoot-Is-Purelib: true\n"
                    b"Tag: py3-none-any\n")  # fmt: skip
    everything = {**files, **{f"{dist}/{key}": value for key, value in own.items()}}
    path = folder / f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    records = [f"{arc},sha256={_digest(data)},{len(data)}" for arc, data in everything.items()]
    with zipfile.ZipFile(path, "w") as wheel:
        for arc, data in everything.items():
            wheel.writestr(arc, data)
        wheel.writestr(f"{dist}/RECORD", "\n".join([*records, f"{dist}/RECORD,,"]) + "\n")
    return path


def wheel_of_installed(folder: Path, name: str) -> Path:
    """A wheel of a pure-Python distribution installed in Chefline's environment, packed from
    its installed files."""
    dist = metadata.distribution(name)
    files: dict[str, bytes] = {}
    dist_files: dict[str, bytes] = {}
    for packaged in dist.files or []:
        text = str(packaged)
        if text.startswith("..") or "__pycache__" in text or text.endswith(".pyc"):
            continue
        data = Path(str(packaged.locate())).read_bytes()
        if ".dist-info/" in text:
            leaf = text.split("/", 1)[1]
            if leaf not in ("RECORD", "INSTALLER", "REQUESTED", "direct_url.json", "WHEEL"):
                dist_files[leaf] = data
        else:
            files[text] = data
    return write_wheel(folder, dist.metadata["Name"], dist.version, files, dist_files)


def make_venv(where: Path, python: str, wheels: list[Path]) -> Path:
    """A venv at ``where`` on ``python``, with ``wheels`` installed by pip from the files
    alone (no index); returns its interpreter."""
    subprocess.run([python, "-m", "venv", "--without-pip", str(where)], check=True,
                   capture_output=True)  # fmt: skip
    interpreter = where / "bin" / "python"
    if not wheels:
        return interpreter
    install = ["install", "--quiet", "--no-index", "--no-deps", "--no-cache-dir",
               *map(str, wheels)]  # fmt: skip
    # Chefline's own pip installs into it; an older Python than that pip supports gets the
    # pip its own Python ships (ensurepip, offline).
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(interpreter), *install],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        subprocess.run([str(interpreter), "-m", "ensurepip", "--default-pip"], check=True,
                       capture_output=True)  # fmt: skip
        subprocess.run([str(interpreter), "-m", "pip", *install], check=True,
                       capture_output=True)  # fmt: skip
    return interpreter
