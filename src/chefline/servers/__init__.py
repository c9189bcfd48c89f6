"""The real Flask and FastAPI kitchens and the threads that run them. No Qt."""

from chefline.kitchen.errors import KitchenError
from chefline.servers.kitchens import Kitchen, build_server, start_kitchen
from chefline.servers.relay import EventRelay

__all__ = ["EventRelay", "Kitchen", "KitchenError", "build_server", "start_kitchen"]
