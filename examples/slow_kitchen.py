"""A FastAPI app with the most common async mistake, and its fix.

chefline race --app examples/slow_kitchen.py:app --path /blocking -n 5
chefline race --app examples/slow_kitchen.py:app --path /fixed -n 5
"""

import asyncio
import time

from fastapi import FastAPI

app = FastAPI()

SLEEP_S = 0.3


@app.get("/blocking")
async def blocking() -> dict[str, str]:
    time.sleep(SLEEP_S)  # a sync call inside async def: the only chef stands at the pot
    return {"dish": "served, late"}


@app.get("/fixed")
async def fixed() -> dict[str, str]:
    await asyncio.sleep(SLEEP_S)  # the chef puts the pot on the stove and takes the next order
    return {"dish": "served"}


@app.post("/echo")
async def echo(order: dict[str, object]) -> dict[str, object]:
    return {"you ordered": order}
