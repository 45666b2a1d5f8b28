"""Pool workers do not outlive the process that started them.

A notebook kernel that the report stops (its time budget), or any process killed
while ``ordered_map`` runs, must not leave forked workers sleeping on a queue
with their share of the corpus in memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from corpus_tools._parallel import ordered_map

    def slow(x):
        # one write(2) per line: print() writes the number and the newline
        # separately when Python is unbuffered (PYTHONUNBUFFERED), and two
        # workers' lines then interleave
        os.write(1, f"{os.getpid()}\\n".encode())
        time.sleep(60)
        return x

    for _ in ordered_map(slow, range(2), n_jobs=2):
        pass
    """
)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie still answers kill(0); read its state
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


def test_workers_exit_when_their_parent_is_killed() -> None:
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    workers = [int(proc.stdout.readline()) for _ in range(2)]
    assert all(_alive(pid) for pid in workers)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [pid for pid in workers if _alive(pid)] == []
