from chefline.kitchen.modes.base import KitchenMode, KitchenSettings


class FlaskProcesses(KitchenMode):
    name = "flask-processes"
    framework = "flask"
    route = "def + time.sleep, gunicorn with k sync worker processes"
    chat_route = "def + httpx.Client stream, gunicorn with k sync worker processes"
    summary = "k one-chef kitchens behind one door: orders come in waves of k, each chef a process."
    own_process = True

    def slots(self, settings: KitchenSettings) -> int | None:
        return settings.workers
