"""The one clock every timestamp in Chefline is read from.

The customers, the kitchens and the model run on one machine, in several processes, and
``perf_counter`` is the machine's clock (CLOCK_MONOTONIC on Linux), not a process's: a
customer's "sent" and a chef's "accepted" compare directly. A kitchen in a child process is
checked with clock pings when it opens (``servers/own_process/child_process.py``).
"""

import time

now = time.perf_counter
