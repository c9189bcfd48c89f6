"""The race's load needs no kitchen: chefline.client imports with no web framework and no Qt
(the customers' process loads only what it uses). The engine needs no window and loads a web
framework only when a kitchen of it opens."""

from __future__ import annotations

import subprocess
import sys
import textwrap

FRAMEWORKS_AND_QT = ("flask", "werkzeug", "fastapi", "starlette", "uvicorn", "waitress",
                     "gevent", "gunicorn", "PySide6", "qasync", "shiboken6")  # fmt: skip


def import_with_blocked(blocked: tuple[str, ...], imports: str) -> subprocess.CompletedProcess[str]:
    """Run ``imports`` in a fresh interpreter where importing any of ``blocked`` fails."""
    code = (
        textwrap.dedent(
            f"""
        import importlib.abc, sys
        BLOCKED = {blocked!r}

        class Refuse(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                    raise ImportError(f"blocked: {{name}}")
                return None

        sys.meta_path.insert(0, Refuse())
        """
        )
        + textwrap.dedent(imports)
        + "\nprint('ok')\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_the_client_imports_without_web_frameworks_or_qt():
    done = import_with_blocked(
        (*FRAMEWORKS_AND_QT, "chefline.servers"),
        """
        import chefline.client
        import chefline.client.customers
        import chefline.client.customer_process
        """,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_engine_imports_without_web_frameworks_or_qt():
    done = import_with_blocked(
        FRAMEWORKS_AND_QT,
        """
        import chefline.engine
        from chefline.engine import Restaurant
        Restaurant  # the window and the command line build on it
        """,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_blocking_works():
    """The guard itself: a blocked framework cannot be imported."""
    done = import_with_blocked(FRAMEWORKS_AND_QT, "import chefline.servers.apps.flask_kitchen")
    assert done.returncode != 0 and "ImportError: blocked: f" in done.stderr


def test_the_window_starts_without_any_web_framework_or_http_client():
    """What the window's first paint needs is Qt and Chefline's own domain: the kitchens'
    frameworks load when they open (after the window is shown), the HTTP clients in the
    customers' own process or when a model is called."""
    done = import_with_blocked(
        ("flask", "werkzeug", "fastapi", "starlette", "uvicorn", "waitress", "gevent",
         "gunicorn", "httpx", "aiohttp", "httpx_aiohttp", "pydantic"),
        """
        import chefline.app
        from chefline.ui.main_window import MainWindow
        MainWindow
        """,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
