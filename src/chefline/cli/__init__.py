"""Headless Chefline: ``chefline race``, ``chefline serve``, ``chefline modes``. No Qt."""

from chefline.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
