"""A FastAPI app as real ones are: a middleware around every request, and routes that block
their chef in two ways, waiting (a sync call) or computing (a hashing loop), beside their
fixes.

chefline race --app examples/middleware_kitchen.py:app --path /sleepy -n 5
chefline race --app examples/middleware_kitchen.py:app --path /hashing -n 5
chefline race --app examples/middleware_kitchen.py:app --path /offloaded -n 5
"""

import asyncio
import hashlib
import time

from fastapi import FastAPI, Request

app = FastAPI()

SLEEP_S = 0.3
ROUNDS = 100_000
"""PBKDF2 rounds of one order: about 0.1 s of one core's work here."""


@app.middleware("http")
async def timed(request: Request, call_next):  # Starlette runs the route in a task of its own
    began = time.perf_counter()
    response = await call_next(request)
    response.headers["x-took-ms"] = f"{1000 * (time.perf_counter() - began):.0f}"
    return response


@app.get("/sleepy")
async def sleepy() -> dict[str, str]:
    time.sleep(SLEEP_S)  # a sync call inside async def: the only chef waits at the pot
    return {"dish": "served, late"}


@app.get("/awaited")
async def awaited() -> dict[str, str]:
    await asyncio.sleep(SLEEP_S)  # the fix: the chef takes the next order meanwhile
    return {"dish": "served"}


@app.get("/hashing")
async def hashing() -> dict[str, str]:
    digest = hashlib.pbkdf2_hmac("sha256", b"secret", b"salt", ROUNDS)  # the chef computes
    return {"digest": digest.hex()[:16]}


@app.get("/offloaded")
def offloaded() -> dict[str, str]:
    digest = hashlib.pbkdf2_hmac("sha256", b"secret", b"salt", ROUNDS)  # a `def` route: a
    return {"digest": digest.hex()[:16]}  # thread of FastAPI's pool cooks it, the loop is free
