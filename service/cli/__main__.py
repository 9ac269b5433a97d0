"""``python -m service.cli …``: the ``foia`` command without its console script."""

import sys

from service.cli import main

sys.exit(main())
