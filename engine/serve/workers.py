"""Assessing uploads in worker processes: a time limit that really stops the work.

A thread cannot be stopped in Python; a process can. Each worker process holds its
own :class:`.assessing.Engine` (an Assessor and its spaCy pipeline, built once). A
request borrows an idle worker, sends it the job and waits at most ``time_limit``
seconds; past it the worker is killed (SIGKILL: the work stops whatever it was
doing) and a fresh one starts in its place, so one hostile upload costs one worker
for a few seconds, never the server.

Admission: ``size`` jobs run at once and at most ``queue`` more wait, each at most
``wait`` seconds for a worker; any other request is told at once that the server is
busy (:class:`Busy`; the page answers 503 with ``Retry-After``) instead of hanging.

Uploads: the server writes each upload into a folder of its own under one root made
when the pool starts, under a fixed name (never the name the browser sent), and
removes that folder when the job ends, however it ends. Closing the pool kills every
worker and removes the root, so nothing is left after a shutdown either.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import shutil
import signal
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from .assessing import Assessed, Engine, write_uploads
from .uploads import Upload

# how long a new worker may take to import the engine and build its pipeline
START_TIMEOUT = 180.0


class Busy(Exception):
    """Every worker is busy and the waiting line is full, or the wait ran out."""


class TimedOut(Exception):
    """The job ran past the time limit; its worker was killed."""


class WorkerFailed(Exception):
    """The worker died or raised while assessing (the server goes on)."""


@dataclass(slots=True)
class Job:
    """What a worker is sent: the upload as written on disk, and how to judge it.
    A job is run by its :meth:`run` (another kind of job, such as the review form's,
    brings its own)."""

    path: str
    upload: Upload
    stage: str
    lang: str
    annotate: bool

    def run(self, engine: Engine) -> Assessed:
        """Assess the upload with the worker's engine."""
        return engine.assess_file(
            Path(self.path), self.upload, self.stage, self.lang, self.annotate
        )


def _work(conn, config: Config) -> None:
    """A worker process: build the engine once, then assess jobs until told to stop."""
    # Ctrl+C at the terminal reaches the whole process group: the server decides
    # when its workers stop, so a worker must not die half-way through a job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    engine = Engine(config)
    engine.warm()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the server is gone: so are we
            return
        if job is None:
            return
        try:
            conn.send(("ok", job.run(engine)))
        except Exception as exc:  # reported as an internal error; the worker goes on
            conn.send(("error", type(exc).__name__))


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context, config: Config):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_work, args=(child, config), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        """Whether the worker built its engine within ``timeout`` seconds."""
        try:
            return self.conn.poll(timeout) and self.conn.recv()[0] == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        """Stop the process at once and reap it."""
        with contextlib.suppress(OSError):
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes with a time limit per job and a bounded waiting line."""

    def __init__(self, config: Config, size: int, time_limit: float, queue_size: int, wait: float):
        self.config = config
        self.size = max(1, size)
        self.time_limit = time_limit
        self.queue_size = max(0, queue_size)
        self.wait = wait
        self.root: Path | None = None
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._waiting = 0
        self._closed = False

    def start(self) -> None:
        """Make the uploads' root and start every worker; return when they are ready."""
        self.root = Path(tempfile.mkdtemp(prefix="nghiquyet-web-"))
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            self._enlist(worker)

    def pids(self) -> list[int]:
        """The process ids of the live workers (for tests and diagnostics)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.is_alive()]

    def run(self, upload: Upload, stage: str, lang: str, annotate: bool) -> Assessed:
        """Assess ``upload`` in a worker. Raises :class:`Busy`, :class:`TimedOut` or
        :class:`WorkerFailed`; the upload's folder is gone when this returns."""
        return self.submit(
            [upload], lambda paths: Job(str(paths[0]), upload, stage, lang, annotate)
        )

    def submit(self, uploads: list[Upload], job_for):
        """Run in a worker the job ``job_for`` makes of the paths where ``uploads`` are
        written (:func:`.assessing.write_uploads`), as :meth:`run` does."""
        worker = self._borrow()
        folder = Path(tempfile.mkdtemp(dir=self.root))
        try:
            return self._ask(worker, job_for(write_uploads(folder, uploads)))
        except (TimedOut, WorkerFailed):
            worker = None  # _ask replaced it, or put it back
            raise
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if worker is not None:
                self._idle.put(worker)

    def close(self) -> None:
        """Kill every worker and remove the uploads' root (the server is stopping)."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)

    # -- inside ------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.config)
        with self._lock:
            self._all.add(worker)
        return worker

    def _enlist(self, worker: _Worker) -> None:
        """Put a started worker to work once it is ready (a broken one is dropped)."""
        if worker.wait_ready(START_TIMEOUT) and not self._closed:
            self._idle.put(worker)
        else:
            self._drop(worker)

    def _drop(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.kill()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background in its place."""
        self._drop(worker)
        if not self._closed:
            threading.Thread(target=lambda: self._enlist(self._spawn()), daemon=True).start()

    def _borrow(self) -> _Worker:
        """An idle worker: at once, or after waiting in a line of at most ``queue_size``."""
        with self._lock:
            if self._closed:
                raise Busy
            with contextlib.suppress(queue.Empty):
                return self._idle.get_nowait()
            if self._waiting >= self.queue_size:
                raise Busy
            self._waiting += 1
        try:
            return self._idle.get(timeout=self.wait)
        except queue.Empty:
            raise Busy from None
        finally:
            with self._lock:
                self._waiting -= 1

    def _ask(self, worker: _Worker, job: Job) -> Assessed:
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.time_limit):
                self._replace(worker)
                raise TimedOut
            status, value = worker.conn.recv()
        except (EOFError, OSError):  # it died: out of memory, killed from outside
            self._replace(worker)
            raise WorkerFailed from None
        if status != "ok":
            self._idle.put(worker)  # it raised but lives: keep it
            raise WorkerFailed(value)
        return value


class PooledEngine:
    """The server's engine: the rules, formats and reporters here (for the pages),
    the assessing in a :class:`WorkerPool` started by :meth:`warm`."""

    def __init__(self, settings):
        from ..runner import Assessor

        self.config = settings.config
        # never asked to assess, so it never builds a pipeline in the server process
        self.assessor = Assessor(settings.config)
        self.pool = WorkerPool(
            settings.config, settings.workers, settings.time_limit, settings.queue, settings.wait
        )

    def warm(self) -> None:
        """Start the workers (each builds its pipeline); return when they are ready."""
        self.pool.start()

    def assess(self, upload: Upload, stage: str, lang: str, annotate: bool = True) -> Assessed:
        """Assess ``upload`` in a worker (see :meth:`WorkerPool.run`)."""
        return self.pool.run(upload, stage, lang, annotate)

    def review(self, resolution: Upload, report: Upload, lang: str):
        """Hold ``report`` against ``resolution`` in a worker (see :mod:`.reviewing`)."""
        from .reviewing import ReviewJob

        return self.pool.submit(
            [resolution, report], lambda paths: ReviewJob(paths, resolution, report, lang)
        )

    def close(self) -> None:
        """Stop the workers and remove the uploads' folders."""
        self.pool.close()
