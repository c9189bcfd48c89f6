"""Every kitchen's code panel names the client library the kitchen really reads the model with.

The library is not taken from Chefline's code: each kitchen, opened for real, calls a model
server on loopback that notes the User-Agent of every call (httpx and aiohttp each name
themselves there), and the route line and the code panel of that kitchen must name that
library and not the other.
"""

from __future__ import annotations

import http.server
import json
import threading
from typing import ClassVar

import httpx
import pytest

from chefline.engine.code import kitchen_code
from chefline.kitchen.modes import MODES
from chefline.kitchen.recipe import DishKind
from chefline.servers.kitchens import start_kitchen
from chefline.servers.llm.model_link import ModelLink, Supplier

LIBRARIES = ("httpx", "aiohttp")


class _NotingModel(http.server.BaseHTTPRequestHandler):
    """An OpenAI-compatible chat stream of two tokens that notes who called."""

    protocol_version = "HTTP/1.1"
    callers: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.callers.append(self.headers.get("User-Agent", ""))
        chunks = [{"choices": [{"delta": {"content": word}}]} for word in ("hot ", "soup")]
        events = b"".join(b"data: " + json.dumps(c).encode() + b"\n\n" for c in chunks)
        events += b"data: [DONE]\n\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Content-Length", str(len(events)))
        self.end_headers()
        self.wfile.write(events)

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture(scope="module")
def noting_model():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotingModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    supplier = Supplier(ModelLink(f"http://127.0.0.1:{server.server_address[1]}/v1", "m"))
    yield supplier
    supplier.close()
    server.shutdown()
    server.server_close()


def library_that_called(mode: str, supplier: Supplier) -> str:
    """Open ``mode``, order one LLM dish, and say which library its call to the model came
    from (by the User-Agent the model saw)."""
    _NotingModel.callers.clear()
    with start_kitchen(mode, supplier=supplier) as kitchen:
        reply = httpx.post(kitchen.chat_url, json={"prompt": "soup", "max_tokens": 2},
                           timeout=30, trust_env=False)  # fmt: skip
    assert reply.status_code == 200, reply.text
    assert '"report"' in reply.text.splitlines()[-1], reply.text
    assert len(_NotingModel.callers) == 1, _NotingModel.callers
    named = [library for library in LIBRARIES if library in _NotingModel.callers[0].lower()]
    assert len(named) == 1, f"{mode}: the model was called by {_NotingModel.callers[0]!r}"
    return named[0]


@pytest.mark.parametrize("mode", sorted(MODES))
def test_every_kitchens_code_panel_names_the_client_it_calls_the_model_with(mode, noting_model):
    used = library_that_called(mode, noting_model)
    (other,) = set(LIBRARIES) - {used}
    reader, full = kitchen_code(mode, DishKind.LLM)
    route_line = MODES[mode].chat_route
    for shown, where in ((reader, "code panel"), (full, "unfolded code"),
                         (route_line, "route line")):  # fmt: skip
        assert used in shown, f"{mode} calls the model with {used}; its {where} says:\n{shown}"
        assert other not in shown, f"{mode} calls the model with {used}; its {where} says:\n{shown}"
