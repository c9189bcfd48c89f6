"""Entry point of the frozen app (PyInstaller runs this file)."""

import sys

from chefline.__main__ import main

sys.exit(main())
