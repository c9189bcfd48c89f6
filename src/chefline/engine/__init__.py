"""The engine: opens kitchens and runs races, for the window and the command line alike. No Qt.

The window's session, ``chefline race`` and ``chefline rehearse`` are faces over one
``Restaurant``: what kitchens are open, which model they call, whether a race fits, and the
race itself all happen here, once. Your own app is opened, listed and shown through
``chefline.engine.your_app``. ``chefline sweep`` and the window's capacity curve run a
``SweepRunner``: each kitchen alone in a restaurant of its own, at rising loads.
"""

from chefline.engine.code import kitchen_code
from chefline.engine.restaurant import (
    KitchenFailure,
    Opening,
    Restaurant,
    check_fits,
    side_by_side,
)
from chefline.engine.sweep import (
    SweepNews,
    SweepPlan,
    SweepRunner,
    SweepStage,
    parse_steps,
)
from chefline.engine.your_app import (
    start_your_app,
    your_app_code,
    your_app_python,
    your_app_routes,
    your_app_spec,
)
from chefline.servers.kitchens import Kitchen
from chefline.servers.llm.model_link import ModelLink
from chefline.servers.llm.model_probe import ModelProbe
from chefline.servers.llm.model_supply import ModelSupply
from chefline.servers.spare_cores import SpareCores

__all__ = [
    "Kitchen",
    "KitchenFailure",
    "ModelLink",
    "ModelProbe",
    "ModelSupply",
    "Opening",
    "Restaurant",
    "SpareCores",
    "SweepNews",
    "SweepPlan",
    "SweepRunner",
    "SweepStage",
    "check_fits",
    "kitchen_code",
    "parse_steps",
    "side_by_side",
    "start_your_app",
    "your_app_code",
    "your_app_python",
    "your_app_routes",
    "your_app_spec",
]
