from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskProcesses(KitchenMode):
    name = "flask-processes"
    serving = Serving(Framework.FLASK, ServerKind.GUNICORN, RouteStyle.DEF, CodeStep.HOLDING)
    route = "def + time.sleep, gunicorn, k sync workers"
    chat_route = "def + httpx.Client stream, gunicorn, k workers"
    summary = QT_TRANSLATE_NOOP(
        "Modes",
        "k one-chef kitchens behind one door: orders come in waves of k, each chef a process.",
    )

    def slots(self, settings: KitchenSettings) -> int | None:
        return settings.workers

    def interpreters(self, settings: KitchenSettings) -> int:
        return settings.workers
