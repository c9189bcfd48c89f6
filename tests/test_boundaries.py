"""The architecture's rules that import-linter cannot see, checked so that they cannot rot
quietly: which layer may import what is import-linter's (``make lint``, pyproject.toml), run on
every module; here, what only running code shows, and the size of a module."""

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chefline"
QT_MODULES = ("PySide6", "shiboken6", "qasync")


def test_engine_imports_without_loading_qt():
    # Importing every headless package in a fresh interpreter must not pull in PySide6.
    code = (
        "import sys, chefline.kitchen, chefline.servers, chefline.client, chefline.cli;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    """A module a person can read in one sitting; past that it holds two things."""
    sizes = {str(p.relative_to(SRC)): len(p.read_text(encoding="utf-8").splitlines())
             for p in SRC.rglob("*.py")}  # fmt: skip
    assert len(sizes) > 100
    assert {name: lines for name, lines in sizes.items() if lines > MAX_MODULE_LINES} == {}
