from chefline.kitchen.modes.base import KitchenMode, KitchenSettings


class FlaskGevent(KitchenMode):
    name = "flask-gevent"
    framework = "flask"
    route = "def + time.sleep, gevent WSGI server (monkey-patched, own process)"
    chat_route = "def + httpx.Client stream, gevent (monkey-patched, own process)"
    summary = (
        "The same plain def route, but gevent swaps sleep and sockets for green ones: one "
        "thread juggles every order, in a process of its own."
    )
    # A greenlet that sleeps hands the thread to the next order, as an await would.
    on_event_loop = True
    own_process = True

    def slots(self, settings: KitchenSettings) -> int | None:
        return None
