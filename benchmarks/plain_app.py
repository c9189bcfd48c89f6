"""A plain route in each framework, for the cost of watching your app (``agent_sides.py``)."""

from fastapi import FastAPI
from flask import Flask

fastapi_app = FastAPI()
flask_app = Flask(__name__)


@fastapi_app.get("/plain")
async def plain_async() -> dict[str, bool]:
    return {"ok": True}


@flask_app.get("/plain")
def plain_sync() -> dict[str, bool]:
    return {"ok": True}
