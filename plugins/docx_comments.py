"""Suppression comments in a Word draft.

A drafter accepts a finding in Word as a reviewer would answer it: a comment on the
paragraph whose text starts ``nghiquyet: bỏ qua NQ601`` (see
:mod:`nghiquyet.engine.suppress`). A comment's text is in ``word/comments.xml``; where
it is anchored is in the body, as ``w:commentRangeStart`` / ``w:commentRangeEnd``
around the commented text and a ``w:commentReference`` run. Every paragraph the range
touches, and the one holding the reference, is covered by the comment.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from nghiquyet.engine.model import Suppression
from nghiquyet.engine.suppress import is_directive

from .docx_styles import W
from .office_package import Limits, read_part

_ANCHORS = (W + "commentRangeStart", W + "commentRangeEnd", W + "commentReference")


def directive_comments(
    package: zipfile.ZipFile, path: Path, limits: Limits | None = None
) -> dict[str, str]:
    """The suppression comments of the package by comment id, as written."""
    root = read_part(package, "word/comments.xml", path, limits)
    if root is None:
        return {}
    found = {}
    for comment in root.iterchildren(W + "comment"):
        paragraphs = ("".join(t.text or "" for t in p.iter(W + "t")) for p in comment.iter(W + "p"))
        text = " ".join(part.strip() for part in paragraphs if part.strip())
        if is_directive(text):
            found[comment.get(W + "id")] = text
    return found


def _covered(body: etree._Element, wanted: set[str]) -> dict[etree._Element, set[str]]:
    """For each paragraph of ``body``, the ids of the ``wanted`` comments anchored on it."""
    covered: dict[etree._Element, set[str]] = {}
    open_ids: set[str] = set()
    for el in body.iter(W + "p", *_ANCHORS):
        if el.tag == W + "p":
            if open_ids:  # a paragraph inside a range that began earlier
                covered.setdefault(el, set()).update(open_ids)
            continue
        cid = el.get(W + "id")
        if cid not in wanted:
            continue
        if el.tag == W + "commentRangeStart":
            open_ids.add(cid)
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(cid)
        paragraph = next(el.iterancestors(W + "p"), None)
        if paragraph is not None:
            covered.setdefault(paragraph, set()).add(cid)
    return covered


def comment_suppressions(
    package: zipfile.ZipFile,
    body: etree._Element,
    paragraphs: list[etree._Element],
    path: Path,
    limits: Limits | None = None,
) -> list[Suppression]:
    """The suppressions of a .docx: a :class:`Suppression` for each block (numbered as
    ``paragraphs``, the ``w:p`` of block 1, 2, ...) that a suppression comment covers."""
    comments = directive_comments(package, path, limits)
    if not comments:
        return []
    covered = _covered(body, set(comments))
    out = []
    for index, paragraph in enumerate(paragraphs, start=1):
        for cid in sorted(covered.get(paragraph, ())):
            out.append(Suppression(index, comments[cid]))
    return out
