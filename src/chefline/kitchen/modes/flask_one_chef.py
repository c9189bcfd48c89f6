from chefline.kitchen.modes.base import KitchenMode
from chefline.kitchen.modes.serving import CodeStep, Framework, RouteStyle, ServerKind, Serving
from chefline.texts import QT_TRANSLATE_NOOP


class FlaskOneChef(KitchenMode):
    name = "flask-one-chef"
    serving = Serving(Framework.FLASK, ServerKind.WERKZEUG, RouteStyle.DEF, CodeStep.HOLDING)
    route = "def + time.sleep, werkzeug threaded=False"
    chat_route = "def + httpx.Client stream, werkzeug threaded=False"
    summary = QT_TRANSLATE_NOOP(
        "Modes",
        "One chef cooks one dish at a time; every other customer queues behind the slow dish.",
    )
