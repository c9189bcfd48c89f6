"""Hostile requests: bad /chat bodies, broken chunked bodies, absurd lengths, slow clients.

Never a 500 for bad input (400/422 naming the field), never a whole prompt echoed back, and a
customer who never finishes ordering does not hold a kitchen forever.
"""

import json
import logging
import select
import socket
import time

import httpx
import pytest

from chefline.kitchen.llm import ModelSpeed
from chefline.servers.apps.slow_clients import HEADER_DEADLINE_S, READ_TIMEOUT_S
from chefline.servers.kitchens import start_kitchen
from chefline.servers.llm.model_link import Supplier
from chefline.servers.llm.model_server import MockModelServer


@pytest.fixture(scope="module")
def supplier():
    with MockModelServer(ModelSpeed(ttft=0.01, tokens_per_s=500.0)) as model:
        supplier = Supplier(model.link())
        yield supplier
        supplier.close()


def raw_request(
    url: str, head: bytes, body: bytes = b"", timeout: float = 10.0
) -> tuple[int, bytes]:
    """Send bytes as they are (no client library fixing them up); the status and body."""
    address = httpx.URL(url)
    with socket.create_connection((address.host, address.port), timeout=timeout) as sock:
        sock.sendall(head + body)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    status = int(reply.split(b" ", 2)[1])
    return status, reply.partition(b"\r\n\r\n")[2]


def post_raw(url: str, body: bytes) -> httpx.Response:
    return httpx.post(url, content=body, headers={"content-type": "application/json"},
                      trust_env=False, timeout=10)  # fmt: skip


FASTAPI_BAD = [
    ({"prompt": "   "}, "prompt"),
    ({"fault": "burn"}, "every"),
    ({"max_tokens": 1e400}, "max_tokens"),
]
FLASK_BAD = [
    ({"prompt": "   "}, "prompt"),
    ({"fault": ["burn"]}, "fault"),
    ({"fault": {"x": 1}}, "fault"),
    ({"fault": "burn"}, "every"),
    ({"max_tokens": 1e400}, "max_tokens"),
]


@pytest.mark.parametrize(("body", "field"), FASTAPI_BAD)
def test_fastapi_chat_answers_bad_bodies_with_422_naming_the_field(supplier, body, field):
    with start_kitchen("fastapi-async", supplier=supplier) as kitchen:
        reply = post_raw(kitchen.chat_url, json.dumps(body).encode())
    assert reply.status_code == 422, reply.text
    assert field in reply.text


def test_fastapi_chat_refuses_nan_and_infinity(supplier):
    with start_kitchen("fastapi-def", supplier=supplier) as kitchen:
        nan = post_raw(kitchen.chat_url, b'{"temperature": NaN}')
        inf = post_raw(kitchen.chat_url, b'{"temperature": Infinity}')
    assert nan.status_code == inf.status_code == 422
    assert "temperature" in nan.text and "temperature" in inf.text


@pytest.mark.parametrize(("body", "field"), FLASK_BAD)
def test_flask_chat_answers_bad_bodies_with_400_naming_the_field(supplier, body, field):
    with start_kitchen("flask-threaded", supplier=supplier) as kitchen:
        reply = post_raw(kitchen.chat_url, json.dumps(body).encode())
    assert reply.status_code == 400, reply.text
    assert field in {p["field"] for p in reply.json()["problems"]}


@pytest.mark.parametrize("mode", ["flask-threaded", "fastapi-async"])
def test_deep_nesting_is_a_bad_order_not_a_crash(supplier, mode):
    with start_kitchen(mode, supplier=supplier) as kitchen:
        reply = post_raw(kitchen.chat_url, b"[" * 5000 + b"]" * 5000)
        after = post_raw(kitchen.chat_url, b'{"max_tokens": 2}')
    assert reply.status_code in (400, 422) and "body" in reply.text
    assert after.status_code == 200


def test_fastapi_refuses_a_huge_body_and_does_not_echo_a_long_prompt(supplier):
    with start_kitchen("fastapi-async", supplier=supplier) as kitchen:
        long = post_raw(kitchen.chat_url, json.dumps({"prompt": "x" * 60_000}).encode())
        url = httpx.URL(kitchen.chat_url)
        head = f"POST /chat HTTP/1.1\r\nHost: {url.host}\r\nContent-Type: application/json\r\n"
        # A 10 MB prompt announced: refused before a byte of it is read.
        announced = head + "Content-Length: 10000000\r\nConnection: close\r\n\r\n"
        huge, said = raw_request(kitchen.chat_url, announced.encode())
        # A chunked body that passes the limit: refused as it passes, not read to its end.
        head += "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        chunk = b"10001\r\n" + b"x" * 0x10001 + b"\r\n"
        chunked = raw_request(kitchen.chat_url, head.encode(), chunk)[0]
        after = post_raw(kitchen.chat_url, b'{"max_tokens": 2}')
    assert huge == 413 and b"over 64 kB" in said
    assert chunked == 413
    assert long.status_code == 422 and len(long.content) < 2000 and "prompt" in long.text
    assert after.status_code == 200


def test_the_built_in_model_refuses_absurd_max_tokens(supplier):
    reply = post_raw(
        f"{supplier.current().base_url}/chat/completions",
        b'{"model": "chefline-mock", "max_tokens": 1e400, "messages": [{"content": "hi"}]}',
    )
    assert reply.status_code == 400 and "max_tokens" in reply.text


BAD_CHUNKS = [b"zz\r\nhello\r\n0\r\n\r\n", b"5\r\nhel", b"ffffffffffffffffff\r\nx\r\n0\r\n\r\n"]


@pytest.mark.parametrize(
    "mode", ["flask-one-chef", "flask-async-view", "flask-threaded", "flask-gevent",
             "flask-processes"],
)  # fmt: skip
def test_flask_kitchens_answer_broken_bodies_with_4xx(supplier, mode, caplog):
    with start_kitchen(mode, supplier=supplier) as kitchen:
        url = httpx.URL(kitchen.chat_url)
        start = f"POST /chat HTTP/1.1\r\nHost: {url.host}:{url.port}\r\n".encode()
        statuses = []
        for body in BAD_CHUNKS:
            head = start + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            head += b"Connection: close\r\n\r\n"
            if body == BAD_CHUNKS[1]:  # a body cut short: the client stops sending
                with socket.create_connection((url.host, url.port), timeout=15) as sock:
                    sock.sendall(head + body)
                    sock.shutdown(socket.SHUT_WR)
                    reply = sock.recv(65536)
                statuses.append(int(reply.split(b" ", 2)[1]) if reply else 400)
                continue
            statuses.append(raw_request(kitchen.chat_url, head, body)[0])
        huge = start + b"Content-Type: application/json\r\nContent-Length: 99999999999\r\n"
        huge += b"Connection: close\r\n\r\n"
        statuses.append(raw_request(kitchen.chat_url, huge, b'{"prompt": "hi"}')[0])
        after = post_raw(kitchen.chat_url, b'{"max_tokens": 2}')
    assert all(400 <= status < 500 for status in statuses), statuses
    assert after.status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def slow_client(url: str) -> socket.socket:
    """A customer who starts ordering and never finishes: half a request line, then nothing."""
    address = httpx.URL(url)
    sock = socket.create_connection((address.host, address.port))
    sock.sendall(b"GET /cook?wait=0 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    return sock


@pytest.mark.parametrize(("mode", "slow"), [("flask-one-chef", 1), ("flask-processes", 4),
                                            ("flask-gevent", 4), ("flask-pool", 4)])  # fmt: skip
def test_slow_clients_do_not_hold_a_kitchen_forever(mode, slow):
    with start_kitchen(mode) as kitchen:  # flask-processes: 4 workers, held by 4 clients
        clients = [slow_client(kitchen.cook_url) for _ in range(slow)]
        try:
            time.sleep(0.2)
            start = time.perf_counter()
            reply = httpx.get(kitchen.cook_url, params={"wait": 0}, trust_env=False,
                              timeout=READ_TIMEOUT_S * 4)  # fmt: skip
            waited = time.perf_counter() - start
        finally:
            for sock in clients:
                sock.close()
    assert reply.status_code == 200
    assert waited < READ_TIMEOUT_S + 2.5


def test_a_client_dripping_its_headers_is_cut_off_at_the_deadline():
    with start_kitchen("flask-one-chef") as kitchen:
        address = httpx.URL(kitchen.cook_url)
        drip = socket.create_connection((address.host, address.port))
        drip.sendall(b"GET /cook?wait=0 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        start = time.perf_counter()
        answer = b""
        try:
            while time.perf_counter() - start < HEADER_DEADLINE_S + 3:
                drip.sendall(b"X-Drip: 1\r\n")  # one header a second, never the blank line
                if select.select([drip], [], [], 1.0)[0]:  # the kitchen answered, or hung up
                    answer = drip.recv(65536)
                    break
        except OSError:
            pass  # the kitchen hung up: what it should do
        cut_off = time.perf_counter() - start
        reply = httpx.get(kitchen.cook_url, params={"wait": 0}, trust_env=False, timeout=10)
        drip.close()
    assert reply.status_code == 200
    assert cut_off < HEADER_DEADLINE_S + 2.5
    assert answer.startswith(b"HTTP/1.1 408")
