"""A third-party plugin, as a cell's own IT volunteer might write it.

Installed as the distribution ``nghiquyet-sample`` with this entry point::

    [project.entry-points.nghiquyet]
    sample = "nghiquyet_sample"

It adds one rule type and its YAML pack (a draft under 300 words is too thin to
be a thematic resolution), a pipeline component that finds water sources with the
rule that reads them (:mod:`nghiquyet_sample.water`), a ``csv`` reporter, and a
loader for drafts saved as web pages (.html, .htm) in :mod:`nghiquyet_sample.web_page`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from nghiquyet.engine import hookimpl
from nghiquyet.engine.rule_params import Param, rule_type
from nghiquyet.engine.rules import Hit, Outcome

# pluggy finds hook implementations among the module's names: those of water.py and
# of the loader in web_page.py are here too
from .water import prepare_nlp  # noqa: F401
from .web_page import document_formats, load_document  # noqa: F401


# The params a rule of this type may set: a pack that misspells one, or gives a
# word where a number belongs, fails to load with a message that says so.
@rule_type(Param("min_words", "integer", "fewest words of a real draft", default=300, minimum=1))
def check_min_words(facts, rule):
    """Fails when the draft has fewer than ``params.min_words`` words."""
    words = facts.words
    minimum = rule.params["min_words"]
    if words >= minimum:
        return Outcome(1, 1)
    return Outcome(0, 1, [Hit(None, str(words))])


@hookimpl
def register_rules(register):
    """Add the ``min_words`` rule type and the pack that uses it."""
    register.rule_type("min_words", check_min_words)
    register.declare(
        "mention", {"water_source": "a well, a tank, a stream: where water comes from"}
    )
    register.pack(Path(__file__).with_name("rules.yaml"))


def render_csv(report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["path", "score", "grade", "findings"])
    for doc in report.documents:
        writer.writerow([doc.path, doc.score, doc.grade, len(doc.findings)])
    return out.getvalue().encode("utf-8")


@hookimpl
def register_reporters(register):
    """Add ``--format csv``: one line per draft."""
    register("csv", render_csv, ".csv")
