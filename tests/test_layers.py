"""The race's load needs no kitchen: chefline.client imports with no web framework and no Qt
(the customers' process loads only what it uses)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

BLOCKED = ("flask", "werkzeug", "fastapi", "starlette", "uvicorn", "waitress", "gevent",
           "gunicorn", "PySide6", "qasync", "shiboken6", "chefline.servers")  # fmt: skip


def test_the_client_imports_without_web_frameworks_or_qt():
    code = textwrap.dedent(
        f"""
        import importlib.abc, sys
        BLOCKED = {BLOCKED!r}

        class Refuse(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if any(name == b or name.startswith(b + ".") for b in BLOCKED):
                    raise ImportError(f"blocked: {{name}}")
                return None

        sys.meta_path.insert(0, Refuse())
        import chefline.client
        import chefline.client.customers
        import chefline.client.customer_process
        print("ok")
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
