"""Runs the stages for one file or a batch: load → analyse → check → score.

An :class:`Assessor` is built once per process: the plugin manager, the rule set
and (lazily, on the first readable draft) the spaCy pipeline, so a batch pays for
them once. Unreadable files become a report with ``error`` and the batch goes on.
"""

from __future__ import annotations

from pathlib import Path

from .analyse import analyse
from .check import build_ruleset, check, file_ignores
from .config import Config
from .errors import InputError
from .load import load
from .model import DocumentError, DocumentReport, Report
from .plugin_manager import get_plugin_manager
from .score import score


class Assessor:
    def __init__(self, config: Config):
        self.config = config
        self.pm = get_plugin_manager()
        self.ruleset = build_ruleset(self.pm, tuple(config.rule_paths))
        self.rules = self.ruleset.select(config.select, config.ignore)
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import build_pipeline

            lexicon = tuple(sorted((k, tuple(v)) for k, v in self.ruleset.lexicon.items()))
            self._nlp = build_pipeline(lexicon)
        return self._nlp

    def rules_for(self, path: str):
        extra = file_ignores(self.config, path)
        if not extra:
            return self.rules
        dropped = {r.id for t in extra for r in self.ruleset.by_token(t)}
        return [r for r in self.rules if r.id not in dropped]

    def assess_document(self, document) -> DocumentReport:
        """Analyse, check and score an already loaded Document."""
        facts = analyse(document, self.nlp, self.config.stage)
        rules = self.rules_for(document.path)
        results = check(facts, self.ruleset, rules)
        report = score(facts, results, rules, self.config.weights)
        self.pm.hook.adjust_score(report=report, config=self.config)
        return report

    def assess_path(self, path: Path) -> DocumentReport:
        """Assess one file; an unreadable file gives a report with ``error`` set."""
        try:
            document = load(path, self.config, self.pm)
        except InputError as exc:
            return DocumentReport(path=str(path), error=DocumentError(exc.code, exc.message))
        return self.assess_document(document)

    def assess_paths(self, paths: list[Path], jobs: int = 1) -> Report:
        from . import __version__

        documents = [self.assess_path(p) for p in sorted(paths, key=str)]
        return Report(
            documents=documents, lang=self.config.lang, tool_version=__version__, fail_under=self.config.fail_under
        )
