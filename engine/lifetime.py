"""How a run ends when it is told to: SIGTERM in the main process, the main process
gone in a worker.

- SIGTERM (``kill``, a CI job cancelled, ``timeout``) would end Python at once,
  running no clean-up: a batch's worker processes were left running (46 of them, 3.4
  GB, in one report) and a report being written left its hidden ``.tmp`` file.
  :func:`sigterm_as_exit` turns it into ``SystemExit(143)``, so ``finally`` blocks
  and :func:`workers_ended` run as for Ctrl+C.
- SIGKILL cannot be caught: each worker asks the kernel to end it when its parent
  dies (Linux ``PR_SET_PDEATHSIG``), and elsewhere watches its parent's pid.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time

EXIT_TERMINATED = 128 + signal.SIGTERM  # what a shell reports for a process SIGTERM ended


@contextlib.contextmanager
def sigterm_as_exit():
    """While the block runs (in the main thread), SIGTERM raises ``SystemExit(143)``."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return

    def leave(signum, frame):
        raise SystemExit(EXIT_TERMINATED)

    previous = signal.signal(signal.SIGTERM, leave)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def workers_ended(pool):
    """On any exception or exit while a process pool works (SIGTERM, Ctrl+C, a
    failure), cancel what is queued and end its workers now, instead of letting the
    pool finish the batch on the way out."""
    try:
        yield
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join()
        raise


def end_with_parent(parent: int) -> None:
    """In a worker: end when process ``parent`` is gone, even if it was SIGKILLed."""
    # SIGTERM from the parent's clean-up ends a worker quietly; Ctrl+C is the parent's
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited
    if not _death_signal(signal.SIGKILL):
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # gone before the kernel was asked
        os._exit(1)


def _death_signal(signum: int) -> bool:
    """Ask Linux to send ``signum`` when the parent dies; False where it cannot."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)
