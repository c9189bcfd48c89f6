"""Dialogs and menus of their own: your app, the model, a bad order, faults, about, error
boxes."""
