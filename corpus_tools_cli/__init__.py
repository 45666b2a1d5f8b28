"""Entry point of the ``corpus-tools`` command (``[project.scripts]``).

It lives outside the ``corpus_tools`` package on purpose. Importing the
package (pandas, numpy, the tokenizer's data, ...) takes one to several
seconds, and the package's ``__init__`` runs before any function in it can,
so a Ctrl-C in that time printed a ``KeyboardInterrupt`` traceback from deep
inside the import machinery. Here Ctrl-C during the import ends the command
at once with ``corpus-tools: interrupted`` and exit status 130: nothing has
been read or written yet. From then on :func:`corpus_tools.cli.main` handles
Ctrl-C and SIGTERM itself (partial output removed, one line, 130 or 143).
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType

__all__ = ["main"]

INTERRUPTED = b"corpus-tools: interrupted\n"


def _stop_while_starting(signum: int, frame: FrameType | None) -> None:
    """SIGINT before the package is imported: one line, exit 130, no traceback."""
    try:
        os.write(2, INTERRUPTED)
    finally:
        os._exit(130)


def main() -> int:
    """Import :mod:`corpus_tools.cli` with Ctrl-C handled quietly, then run it."""
    previous = None
    try:
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # a background job ignores it
            previous = signal.signal(signal.SIGINT, _stop_while_starting)
    except ValueError:  # pragma: no cover - not the main thread
        previous = None
    from corpus_tools.cli import main as run

    if previous is not None:
        signal.signal(signal.SIGINT, previous)
    return run()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
