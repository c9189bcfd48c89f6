"""The Flask and FastAPI kitchens' apps: routes, cooking, the edge that checks requests, the
route's code."""
