"""Child process: the least a load tool can do, from outside the kitchens' process.

python bare_burst.py URL N D   → prints the seconds one gather of N calls took.
"""

from __future__ import annotations

import asyncio
import sys
import time

import aiohttp


async def burst(url: str, n: int, d: float) -> float:
    connector = aiohttp.TCPConnector(limit=n + 8)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(i: int) -> int:
            async with session.get(url, params={"wait": str(d), "order": str(i)}) as reply:
                await reply.read()
                return reply.status

        began = time.perf_counter()
        statuses = await asyncio.gather(*(one(i) for i in range(n)))
        elapsed = time.perf_counter() - began
    assert all(status == 200 for status in statuses), statuses
    return elapsed


if __name__ == "__main__":
    print(asyncio.run(burst(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))))
