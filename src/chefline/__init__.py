"""Chefline: real Flask and FastAPI kitchens racing the same orders, measured and animated."""

__version__ = "0.1.0"
