"""The agent's files, staged for your app's interpreter: a folder of their own (under the
system's temporary folder, named by their content, written once and shared by every
Chefline process) that holds only the ``chefline_agent`` package and a script that starts
it. That folder is the one thing put on the child's path: Chefline's own packages stay out
of your app's interpreter, and your app's out of Chefline's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

from chefline.kitchen.errors import YourAppError
from chefline.process import AGENT_COMMAND, chefline_command
from chefline.servers.your_app.environment import AppPython
from chefline.texts import translate

AGENT_SOURCE = Path(__file__).resolve().parents[2] / "agent"
"""The agent's own package (``chefline.agent``)."""
STAGED_NAME = "chefline_agent"
RUNNER = "chefline_agent_run.py"
RUNNER_TEXT = (
    '"""Starts Chefline\'s agent in your app\'s own interpreter."""\n'
    "import sys\n\n"
    f"from {STAGED_NAME}.boot import run\n\n"
    "sys.exit(run(sys.argv[1:]))\n"
)


def agent_files() -> list[Path]:
    return sorted(AGENT_SOURCE.glob("*.py"))


def staged_folder() -> Path:
    """The folder that holds the staged agent, written if it is not there yet."""
    files = agent_files()
    if not files:
        raise YourAppError(translate("YourApp", "Chefline's agent is missing from {0}").format(
            AGENT_SOURCE))  # fmt: skip
    digest = hashlib.sha256(RUNNER_TEXT.encode())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    user = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"chefline-agent-{user}-{digest.hexdigest()[:16]}"
    if (folder / RUNNER).is_file():
        return folder
    # Written beside, then renamed into place: another Chefline staging at the same moment
    # finds either nothing or the whole folder.
    draft = Path(tempfile.mkdtemp(prefix="chefline-agent-draft-"))
    try:
        (draft / STAGED_NAME).mkdir()
        for path in files:
            shutil.copyfile(path, draft / STAGED_NAME / path.name)
        (draft / RUNNER).write_text(RUNNER_TEXT, encoding="utf-8")
        try:
            draft.rename(folder)
        except OSError:
            if not (folder / RUNNER).is_file():  # not a twin's: a real failure
                raise
    except OSError as error:
        text = translate("YourApp", "could not stage Chefline's agent in {0}: {1}")
        raise YourAppError(text.format(folder, error.strerror or error)) from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(draft)
    return folder


def agent_command(python: AppPython, *args: str) -> list[str]:
    """How to start the agent for your app: the staged script on your app's Python; or, in a
    frozen Chefline with no Python of your app's, Chefline itself (its own libraries)."""
    if python.is_cheflines and getattr(sys, "frozen", False):
        return chefline_command(AGENT_COMMAND, *args)
    return [python.executable, str(staged_folder() / RUNNER), *args]
