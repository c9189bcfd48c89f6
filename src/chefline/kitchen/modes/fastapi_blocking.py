from chefline.kitchen.modes.base import KitchenMode
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FastApiBlocking(KitchenMode):
    name = "fastapi-blocking"
    serving = Serving(Framework.FASTAPI, ServerKind.UVICORN, RouteStyle.BLOCKING, CodeStep.HOLDING)
    route = "async def + time.sleep, uvicorn"
    chat_route = "async def + sync httpx.Client: the loop stalls"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "The classic mistake: time.sleep inside async def freezes the one chef at the pot."
    )
