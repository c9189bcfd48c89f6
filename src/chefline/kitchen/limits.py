"""Bounds on every number a user can choose, shared by the CLI, the servers and the window."""

MIN_CUSTOMERS = 1
MAX_CUSTOMERS = 1000

MIN_WAIT_S = 0.0
MAX_WAIT_S = 30.0

MAX_STEP_CPU_S = 0.5
"""Longest prep or plate step: they are meant to be short slices of chef work."""

MIN_POOL_SIZE = 1
MAX_POOL_SIZE = 256

MIN_WORKERS = 1
MAX_WORKERS = 32
"""Worker processes of ``flask-processes``: each is a whole Python interpreter."""

MIN_THREAD_CAP = 1
MAX_THREAD_CAP = 1000

MAX_STAGGER_S = 5.0
"""Longest gap between two arrivals in a staggered race."""

MIN_RATE = 0.1
MAX_RATE = 1000.0
"""Customers a second of a steady stream (Poisson arrivals)."""
MIN_DURATION_S = 0.1
MAX_DURATION_S = 120.0
"""How long a steady stream of customers lasts."""

MAX_EXPECTED_RACE_S = 300.0
"""A race whose theory says it would take longer than this is refused before it starts."""

MAX_PROMPT_CHARS = 2000
MIN_MAX_TOKENS = 1
MAX_MAX_TOKENS = 256
MIN_TEMPERATURE = 0.0
MAX_TEMPERATURE = 2.0
MAX_TTFT_S = 10.0
"""Longest time to first token the built-in model may be set to."""
MIN_TOKENS_PER_S = 1.0
MAX_TOKENS_PER_S = 1000.0
