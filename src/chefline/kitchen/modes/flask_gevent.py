from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskGevent(KitchenMode):
    name = "flask-gevent"
    serving = Serving(Framework.FLASK, ServerKind.GEVENT, RouteStyle.DEF, CodeStep.HOLDING)
    route = "def + time.sleep, gevent + monkey patching"
    chat_route = "def + httpx.Client stream, gevent + monkey patching"
    summary = QT_TRANSLATE_NOOP(
        "Modes",
        "The one-chef route, but gevent makes sleep and sockets green: one thread juggles all.",
    )
    # A greenlet that sleeps hands the thread to the next order, as an await would.
    on_event_loop = True

    def slots(self, settings: KitchenSettings) -> int | None:
        return None
