"""The capacity curve in the window (View → Capacity curve), and as a picture for the CLI."""
