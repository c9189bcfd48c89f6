from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskThreaded(KitchenMode):
    name = "flask-threaded"
    framework = "flask"
    route = "def + time.sleep, werkzeug threaded=True"
    chat_route = "def + httpx.Client stream, werkzeug threaded=True"
    summary = QT_TRANSLATE_NOOP(
        "Modes", "A new chef (thread) is hired for every order; each one stands at their own pot."
    )

    def slots(self, settings: KitchenSettings) -> int | None:
        return None
