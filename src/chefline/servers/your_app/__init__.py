"""Your own app as a kitchen: loading it, its middleware, its routes, the watchdog and
sampler."""
