"""What kitchens leave behind: a stopped FastAPI app is freed, and a child kitchen's stderr
is a pipe whose last lines are kept, not a hidden file that grows for as long as it runs."""

import gc
import os
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from chefline.servers import start_kitchen
from chefline.servers.own_process.stderr_tail import MAX_LINE_BYTES, MAX_LINES, StderrTail


@pytest.mark.parametrize("mode", ["fastapi-async", "fastapi-def"])
def test_a_stopped_fastapi_kitchen_frees_its_app(mode):
    apps = []
    for _ in range(3):
        kitchen = start_kitchen(mode)
        try:
            assert kitchen.server.app is not None
            apps.append(weakref.ref(kitchen.server.app))
        finally:
            kitchen.stop()
        del kitchen
    gc.collect()
    assert [ref() for ref in apps] == [None, None, None]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="reads /proc")
def test_a_child_kitchens_stderr_is_a_pipe_not_a_hidden_file():
    with start_kitchen("flask-gevent") as kitchen:
        target = os.readlink(f"/proc/{kitchen.server.pid}/fd/2")
    assert target.startswith("pipe:"), target


def test_the_stderr_tail_keeps_only_the_last_lines():
    tail = StderrTail("test")
    chatty = "import sys\nfor i in range(200_000): print('x' * 90, i, file=sys.stderr)\n"
    chatty += "print('y' * 100_000, file=sys.stderr)\nprint('the last word', file=sys.stderr)"
    child = subprocess.run([sys.executable, "-c", chatty], stderr=tail.write_fd, check=True)
    tail.handed_over()
    assert child.returncode == 0  # some 19 MB said
    assert tail.last_line(wait=5.0) == "the last word"
    assert tail.kept_bytes() <= MAX_LINES * MAX_LINE_BYTES
    tail.close()
