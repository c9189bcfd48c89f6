from chefline.kitchen.modes.base import KitchenMode, KitchenSettings
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskGevent(KitchenMode):
    name = "flask-gevent"
    framework = "flask"
    route = "def + time.sleep, gevent + monkey patching"
    chat_route = "def + httpx.Client stream, gevent + monkey patching"
    summary = QT_TRANSLATE_NOOP(
        "Modes",
        "The one-chef route, but gevent makes sleep and sockets green: one thread juggles all.",
    )
    # A greenlet that sleeps hands the thread to the next order, as an await would.
    on_event_loop = True
    own_process = True

    def slots(self, settings: KitchenSettings) -> int | None:
        return None
