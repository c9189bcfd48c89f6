from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FastApiAsync(KitchenMode):
    name = "fastapi-async"
    serving = Serving(Framework.FASTAPI, ServerKind.UVICORN, RouteStyle.ASYNC, CodeStep.AWAITING)
    route = "async def + await asyncio.sleep, uvicorn"
    chat_route = "async def + await aiohttp.ClientSession stream, uvicorn"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "One chef puts every pot on the stove and takes the next order while they cook."
    )
    on_event_loop = True

    def slots(self, settings: KitchenSettings) -> int | None:
        return None  # every order is accepted at once; only the chef's hands are single
