"""Assessing an upload: in a temporary folder that is gone before the answer is sent."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError
from ..model import DocumentError, DocumentReport
from .uploads import Upload

# the names uploads are written under (never the one the browser sent): a draft, or a
# resolution and its progress report
UPLOAD_NAMES = ("du-thao", "bao-cao")


def write_uploads(folder: Path, uploads) -> list[Path]:
    """Write ``uploads`` into ``folder`` under :data:`UPLOAD_NAMES`; their paths."""
    paths = []
    for name, upload in zip(UPLOAD_NAMES, uploads, strict=False):
        paths.append(folder / f"{name}{upload.suffix}")
        paths[-1].write_bytes(upload.data)
    return paths


def in_users_name(text: str, path: Path, upload: Upload) -> str:
    """A loader's message about the file written at ``path``, naming the user's file
    where it names ours (by its path, else by its name), and never our folder."""
    if str(path) in text:
        return text.replace(str(path), upload.name)
    return text.replace(path.name, upload.name).replace(str(path.parent), "")


@dataclass(slots=True)
class Assessed:
    """One assessed upload: its report, and the commented copy when it was a .docx."""

    upload: Upload
    report: DocumentReport
    annotated: bytes | None = None


class Engine:
    """One Assessor that assesses in the calling thread: what each worker process of
    the page holds (:mod:`.workers`), and what tests may share between apps."""

    def __init__(self, config: Config):
        from ..runner import Assessor

        self.config = config
        self.assessor = Assessor(config)

    def warm(self) -> None:
        """Build the spaCy pipeline and run one small draft through every stage now
        (the modules each stage imports on first use included), so that the first
        upload waits for nothing and its time limit measures its own work."""
        _ = self.assessor.nlp
        draft = "NGHỊ QUYẾT\nvề thử\n1. Đồng chí Lê Văn An chủ trì, xong trước ngày 30/6/2026.\n"
        self.assess(Upload("du-thao.txt", draft.encode("utf-8")), "auto", "vi", annotate=False)

    def close(self) -> None:
        """Nothing to stop: this engine assesses in the calling thread."""

    def assess(self, upload: Upload, stage: str, lang: str, annotate: bool = True) -> Assessed:
        """Assess one upload inside a temporary folder that is gone when this returns.

        An unreadable file gives a report with ``error`` set (as ``assess`` does).
        """
        with tempfile.TemporaryDirectory(prefix="nghiquyet-web-") as folder:
            (path,) = write_uploads(Path(folder), [upload])
            return self.assess_file(path, upload, stage, lang, annotate)

    def review(self, resolution: Upload, report: Upload, lang: str):
        """Hold ``report`` against ``resolution`` in a temporary folder gone when this
        returns (see :mod:`.reviewing`)."""
        from .reviewing import review_files

        with tempfile.TemporaryDirectory(prefix="nghiquyet-web-") as folder:
            paths = write_uploads(Path(folder), (resolution, report))
            return review_files(self, paths, (resolution, report), lang)

    def assess_file(
        self, path: Path, upload: Upload, stage: str, lang: str, annotate: bool = True
    ) -> Assessed:
        """Assess ``upload``, already written at ``path`` (under a name of ours: the
        name the browser sent is only shown, never used on disk)."""
        from ..load import load

        try:
            document = load(path, self.config, self.assessor.pm)
        except InputError as exc:
            message = {k: in_users_name(v, path, upload) for k, v in exc.message.items()}
            error = DocumentError(exc.code, message)
            return Assessed(upload, DocumentReport(path=upload.name, error=error))
        document.path = upload.name
        report = self.assessor.assess_document(document, stage=stage)
        report.path = upload.name
        annotated = None
        if annotate and upload.suffix == ".docx":
            annotated = _annotate(path, report, lang)
        return Assessed(upload, report, annotated)


def _annotate(path: Path, report: DocumentReport, lang: str) -> bytes | None:
    """The draft with findings as Word comments, when the annotate module is there."""
    try:
        from ..annotate import annotate_docx
    except ImportError:  # not shipped in this build: the page just omits the link
        return None
    return annotate_docx(path, report, lang)
