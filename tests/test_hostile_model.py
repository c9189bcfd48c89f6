"""A model is hostile input too: a bad address is one sentence (exit 2), its error text is
made printable, and a stream that never ends has an overall deadline."""

import asyncio
import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from chefline.cli.main import main
from chefline.kitchen.errors import ModelError
from chefline.kitchen.llm import ChatOrder, ModelSpeed
from chefline.servers.llm import model_link, model_probe
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
    monkeypatch.setattr(model_probe, "PROBE_DEADLINE_S", 2.0)
    link = ModelLink(hostile_model(mode), "m")
    start = time.perf_counter()
    with pytest.raises(ModelError, match="still streaming after 2 s"):
        probe_model(link)
    assert time.perf_counter() - start < 4.0


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


# -- issue 29, item 10: the probe honours its 30 s, whatever the model does ------------------


class SilentModel(http.server.BaseHTTPRequestHandler):
    """Accepts the call, then says nothing at all (``silent``), or its head and then a byte
    now and then (``trickle``): the read timeout alone would wait 60 s between bytes."""

    mode = "silent"

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            if self.mode == "trickle":
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                self.wfile.flush()
            for _ in range(60):
                time.sleep(0.7)
                if self.mode == "trickle":
                    self.wfile.write(b":")
                    self.wfile.flush()
        except OSError:
            pass


GIVEN_UP = [("silent", "did not answer within 2 s"), ("trickle", "was still streaming after 2 s")]


@pytest.mark.parametrize(("mode", "sentence"), GIVEN_UP)
def test_the_probe_gives_up_at_its_deadline_on_a_silent_model(monkeypatch, mode, sentence):
    monkeypatch.setattr(model_probe, "PROBE_DEADLINE_S", 2.0)
    handler = type("Handler", (SilentModel,), {"mode": mode})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        link = ModelLink(f"http://127.0.0.1:{server.server_address[1]}/v1", "m")
        start = time.perf_counter()
        with pytest.raises(ModelError, match=sentence):
            probe_model(link)
        assert time.perf_counter() - start < 3.0  # before: 60 s for the silent one
    finally:
        server.shutdown()
        server.server_close()


def test_the_probe_deadline_is_the_30_s_the_docs_say():
    docs = Path(__file__).resolve().parents[1] / "docs" / "reliability.md"
    assert model_probe.PROBE_DEADLINE_S == 30.0
    assert "the probe's whole call within 30 s" in docs.read_text(encoding="utf-8")


# -- issue 29, item 12: a password in --model-url is never printed back ---------------------

PASSWORD = "pa55-w0rd-s3cret"
TOKEN = "t0ken-s3cret-k3y"


class EchoingModel(HostileModel):
    """Each kind of failure, each saying back what it was sent, credentials included."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        said = f"{self.headers.get('authorization')} {self.path} {PASSWORD} {TOKEN}"
        if self.mode == "not a stream":
            body, status, kind = said.encode(), 200, "text/plain"
        else:
            status = {"refused": 401, "missing": 404, "broken": 500}[self.mode]
            body, kind = json.dumps({"error": {"message": said}}).encode(), "application/json"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def echoing_model():
    servers = []

    def start(mode: str) -> int:
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), type("Handler", (EchoingModel,), {"mode": mode})
        )
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server.server_address[1]

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def sentences(capsys) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("mode", ["refused", "missing", "broken", "not a stream", "nobody"])
def test_a_password_in_the_model_url_is_masked_in_every_sentence(capsys, echoing_model, mode):
    port = echoing_model(mode) if mode != "nobody" else 9
    url = f"http://chef:{PASSWORD}@127.0.0.1:{port}/v1"
    code = main(["race", "--llm", "-m", "fastapi-async", "--model-url", url, "--model", "m"])
    said = sentences(capsys)
    assert code == 1 and said.startswith("chefline: ")
    assert PASSWORD not in said and "chef:" not in said
    assert "http://***@127.0.0.1" in said


@pytest.mark.parametrize(
    "url",
    [f"http://chef:{PASSWORD}@127.0.0.1:99999/v1", f"http://127.0.0.1:abc/v1?key={TOKEN}",
     f"http://chef:{PASSWORD}@127.0.0.1:8000/v1?key={TOKEN}\x1b[2J"],
)  # fmt: skip
def test_a_bad_model_url_with_credentials_is_refused_without_them(capsys, url):
    assert main(["race", "--llm", "-m", "fastapi-async", "--model-url", url, "--model", "m"]) == 2
    said = sentences(capsys)
    assert said.startswith("chefline: the model's base URL must look like http://host:port/v1")
    assert PASSWORD not in said and TOKEN not in said and "***" in said


def test_the_kitchens_orders_say_the_model_failed_without_the_password():
    """Mid-race: the probe passes, then the model fails every order and says back what it
    was sent. Every order's sentence, and the link's own description, are masked."""
    from chefline.servers.llm.model_server import MockModelServer

    with MockModelServer(ModelSpeed(ttft=0.01, tokens_per_s=500.0)) as model:
        base = model.link().base_url.replace("http://", f"http://chef:{PASSWORD}@")
        link = ModelLink(base, model.model.name)
        assert PASSWORD not in link.describe() and PASSWORD not in repr(link)
        error = model_link.call_failed(link, RuntimeError(f"gone: {base} {PASSWORD}"))
    assert PASSWORD not in str(error) and "http://***@127.0.0.1" in str(error)
