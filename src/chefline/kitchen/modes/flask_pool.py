from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskPool(KitchenMode):
    name = "flask-pool"
    serving = Serving(Framework.FLASK, ServerKind.WAITRESS, RouteStyle.DEF, CodeStep.HOLDING)
    route = "def + time.sleep, waitress with k threads"
    chat_route = "def + httpx.Client stream, waitress with k threads"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "A fixed brigade of k chefs (a production WSGI server); orders come in waves of k."
    )

    def slots(self, settings: KitchenSettings) -> int | None:
        return settings.pool_size
