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
from collections.abc import Callable
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

MIN_FILES_PER_WORKER = 4


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
        """Assess many files, sorted by path; ``jobs`` worker processes (``None``/0: one
        per core; 1: in this process). ``progress(done, total)`` is called after each file.
        ``stage`` judges every file (as :meth:`assess_document`); ``lang`` is the
        report's language. Either, when ``None``, comes from the config.
        """
        from . import __version__

        stage = stage or self.config.stage
        ordered = sorted(paths, key=str)
        # The cache first, here: a batch whose drafts are all stored never starts a
        # worker nor builds the NLP pipeline.
        hits = {
            i: with_shown_names(r)
            for i, p in enumerate(ordered)
            if (r := self.cached(p, stage)) is not None
        }
        todo = [p for i, p in enumerate(ordered) if i not in hits]
        if progress and hits:
            progress(len(hits), len(ordered))
        done = len(hits)

        def step(_done: int, _total: int) -> None:
            if progress:
                progress(done + _done, len(ordered))

        fresh = self._assess_uncached(todo, jobs, step, stage)
        documents, fresh_iter = [], iter(fresh)
        for i in range(len(ordered)):
            documents.append(hits[i] if i in hits else next(fresh_iter))
        return Report(
            documents=documents,
            lang=lang or self.config.lang,
            tool_version=__version__,
            fail_under=self.config.fail_under,
        )

    def _assess_uncached(
        self,
        ordered: list[Path],
        jobs: int | None,
        progress: Callable[[int, int], None],
        stage: str,
    ) -> list[DocumentReport]:
        """Assess files the cache did not have, here or in a pool of workers."""
        # A worker costs its own spaCy start-up (~0.5 s): a pool only pays for itself
        # with a few files per worker, so small batches run here.
        workers = min(jobs or os.cpu_count() or 1, -(-len(ordered) // MIN_FILES_PER_WORKER))
        if workers <= 1:
            documents = []
            for path in ordered:
                documents.append(self.assess_one(path, stage))
                progress(len(documents), len(ordered))
        else:
            context = _fork_context()
            if context is not None:
                # Build the pipeline once here: forked workers inherit it (the build is
                # cached per process) instead of each importing spaCy and building its own.
                self.nlp  # noqa: B018
            documents = _assess_in_pool(
                ordered,
                stage,
                workers,
                self.config,
                self.debug,
                progress,
                self.cache,
                context,
            )
        return documents


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


def _assess_in_pool(
    paths: list[Path],
    stage: str,
    workers: int,
    config: Config,
    debug: bool,
    progress: Callable[[int, int], None] | None,
    cache=None,
    context=None,
) -> list[DocumentReport]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    results: dict[int, DocumentReport] = {}
    stop = threading.Event()  # Ctrl+C, noted by the handler, raised between two results
    with (
        ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(config, debug, cache, os.getpid()),
        ) as pool,
        _stopped_on_interrupt(pool),
        _sigint(lambda signum, frame: stop.set()),
    ):
        futures = {pool.submit(_work, path, stage): i for i, path in enumerate(paths)}
        for future in _completed(futures, stop):
            i = futures[future]
            try:
                results[i] = future.result()
            except BrokenProcessPool:
                # A worker died (killed, out of memory, a crash in a C library): the
                # files it had are reported, not lost silently.
                results[i] = DocumentReport(
                    path=str(paths[i]),
                    error=DocumentError(
                        "worker_crashed",
                        {
                            "vi": f"{paths[i]}: tiến trình đánh giá bị dừng đột ngột",
                            "en": f"{paths[i]}: the worker process died",
                        },
                    ),
                )
            if progress:
                progress(len(results), len(paths))
    return [results[i] for i in range(len(paths))]


@contextlib.contextmanager
def _stopped_on_interrupt(pool):
    """On Ctrl+C (KeyboardInterrupt) or any failure while the batch runs, cancel what
    is queued and end the worker processes now, rather than let the pool finish the
    batch on the way out; no worker is left behind."""
    try:
        yield
    except BaseException:
        with _sigint(signal.SIG_IGN):  # a second Ctrl+C must not cut the clean-up short
            _end_workers(pool)
        raise


def _completed(futures, stop: threading.Event):
    """The futures as they finish, as ``as_completed`` gives them; once ``stop`` is set,
    KeyboardInterrupt. Raised here, between two results: raised by the signal anywhere
    else, it can leave one of the pool's locks taken, and the pool's thread, which the
    interpreter waits for on exit, waiting for it forever."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending = set(futures)
    while pending:
        done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
        if stop.is_set():
            raise KeyboardInterrupt
        yield from done


def _end_workers(pool) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    results = getattr(pool, "_result_queue", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join()
    # A worker ended halfway through sending a report leaves the pool's own thread
    # waiting for the rest, and the interpreter waits for that thread on exit:
    # closing this process's end of the pipe, the last one open, ends the wait.
    writer = getattr(results, "_writer", None)
    if writer is not None:
        writer.close()


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
