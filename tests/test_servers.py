"""Each kitchen as a real server on loopback: address, bad input, busy ports, stopping."""

import socket
import sys
import time
from pathlib import Path

import httpx
import pytest

from chefline.kitchen import MODES
from chefline.kitchen.errors import KitchenError
from chefline.servers import start_kitchen


@pytest.fixture(scope="module", params=list(MODES))
def kitchen(request):
    with start_kitchen(request.param) as running:
        yield running


def listening_addresses(port: int) -> set[str]:
    """Local addresses of LISTEN sockets on ``port``, read from /proc (IPv4 and IPv6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.add(address)
    return found


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/net")
def test_kitchen_listens_on_loopback_only(kitchen):
    # 0100007F is 127.0.0.1 in /proc's little-endian hex; nothing else may listen on the port.
    assert kitchen.url.startswith("http://127.0.0.1:")
    assert listening_addresses(kitchen.server.port) == {"0100007F"}


def test_kitchen_cooks_and_reports_its_phases(kitchen):
    reply = httpx.get(kitchen.cook_url, params={"wait": "0.05", "order": "7", "race": "r1"})
    assert reply.status_code == 200
    body = reply.json()
    assert (body["kitchen"], body["order"], body["race"]) == (kitchen.name, 7, "r1")
    assert [step["name"] for step in body["steps"]] == ["prep", "wait", "plate"]
    wait = body["steps"][1]
    assert wait["end"] - wait["start"] >= 0.05
    assert (
        body["accepted"] <= body["steps"][0]["start"] and body["steps"][-1]["end"] <= body["done"]
    )


@pytest.mark.parametrize(
    "params",
    [{"wait": "-1"}, {"wait": "abc"}, {"wait": "1e9"}, {"dish": "soup"}, {"order": "-3"}],
)
def test_bad_orders_get_a_client_error_with_details(kitchen, params):
    # Flask validates by hand (400), FastAPI through Pydantic (422); never a 500.
    reply = httpx.get(kitchen.cook_url, params=params)
    expected = 400 if kitchen.mode.framework == "flask" else 422
    assert reply.status_code == expected
    assert reply.json()["detail"]


def test_a_busy_port_is_a_clear_error_and_another_port_is_tried():
    # A port someone else holds: a message naming it, and the kitchen opens on a free port;
    # without fallback, the error itself.
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        for name in ("flask-one-chef", "flask-pool", "fastapi-async"):
            with pytest.raises(KitchenError, match=f"port {port} on 127.0.0.1 is already in use"):
                start_kitchen(name, port=port, fallback=False)
            with start_kitchen(name, port=port) as kitchen:
                assert kitchen.server.port not in (0, port)
                assert f"port {port} on 127.0.0.1 is already in use" in kitchen.notice
                assert httpx.get(kitchen.cook_url, params={"wait": "0"}).status_code == 200


def test_stopped_kitchens_release_their_port_and_thread():
    # Stopping closes the socket and ends the server thread, for every kind of server.
    for name in ("flask-one-chef", "flask-pool", "fastapi-async"):
        kitchen = start_kitchen(name)
        port = kitchen.server.port
        kitchen.stop()
        assert not kitchen.server.running
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{port}/cook")


def test_stop_with_a_dish_in_hand_is_prompt():
    # One chef holding a 5 s dish: stop returns within the kitchen's own stop timeout.
    kitchen = start_kitchen("fastapi-blocking")
    sock = socket.create_connection(("127.0.0.1", kitchen.server.port))
    sock.sendall(b"GET /cook?wait=5 HTTP/1.1\r\nHost: x\r\n\r\n")
    time.sleep(0.2)
    began = time.perf_counter()
    kitchen.stop()
    sock.close()
    assert time.perf_counter() - began < kitchen.server.stop_timeout + 0.5
