"""The language model: the built-in one in its own process, the way to any model, and which is
used."""
