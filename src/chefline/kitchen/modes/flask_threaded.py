from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskThreaded(KitchenMode):
    name = "flask-threaded"
    serving = Serving(
        Framework.FLASK, ServerKind.WERKZEUG_THREADED, RouteStyle.DEF, CodeStep.HOLDING
    )
    route = "def + time.sleep, werkzeug threaded=True"
    chat_route = "def + httpx.Client stream, werkzeug threaded=True"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "A new chef (thread) is hired for every order; each one stands at their own pot."
    )

    def slots(self, settings: KitchenSettings) -> int | None:
        return None
