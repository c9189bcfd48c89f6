"""The real Flask and FastAPI kitchens and the threads that run them. No Qt."""

from chefline.servers.kitchens import Kitchen, build_server, start_kitchen
from chefline.servers.relay import EventRelay
from chefline.servers.runners.server_thread import KitchenStartError

__all__ = ["EventRelay", "Kitchen", "KitchenStartError", "build_server", "start_kitchen"]
