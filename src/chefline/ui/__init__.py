"""The Chefline window: the only package that imports Qt."""
