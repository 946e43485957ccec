"""``python -m simulation`` is the ``ssp`` command."""

import sys

from .cli import main

sys.exit(main())
