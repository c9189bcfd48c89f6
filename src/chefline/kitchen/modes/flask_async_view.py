from chefline.kitchen.modes.base import KitchenMode
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskAsyncView(KitchenMode):
    name = "flask-async-view"
    serving = Serving(Framework.FLASK, ServerKind.WERKZEUG, RouteStyle.ASYNC, CodeStep.AWAITING)
    route = "async def + await asyncio.sleep, Flask (asgiref), threaded=False"
    chat_route = "async def view + await aiohttp.ClientSession (no streaming out)"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "Async syntax in Flask: the one chef still waits for each coroutine to finish."
    )
