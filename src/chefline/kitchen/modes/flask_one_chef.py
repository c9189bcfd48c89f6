from chefline.kitchen.modes.base import KitchenMode
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskOneChef(KitchenMode):
    name = "flask-one-chef"
    framework = "flask"
    route = "def + time.sleep, werkzeug threaded=False"
    chat_route = "def + httpx.Client stream, werkzeug threaded=False"
    summary = QT_TRANSLATE_NOOP(
        "Modes",
        "One chef cooks one dish at a time; every other customer queues behind the slow dish.",
    )
