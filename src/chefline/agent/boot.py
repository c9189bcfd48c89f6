"""The agent's first module: it says when the Python is too old for the rest, and patches a
gevent process before anything imports socket or threading.

Written for any Python 3 (no annotations, no f-strings): an interpreter too old for the agent
must still read this far, to say so in one line.
"""

import json
import os
import sys

OLDEST = (3, 9)


def _say_failed(why, *args):
    # type: (str, str) -> None
    line = json.dumps({"failed": {"why": why, "args": list(args)}}) + "\n"
    os.write(sys.stdout.fileno(), line.encode("utf-8"))


def run(argv):
    # type: (list[str]) -> int
    """Run the agent with ``argv`` (``serve …`` or ``routes …``); the process's exit code."""
    if sys.version_info < OLDEST:
        _say_failed("old-python", ".".join(str(n) for n in sys.version_info[:3]))
        return 3
    if "--server" in argv and argv[argv.index("--server") + 1 :][:1] == ["gevent"]:
        try:
            from gevent import monkey
        except ImportError:
            _say_failed("no-server", "gevent", sys.executable)
            return 3
        monkey.patch_all()  # before socket, threading and time are imported by anyone
    from .main import main

    return main(argv)
