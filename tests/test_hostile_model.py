"""A model is hostile input too: a bad address is one sentence (exit 2), its error text is
made printable, and a stream that never ends has an overall deadline."""

import asyncio
import http.server
import json
import threading
import time

import pytest

from chefline.cli.main import main
from chefline.kitchen.errors import ModelError
from chefline.kitchen.llm import ChatOrder
from chefline.servers.llm import model_probe
from chefline.servers.llm.model_link import ModelLink
from chefline.servers.llm.model_probe import probe_model
from chefline.servers.llm.model_stream import model_session, stream_tokens_async


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:abc/v1", "http://127.0.0.1:99999/v1", "http://127.0.0.1 :80/v1",
     "http://127.0.0.1:8000/v1\x1b[2J"],
)  # fmt: skip
def test_a_bad_model_url_is_one_sentence_and_exit_2(capsys, url):
    code = main(["race", "--llm", "-m", "fastapi-async", "--model-url", url, "--model", "m"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("chefline: the model's base URL must look like http://host:port/v1")
    assert err.count("\n") == 1 and "\x1b" not in err and "Traceback" not in err


class HostileModel(http.server.BaseHTTPRequestHandler):
    """``mode`` picks the hostility: an error full of escapes, or a stream that never ends."""

    mode = "escapes"

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.mode == "escapes":
            body = json.dumps({"error": {"message": "\x1b[31mboom\x1b[0m\nchefline: all good\r"}})
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        chunk = {"choices": [{"delta": {"content": "more "}}]}
        try:
            while True:  # never [DONE]: tokens, or keep-alive comments, or one endless line
                line = {"tokens": f"data: {json.dumps(chunk)}\n\n", "comments": ": still here\n\n",
                        "endless": "x" * 8192}[self.mode]  # fmt: skip
                self.wfile.write(line.encode())
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass


@pytest.fixture
def hostile_model():
    servers = []

    def start(mode):
        handler = type("Handler", (HostileModel,), {"mode": mode})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v1"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_models_error_text_reaches_the_terminal_printable(capsys, hostile_model):
    url = hostile_model("escapes")
    code = main(["race", "--llm", "-m", "fastapi-async", "--model-url", url, "--model", "m"])
    err = capsys.readouterr().err
    assert code == 1
    assert "boom" in err and "chefline: all good" in err
    assert err.count("\n") == 1 and "\x1b" not in err and "\r" not in err


@pytest.mark.parametrize("mode", ["tokens", "comments"])
def test_a_model_that_streams_forever_meets_the_probes_deadline(monkeypatch, hostile_model, mode):
    monkeypatch.setattr(model_probe, "PROBE_DEADLINE_S", 1.0)
    link = ModelLink(hostile_model(mode), "m")
    start = time.perf_counter()
    with pytest.raises(ModelError, match="still streaming after 1 s"):
        probe_model(link)
    assert time.perf_counter() - start < 3.0


def test_an_endless_line_is_refused_before_it_fills_memory(hostile_model):
    link = ModelLink(hostile_model("endless"), "m")
    start = time.perf_counter()
    with pytest.raises(ModelError, match="a line of over 65536 characters"):
        probe_model(link)
    assert time.perf_counter() - start < 5.0


@pytest.mark.parametrize("port", ["99999", "-1", "65535"])
def test_serve_refuses_a_port_out_of_range_in_one_sentence(capsys, port):
    argv = ["serve", "-m", "flask-one-chef", "-m", "fastapi-async", "--port", port]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("chefline: --port must leave room for 2 kitchens") and err.count("\n") == 1
    )


def _tokens_by_the_async_reader(link: ModelLink) -> list[str]:
    async def read() -> list[str]:
        async with model_session() as session:
            return [token async for token in stream_tokens_async(session, link, ChatOrder())]

    return asyncio.run(read())


@pytest.mark.parametrize(
    "mode, sentence",
    [("endless", "a line of over 65536 characters"), ("escapes", "boom chefline: all good")],
)
def test_the_async_kitchens_reader_refuses_what_the_probe_refuses(hostile_model, mode, sentence):
    """FastAPI's kitchens read the model with aiohttp, the probe with httpx: same sentences."""
    link = ModelLink(hostile_model(mode), "m")
    with pytest.raises(ModelError) as caught:
        _tokens_by_the_async_reader(link)
    assert sentence in str(caught.value)
    assert "\x1b" not in str(caught.value)
