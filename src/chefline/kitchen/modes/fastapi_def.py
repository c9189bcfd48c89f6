from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FastApiDef(KitchenMode):
    name = "fastapi-def"
    serving = Serving(Framework.FASTAPI, ServerKind.UVICORN, RouteStyle.DEF, CodeStep.HOLDING)
    route = "def + time.sleep, uvicorn (anyio thread pool)"
    chat_route = "def + httpx.Client stream, anyio thread pool"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "FastAPI hands plain def routes to a thread pool: up to its cap (40) cook at once."
    )

    def slots(self, settings: KitchenSettings) -> int | None:
        return settings.thread_cap
