"""The built-in model in a process of its own: a real model is never inside your web server.

``chefline _model`` serves the built-in OpenAI-compatible model on 127.0.0.1 (its own
uvicorn, in its own interpreter, so its token streams take nothing from the kitchens' GIL)
and says its port as the first line on stdout. A line ``{"speed": …}`` on its stdin sets how
fast it answers (acknowledged with ``{"ok": true}``); end of input ends it.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from typing import Any

from chefline.kitchen.errors import KitchenError
from chefline.kitchen.llm import MOCK_MODEL, ModelSpeed
from chefline.process import MODEL_COMMAND, chefline_command, freeze_startup_objects
from chefline.servers.llm.model_link import ModelLink
from chefline.servers.runners.server_thread import LOOPBACK

START_TIMEOUT_S = 20.0
"""A fresh interpreter imports FastAPI and uvicorn first: about a second here."""
REPLY_TIMEOUT_S = 5.0


def _speed_json(speed: ModelSpeed) -> dict[str, float]:
    return {"ttft": speed.ttft, "tokens_per_s": speed.tokens_per_s}


class ModelProcess:
    """The app's handle on ``chefline _model``: started at once, waited for on first use."""

    name = MOCK_MODEL

    def __init__(self, speed: ModelSpeed) -> None:
        self._process = subprocess.Popen(
            chefline_command(MODEL_COMMAND, json.dumps(_speed_json(speed))),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )
        self._lines: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._lock = threading.Lock()
        self._port: int | None = None
        self.speed = speed
        threading.Thread(target=self._read, name="model-replies", daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            with contextlib.suppress(json.JSONDecodeError):
                self._lines.put(json.loads(line))
        self._lines.put(None)  # the process ended

    def _reply(self, timeout: float) -> dict[str, Any]:
        try:
            reply = self._lines.get(timeout=timeout)
        except queue.Empty:
            reply = None
        if reply is None:
            code = self._process.poll()
            raise KitchenError(f"the built-in model did not answer (exit code {code})")
        return reply

    @property
    def port(self) -> int:
        """The model's port, once it listens (waits for its start the first time)."""
        with self._lock:
            if self._port is None:
                self._port = int(self._reply(START_TIMEOUT_S)["port"])
            return self._port

    @property
    def base_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/v1"

    def link(self) -> ModelLink:
        return ModelLink(self.base_url, self.name)

    def set_speed(self, speed: ModelSpeed) -> None:
        """Answer at ``speed`` from the next call on (returns once the model says so)."""
        if speed == self.speed:
            return
        self.port  # noqa: B018 - started first, so its first line is the port
        with self._lock:
            stdin = self._process.stdin
            assert stdin is not None
            try:
                stdin.write(json.dumps({"speed": _speed_json(speed)}) + "\n")
                stdin.flush()
            except OSError as error:
                raise KitchenError(f"the built-in model is gone: {error}") from None
            self._reply(REPLY_TIMEOUT_S)
            self.speed = speed

    def stop(self) -> None:
        """End the model at once: it keeps nothing worth a goodbye, and one still importing
        would notice its closed stdin only once it has started."""
        with contextlib.suppress(OSError, ValueError):
            if self._process.stdin is not None:
                self._process.stdin.close()
        self._process.kill()
        self._process.wait(2.0)


def child_main(argv: list[str]) -> int:
    """``chefline _model SPEED``: serve the built-in model until stdin closes."""
    from chefline.servers.llm.model_server import MockModelServer

    speed = ModelSpeed(**json.loads(argv[0]))
    server = MockModelServer(speed).start()
    freeze_startup_objects()  # a full collection mid-answer would hold back every token
    print(json.dumps({"port": server.server.port}), flush=True)
    for line in sys.stdin:
        message = json.loads(line)
        if "speed" in message:
            server.model.speed = ModelSpeed(**message["speed"])
            print(json.dumps({"ok": True}), flush=True)
    os._exit(0)  # the app is gone: no graceful goodbyes to streams in flight
