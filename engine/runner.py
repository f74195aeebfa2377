"""Runs the steps for one file or a batch: load → analyse → check → score.

An :class:`Assessor` is built once per process: the plugin manager, the rule set
and (lazily, on the first readable draft) the spaCy pipeline, so a batch pays for
them once. Unreadable files become a report with ``error`` and the batch goes on.

What may differ from one call to the next (the stage to judge a text as, the language
of a batch's report) is an argument of the call; the Assessor and its Config are
never changed to pass it, so one Assessor can serve many threads (``nghiquyet serve``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from .analyse import analyse
from .analyse.kind import kind_error, kind_note, read_kind
from .check import build_ruleset, check, file_ignores
from .config import Config
from .display import error_entry, with_shown_names
from .errors import InputError
from .lifetime import end_with_parent
from .load import load
from .model import DocumentError, DocumentReport, Report
from .plugin_manager import get_plugin_manager
from .score import score
from .suppress import apply_suppressions

MIN_FILES_PER_WORKER = 16
# Reports a pool may hold ahead of the next one in path order, per worker: enough to
# keep every worker busy, few enough that a batch's memory does not grow with it.
AHEAD_PER_WORKER = 8


class Assessor:
    """The stages, ready to run: plugin manager, rule set, selected rules, pipeline."""

    def __init__(self, config: Config):
        self.config = config
        self.pm = get_plugin_manager()
        self.ruleset = build_ruleset(self.pm, tuple(config.rule_paths))
        self.rules = self.ruleset.select(config.select, config.ignore)
        self._nlp = None
        self.debug = False  # let internal errors propagate (``--debug``)
        self.cache = None  # a ResultCache (engine/cache.py) when ``--cache`` is on
        self.cache_hits = 0
        # spaCy documents no thread safety for a shared pipeline (its vocabulary grows as
        # it reads), so threads take turns through it; uncontended, the lock costs nothing.
        self._pipeline_lock = threading.Lock()

    @property
    def nlp(self):
        """The spaCy pipeline, built on first use."""
        if self._nlp is None:
            with self._pipeline_lock:
                if self._nlp is None:
                    from .nlp import build_pipeline

                    lexicon = tuple(sorted((k, tuple(v)) for k, v in self.ruleset.lexicon.items()))
                    self._nlp = build_pipeline(lexicon, self.pm, self.config)
        return self._nlp

    def rules_for(self, path: str):
        """The selected rules less those ``per_file_ignores`` drops for ``path``."""
        extra = file_ignores(self.config, path)
        if not extra:
            return self.rules
        dropped = {r.id for t in extra for r in self.ruleset.by_token(t)}
        return [r for r in self.rules if r.id not in dropped]

    def assess_document(self, document, stage: str | None = None) -> DocumentReport:
        """Analyse, check and score an already loaded Document.

        ``stage`` (``draft``, ``adopted`` or ``auto``) is how to judge this text;
        ``None`` takes the config's. A document that is not a thematic resolution
        gives a report with ``error`` set (code ``not_a_resolution`` or
        ``no_diacritics``), unless the config says ``force``. Findings the draft's
        own comments accept move to ``suppressed`` (engine/suppress.py).
        """
        kind = read_kind([b.text for b in document.blocks])
        refusal = kind_error(kind, document.path)
        if refusal is not None and not self.config.force:
            return DocumentReport(path=document.path, error=refusal)
        facts = self.analyse_document(document, stage)
        rules = self.rules_for(document.path)
        results = check(facts, self.ruleset, rules)
        report = score(facts, results, rules, self.config.weights)
        note = kind_note(kind)
        if note is not None:
            report.notes.insert(0, note)
        self.pm.hook.adjust_score(report=report, config=self.config)
        # after scoring: an accepted finding is listed apart, the score stays the draft's
        return apply_suppressions(report, document.suppressions, self.ruleset)

    def analyse_document(self, document, stage: str | None = None):
        """The Facts of an already loaded Document, as :meth:`assess_document` reads
        them (``stage`` as there); the pipeline is taken in turn with other threads."""
        nlp = self.nlp
        with self._pipeline_lock:
            return analyse(document, nlp, stage or self.config.stage)

    def assess_path(self, path: Path, stage: str | None = None) -> DocumentReport:
        """Assess one file (``stage`` as for :meth:`assess_document`); an unreadable file
        gives a report with ``error`` set."""
        stage = stage or self.config.stage
        key = self.cache.key(path, self.config, stage) if self.cache is not None else None
        cached = self.cached(path, stage, key)
        if cached is not None:
            return cached
        try:
            document = load(path, self.config, self.pm)
        except InputError as exc:
            return DocumentReport(path=str(path), error=DocumentError(exc.code, exc.message))
        report = self.assess_document(document, stage)
        if key:
            self.cache.put(key, report)
        return report

    def cached(self, path: Path, stage: str, key: str | None = None) -> DocumentReport | None:
        """The stored report of ``path`` judged as ``stage``, named by this path (the key
        is the content and settings, so a copy of a draft hits), or None."""
        if self.cache is None:
            return None
        key = key or self.cache.key(path, self.config, stage)
        report = self.cache.get(key) if key else None
        if report is not None:
            self.cache_hits += 1
            report.path = str(path)
        return report

    def assess_one(self, path: Path, stage: str | None = None) -> DocumentReport:
        """:meth:`assess_path`, but an internal error also becomes an error entry
        (code ``internal``) so that one bad draft never stops a batch; ``debug``
        lets it propagate instead."""
        try:
            return with_shown_names(self.assess_path(path, stage))
        except Exception as exc:
            if self.debug:
                raise
            detail = f"{type(exc).__name__}: {exc}"
            return error_entry(
                path,
                "internal",
                f"{path}: lỗi nội bộ khi đánh giá ({detail})",
                f"{path}: internal error ({detail})",
            )

    def assess_paths(
        self,
        paths: list[Path],
        jobs: int | None = 1,
        progress: Callable[[int, int], None] | None = None,
        *,
        stage: str | None = None,
        lang: str | None = None,
    ) -> Report:
        """Assess many files, sorted by path, into one Report (see :meth:`iter_paths`,
        which gives them one at a time); ``lang`` is the report's language, from the
        config when ``None``."""
        from . import __version__

        with contextlib.closing(self.iter_paths(paths, jobs, progress, stage=stage)) as reports:
            documents = list(reports)
        return Report(
            documents=documents,
            lang=lang or self.config.lang,
            tool_version=__version__,
            fail_under=self.config.fail_under,
        )

    def iter_paths(
        self,
        paths: list[Path],
        jobs: int | None = 1,
        progress: Callable[[int, int], None] | None = None,
        *,
        stage: str | None = None,
    ) -> Iterator[DocumentReport]:
        """Assess many files and give their reports one at a time, sorted by path, each
        as soon as it and those before it are done; ``jobs`` worker processes
        (``None``/0: one per core; 1: in this process). ``progress(done, total)`` is
        called as files finish. ``stage`` judges every file (as
        :meth:`assess_document`), the config's when ``None``.

        Nothing is kept once given, so a batch's memory does not grow with its size.
        The cache is asked first, here, for every file: a batch whose drafts are all
        stored never starts a worker nor builds the NLP pipeline (nor imports spaCy).
        Close the iterator (``contextlib.closing``) to stop early: the workers end.
        """
        stage = stage or self.config.stage
        ordered = sorted(paths, key=str)
        cache = self.cache
        keys = [cache.key(p, self.config, stage) if cache else None for p in ordered]
        stored = [key is not None and cache.has(key) for key in keys]
        todo = [i for i, hit in enumerate(stored) if not hit]
        done = len(ordered) - len(todo)
        if progress and done:
            progress(done, len(ordered))

        def step() -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(ordered))

        # a file not stored is keyed again when it is read, so that its report is
        # stored under what it holds then
        fresh = self._assess_uncached([ordered[i] for i in todo], jobs, step, stage)
        with contextlib.closing(fresh):
            for i, path in enumerate(ordered):
                if not stored[i]:
                    yield next(fresh)
                    continue
                # an entry that went bad since it was seen is assessed here, and rewritten
                report = self.cached(path, stage, keys[i])
                yield with_shown_names(report) if report else self.assess_one(path, stage)

    def _assess_uncached(
        self,
        ordered: list[Path],
        jobs: int | None,
        step: Callable[[], None],
        stage: str,
    ) -> Iterator[DocumentReport]:
        """The reports of files the cache did not have, in order, assessed here or in a
        pool of workers (started when the first is asked for)."""
        # A pool costs its start-up and the passing of every report between
        # processes (measured: 0.1-0.4 s of CPU on 2 cores): it only pays for itself
        # with many files per worker, so smaller batches run here, and the default
        # --jobs never loses to -j 1.
        workers = min(jobs or os.cpu_count() or 1, -(-len(ordered) // MIN_FILES_PER_WORKER))
        if workers <= 1:
            for path in ordered:
                report = self.assess_one(path, stage)
                step()
                yield report
            return
        context = _fork_context()
        ready = {}
        if context is not None:
            # Build the pipeline once here: forked workers inherit it (the build is
            # cached per process) instead of each importing spaCy and building its own.
            # And assess the first draft of each kind here too: what a process does
            # the first time it reads one (the loader's imports, its caches: a quarter
            # of a second) is then done once, and inherited, instead of once a worker.
            for i in _first_of_each_suffix(ordered):
                ready[i] = self.assess_one(ordered[i], stage)
                step()
        yield from _assess_in_pool(
            ordered,
            stage,
            workers,
            (self.config, self.debug, self.cache),
            step,
            context,
            ready,
        )


def _first_of_each_suffix(paths: list[Path]) -> list[int]:
    """The index of the first path with each suffix, in order."""
    first: dict[str, int] = {}
    for i, path in enumerate(paths):
        first.setdefault(path.suffix.lower(), i)
    return sorted(first.values())


# -- process pool --------------------------------------------------------------
# Each worker builds its own Assessor once (plugin manager, rule set, and on the first
# draft the spaCy pipeline) in the pool initializer, then assesses many files; only
# paths go in and plain dataclass reports come back.

_WORKER: Assessor | None = None


def _init_worker(config: Config, debug: bool, cache=None, parent: int | None = None) -> None:
    global _WORKER
    if parent is not None:
        end_with_parent(parent)  # no worker outlives a killed batch
    _WORKER = Assessor(config)
    _WORKER.debug = debug
    _WORKER.cache = cache


def _work(path: Path, stage: str) -> DocumentReport:
    assert _WORKER is not None, "pool initializer did not run"
    return _WORKER.assess_one(path, stage)


def _fork_context():
    """The "fork" start method where the platform has it (Linux), else None."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _crashed(path: Path) -> DocumentReport:
    """The report of a file whose worker died (killed, out of memory, a crash in a C
    library): reported, not lost silently."""
    return DocumentReport(
        path=str(path),
        error=DocumentError(
            "worker_crashed",
            {
                "vi": f"{path}: tiến trình đánh giá bị dừng đột ngột",
                "en": f"{path}: the worker process died",
            },
        ),
    )


def _assess_in_pool(
    paths: list[Path],
    stage: str,
    workers: int,
    setup: tuple,
    step: Callable[[], None],
    context=None,
    ready: dict[int, DocumentReport] | None = None,
) -> Iterator[DocumentReport]:
    """The reports of ``paths`` from ``workers`` processes, in the order of
    ``paths``; ``ready`` holds those already made, by index. ``setup`` is what
    each worker's Assessor is built from (config, debug, cache). Only a window of
    files beyond the next one to give is handed to the pool, so the reports held
    while waiting for a slow one stay few."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    ahead, ready = AHEAD_PER_WORKER * workers, dict(ready or {})
    made_here = set(ready)
    submitted = given = 0
    running: dict = {}
    stop = threading.Event()  # Ctrl+C, noted by the handler, raised between two results
    with (
        _frozen_for_fork(context),
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(*setup, os.getpid()),
        ) as pool,
        _stopped_on_interrupt(pool),
        _sigint(lambda signum, frame: stop.set()),
    ):
        while given < len(paths):
            for i in range(submitted, min(len(paths), given + ahead)):
                submitted = i + 1
                if i in made_here:
                    continue
                try:
                    running[pool.submit(_work, paths[i], stage)] = i
                except BrokenProcessPool:  # a worker died: the pool takes no more
                    ready[i] = _crashed(paths[i])
                    step()
            for future in _finished(running, stop):
                i = running.pop(future)
                try:
                    ready[i] = future.result()
                except BrokenProcessPool:
                    ready[i] = _crashed(paths[i])
                step()
            while given in ready:
                yield ready.pop(given)
                given += 1


@contextlib.contextmanager
def _frozen_for_fork(context):
    """While forked workers run, the objects this process holds (the pipeline the
    workers inherit above all) are left out of its garbage collections, and so out of
    the workers': a collection writes to every object it visits, which would give each
    worker a private copy of pages it could share with this process."""
    import gc

    if context is None:
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextlib.contextmanager
def _stopped_on_interrupt(pool):
    """On Ctrl+C (KeyboardInterrupt), SIGTERM or any failure while the batch runs, or
    when its reader stops early, cancel what is queued and end the worker processes
    now, rather than let the pool finish the batch on the way out; no worker is left
    behind."""
    try:
        yield
    except BaseException:
        with _sigint(signal.SIG_IGN):  # a second Ctrl+C must not cut the clean-up short
            _end_workers(pool)
        raise


def _finished(running: dict, stop: threading.Event) -> set:
    """The futures of ``running`` that are done, once one is (none when none runs);
    once ``stop`` is set, KeyboardInterrupt. Raised here, between two results: raised
    by the signal anywhere else, it can leave one of the pool's locks taken, and the
    pool's thread, which the interpreter waits for on exit, waiting for it forever."""
    from concurrent.futures import FIRST_COMPLETED, wait

    while running:
        done, _pending = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
        if stop.is_set():
            raise KeyboardInterrupt
        if done:
            return done
    return set()


def _end_workers(pool) -> None:
    # read before shutdown, which drops the pool's references: the dict of workers is
    # the one its manager thread keeps adding to
    workers = getattr(pool, "_processes", None) or {}
    manager = getattr(pool, "_executor_manager_thread", None)
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)
    # the pool may start a worker while it shuts down (on demand, or its manager
    # thread replacing one): ended too, until the manager thread is gone (bounded)
    ended: list = []
    for _round in range(WORKER_SWEEPS):
        _end(workers, ended)
        if manager is None or not manager.is_alive():
            break
        manager.join(timeout=0.5)
    _end(workers, ended)
    # A worker ended halfway through sending a report leaves the pool's own thread
    # waiting for the rest, and the interpreter waits for that thread on exit:
    # closing this process's end of the pipe, the last one open, ends the wait.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()


# How many times the clean-up looks again for workers the pool started meanwhile.
WORKER_SWEEPS = 6


def _end(workers: dict, ended: list) -> None:
    """Terminate and join the worker processes of ``workers`` not in ``ended``; add
    them."""
    fresh = [p for p in list(workers.values()) if p not in ended]
    for process in fresh:
        process.terminate()
    for process in fresh:
        process.join()
    ended += fresh


@contextlib.contextmanager
def _sigint(handler):
    """SIGINT handled by ``handler`` for a while (in the main thread: the only one that
    receives signals; elsewhere, nothing changes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
