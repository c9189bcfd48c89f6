"""The architecture's rules, checked so that they cannot rot quietly."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "chefline"
QT_MODULES = ("PySide6", "shiboken6", "qasync")
QT_ALLOWED = ("ui", "app.py")
WEB_MODULES = (
    "flask",
    "werkzeug",
    "fastapi",
    "starlette",
    "uvicorn",
    "waitress",
    "httpx",
    "aiohttp",
)


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def modules_outside(*allowed: str) -> list[Path]:
    return [path for path in SRC.rglob("*.py") if path.relative_to(SRC).parts[0] not in allowed]


def test_sources_exist():
    # Guards the two tests below against passing on an empty tree.
    assert len(modules_outside(*QT_ALLOWED)) > 20


@pytest.mark.parametrize(
    "path", modules_outside(*QT_ALLOWED), ids=lambda p: str(p.relative_to(SRC))
)
def test_no_qt_outside_ui(path):
    # Only chefline.ui and chefline.app may import Qt; the engine must run headless.
    assert not imported_roots(path) & set(QT_MODULES)


@pytest.mark.parametrize("path", sorted((SRC / "kitchen").rglob("*.py")), ids=lambda p: p.name)
def test_kitchen_domain_imports_no_web_framework(path):
    # chefline.kitchen is pure Python: theory and records, no servers or clients.
    assert not imported_roots(path) & set(WEB_MODULES)


def test_engine_imports_without_loading_qt():
    # Importing every headless package in a fresh interpreter must not pull in PySide6.
    code = (
        "import sys, chefline.kitchen, chefline.servers, chefline.client, chefline.cli;"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(LINT_IMPORTS is None, reason="import-linter is not installed")
def test_import_linter_contracts_hold():
    # The layer and "no Qt" contracts in pyproject.toml, as import-linter sees them.
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([LINT_IMPORTS], cwd=root, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


MAX_MODULE_LINES = 400


def test_no_module_is_over_400_lines():
    """A module a person can read in one sitting; past that it holds two things."""
    sizes = {str(p.relative_to(SRC)): len(p.read_text(encoding="utf-8").splitlines())
             for p in SRC.rglob("*.py")}  # fmt: skip
    assert len(sizes) > 100
    assert {name: lines for name, lines in sizes.items() if lines > MAX_MODULE_LINES} == {}
