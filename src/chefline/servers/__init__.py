"""The real Flask and FastAPI kitchens and the threads that run them. No Qt."""

from chefline.servers.kitchens import BUILDERS, Kitchen, start_kitchen
from chefline.servers.relay import EventRelay
from chefline.servers.server_thread import KitchenStartError

__all__ = ["BUILDERS", "EventRelay", "Kitchen", "KitchenStartError", "start_kitchen"]
