"""A tokenizer that cuts over-long runs of non-blank characters before spaCy sees them.

spaCy's tokenizer strips prefixes and suffixes from a whitespace-delimited chunk one
at a time, and every step searches and copies the rest of the chunk: a chunk of n
characters costs n², so one line of 30,000 em dashes took minutes. No word of a
resolution is that long; a run longer than :data:`MAX_RUN` is cut into pieces of
:data:`MAX_RUN` characters, each tokenized alone, and the pieces are joined into one
``Doc`` whose text is the original text, character for character. Text without such
a run goes to spaCy's own tokenizer untouched, so normal drafts tokenize as before.
"""

from __future__ import annotations

import re

# Longer than any word, number, date or dot leader a drafter types; short enough that
# spaCy's quadratic affix search on one piece stays well under a millisecond.
MAX_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
# Where the tokenized text is kept in ``Doc.user_data`` (see :func:`doc_text`).
TEXT_KEY = "nq_text"


def doc_text(doc) -> str:
    """``doc.text`` without rebuilding it: the text the tokenizer was given, which is
    the same string (spaCy's tokenization loses no character)."""
    text = doc.user_data.get(TEXT_KEY)
    return doc.text if text is None else text


class BoundedTokenizer:
    """Wraps a spaCy tokenizer; called with a text, returns its ``Doc``."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str):
        doc = self._tokenize(text)
        # the text as given: spaCy's ``Doc.text`` joins every token again on each call
        doc.user_data[TEXT_KEY] = text
        return doc

    def _tokenize(self, text: str):
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs, pos = [], 0
        for m in _LONG_RUN.finditer(text):
            if m.start() > pos:
                docs.append(self.tokenizer(text[pos : m.start()]))
            # the blank after the run is its last piece's trailing space, as in spaCy
            pos = m.end() + (text[m.end() : m.end() + 1] == " ")
            docs += [
                self.tokenizer(text[i : pos if i + MAX_RUN >= m.end() else i + MAX_RUN])
                for i in range(m.start(), m.end(), MAX_RUN)
            ]
        if pos < len(text):
            docs.append(self.tokenizer(text[pos:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def pipe(self, texts, batch_size: int = 1000):
        """Tokenize each text (spaCy's ``Tokenizer.pipe``)."""
        for text in texts:
            yield self(text)
