"""The race as files: replay, save and open, pictures and an animated GIF."""
