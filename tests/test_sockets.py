"""Every server Chefline opens answers without Nagle's delays: its listener says TCP (so
asyncio turns TCP_NODELAY on) and its accepted connections have TCP_NODELAY set."""

from __future__ import annotations

import os
import socket
import time

import psutil
import pytest

from chefline.kitchen import MODES
from chefline.servers import start_kitchen
from chefline.servers.llm.model_server import MockModelServer
from chefline.servers.runners.server_thread import bind_loopback

IN_APP = [name for name in MODES if name not in ("flask-gevent", "flask-processes")]


def nodelay(sock: socket.socket) -> bool:
    return bool(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def test_the_listener_is_tcp_with_nodelay():
    """proto 0 would make asyncio skip TCP_NODELAY; the listener's own flag is inherited by
    the connections that the child kitchens (gevent, gunicorn) accept on it."""
    with bind_loopback() as listener:
        assert listener.proto == socket.IPPROTO_TCP
        assert nodelay(listener)
        # Accepted as gevent's and gunicorn's children accept it: the flag comes along.
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert nodelay(accepted)


def accepted_connection_nodelay(port: int) -> bool:
    """Open a connection and leave it idle, find the server's side of it among this
    process's descriptors once the server has accepted it, and read its TCP_NODELAY."""
    with socket.create_connection(("127.0.0.1", port)) as customer:
        mine = customer.getsockname()[1]
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            for conn in psutil.Process().net_connections("tcp"):
                theirs = conn.raddr and conn.raddr.port == mine and conn.fd >= 0
                if conn.laddr.port == port and theirs:
                    with socket.socket(fileno=os.dup(conn.fd)) as server_side:
                        return nodelay(server_side)
            time.sleep(0.02)
    raise AssertionError(f"the server on port {port} never accepted the connection")


@pytest.mark.parametrize("name", IN_APP)
def test_each_kitchen_accepts_connections_with_nodelay(name):
    with start_kitchen(name) as kitchen:
        assert accepted_connection_nodelay(kitchen.server.port)


def test_the_built_in_model_accepts_connections_with_nodelay():
    with MockModelServer() as model:
        assert accepted_connection_nodelay(model.server.port)
