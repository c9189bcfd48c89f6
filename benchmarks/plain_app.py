"""A plain route in each framework, for the cost of the your-app instrumentation."""

from fastapi import FastAPI
from flask import Flask

from chefline.servers.runners.server_thread import ServerThread
from chefline.servers.runners.uvicorn_runner import UvicornThread
from chefline.servers.runners.werkzeug_runner import WerkzeugThread

fastapi_app = FastAPI()
flask_app = Flask(__name__)


@fastapi_app.get("/plain")
async def plain_async() -> dict[str, bool]:
    return {"ok": True}


@flask_app.get("/plain")
def plain_sync() -> dict[str, bool]:
    return {"ok": True}


SERVED_AS = {"ASGI": ("fastapi_app", "uvicorn"), "WSGI": ("flask_app", "werkzeug-threaded")}
"""Each kind's app (an attribute of this file) and the server your kitchen gives it."""


def bare_server(kind: str) -> ServerThread:
    """The same app on the same server, without the watching."""
    if kind == "ASGI":
        return UvicornThread("bare", fastapi_app)
    return WerkzeugThread("bare", flask_app, threaded=True)
