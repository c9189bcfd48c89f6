"""The one clock every timestamp in Chefline is read from.

Client and servers run in the same process, so ``perf_counter`` (CLOCK_MONOTONIC on Linux,
system-wide) lets a client's "sent" and a server's "accepted" be compared directly.
"""

import time

now = time.perf_counter
