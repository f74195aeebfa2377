"""A pipeline component of the sample plugin: where a village gets its water.

It writes ``doc.spans["water_source"]``; the plugin declares that mention kind, and
its rule NQ092 (rules.yaml) asks a draft about clean water to name one.
"""

from __future__ import annotations

from nghiquyet.engine import hookimpl

WATER_SOURCES = ("giếng khoan", "giếng đào", "bể nước", "bể chứa", "khe suối", "máy lọc nước")


def find_water_sources(doc):
    """Mark each water source named in ``doc`` (case-insensitive)."""
    text = doc.text.lower()
    spans = []
    for word in WATER_SOURCES:
        start = text.find(word)
        while start >= 0:
            span = doc.char_span(start, start + len(word), label="water_source")
            if span is not None:
                spans.append(span)
            start = text.find(word, start + len(word))
    doc.spans["water_source"] = spans
    return doc


@hookimpl
def prepare_nlp(nlp, config):
    """Add the water-source finder to the pipeline."""
    from spacy.language import Language

    if not Language.has_factory("sample_water_sources"):
        Language.component("sample_water_sources", func=find_water_sources)
    if "sample_water_sources" not in nlp.pipe_names:
        nlp.add_pipe("sample_water_sources")
