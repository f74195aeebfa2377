"""The largest draft the text limits admit: how long it takes and how much memory.

    python benchmarks/limits.py            # ~1 minute on 2 cores

Builds a Markdown draft just under ``max_total_chars`` (2,000,000 characters by
default) from the paragraphs of ``samples/middling.md``, seven lines to a paragraph
so that it stays under ``max_paragraphs``, and runs ``assess`` on it once, in a fresh
process. Prints the wall time and the peak resident memory of that process
(``ru_maxrss`` of the child): anything the limits admit must be assessed in ≤ 1 GiB
(issue 15, item 2).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOTAL_CHARS = 1_900_000  # just under the default max_total_chars


def largest_draft() -> str:
    """A real-looking draft of about ``TOTAL_CHARS`` characters."""
    lines = [line for line in (ROOT / "samples" / "middling.md").read_text("utf-8").splitlines()]
    lines = [line for line in lines if line.strip()]
    body = [line for line in lines if not line.startswith(("#", "|"))]
    out, size, n = lines[:40], 0, 0
    size = sum(map(len, out))
    while size < TOTAL_CHARS:
        start = (n * 7) % len(body)
        paragraph = " ".join(body[start : start + 7])
        out.append(paragraph)
        size, n = size + len(paragraph), n + 1
    return "\n\n".join(out)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        draft = Path(folder) / "lon-nhat.md"
        draft.write_text(largest_draft(), "utf-8")
        assess = Path(sys.executable).with_name("assess")
        command = [str(assess), str(draft), "--no-cache", "-f", "json", "-o", str(draft) + ".json"]
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True)
        took = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        chars = len(draft.read_text("utf-8"))
    admitted = result.returncode in (0, 1)
    print("| draft | characters | admitted | time | peak memory |")
    print("|---|---:|---|---:|---:|")
    print(
        f"| largest admitted (.md) | {chars:,} | {'yes' if admitted else 'no'} "
        f"| {took:.1f} s | {peak_mb:.0f} MB |"
    )
    print(f"\nTarget: ≤ 1,024 MB. {'Met' if peak_mb <= 1024 and admitted else 'NOT met'}.")
    return 0 if admitted else 1


if __name__ == "__main__":
    raise SystemExit(main())
