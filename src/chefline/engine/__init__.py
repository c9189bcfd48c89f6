"""The engine: opens kitchens and runs races, for the window and the command line alike. No Qt.

The window's session, ``chefline race`` and ``chefline rehearse`` are faces over one
``Restaurant``: what kitchens are open, which model they call, whether a race fits, and the
race itself all happen here, once.
"""

from chefline.engine.restaurant import (
    KitchenFailure,
    Opening,
    Restaurant,
    check_fits,
    side_by_side,
)
from chefline.servers.spare_cores import SpareCores

__all__ = ["KitchenFailure", "Opening", "Restaurant", "SpareCores", "check_fits", "side_by_side"]
