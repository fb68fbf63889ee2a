"""Entry script of the bundled ``procure`` command (PyInstaller runs this as ``__main__``)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # The optimiser may solve in a child process; frozen spawn-based children need this.
    multiprocessing.freeze_support()
    import _bundle_env

    _bundle_env.configure()
    from procure.cli.main import main

    sys.exit(main())
