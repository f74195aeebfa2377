"""Time nghiquyet on pathological text, at three sizes per class, and print how the time
grows each time the size doubles.

    python benchmarks/pathological.py            # ~1 minute on 2 cores
    python benchmarks/pathological.py --check    # exit 1 if a class grows faster than 1.5×

Each class is a text that once made a regular expression backtrack, spaCy's tokenizer
search one huge token, or the date finder compare every span with every other (issue
15, item 1; docs/security.md lists them). Linear work doubles with the size (ratio
2.0 per doubling of the input, less with fixed costs). Two figures are printed: the
time's growth per doubling of the size, and that growth ÷ 2, the growth *relative to
linear* (1.0 linear, 2.0 quadratic, 4.0 cubic). A class passes at ≤ 1.5 relative to
linear, i.e. its time at most triples when its input doubles.

Run it with the Python of the environment where nghiquyet is installed. Files are
loaded, analysed, checked and scored in-process by one ``Assessor`` (``force`` on, so
the analysis runs even on text that is not a resolution; no result cache), and the
best of two runs counts.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path

DATE = "ngày 1 tháng 1 năm 2026 "


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# name: (suffix, text of about ``size`` characters, three sizes, what it once hit, the
# size of the reproducer, which took seconds to minutes or never finished:
# tests/test_pathological.py runs it under a hard timeout)
CLASSES: dict[str, tuple[str, object, tuple[int, int, int], str, int]] = {
    "so_spaces": (
        ".txt",
        lambda n: "Số" + " " * n + "x\n",
        (100_000, 200_000, 400_000),
        "the number-and-symbol regex (cubic in the blanks)",
        500,
    ),
    "em_dashes": (
        ".txt",
        lambda n: "—" * n + "\n",
        (30_000, 60_000, 120_000),
        "spaCy's suffix search on one huge token",
        30_000,
    ),
    "bracket_ellipsis": (
        ".txt",
        lambda n: _repeat("[…", n) + "\n",
        (30_000, 60_000, 120_000),
        "spaCy's suffix search on one huge token",
        30_000,
    ),
    "dates": (
        ".txt",
        lambda n: _repeat(DATE, n) + "\n",
        (250_000, 500_000, 1_000_000),
        "the date finder's free-interval search (quadratic in the dates)",
        250_000,
    ),
    "review_digits": (
        ".txt",
        lambda n: "Tổ chức sơ kết " + "1" * n + "\n",
        (100_000, 200_000, 400_000),
        "the review-time pattern's count tried from every digit",
        20_000,
    ),
    "vote_digits": (
        ".txt",
        lambda n: "Chi bộ biểu quyết " + "1" * n + "\n",
        (100_000, 200_000, 400_000),
        "the vote-count pattern's percentage tried from every digit",
        20_000,
    ),
    "signature_marks": (
        ".txt",
        lambda n: (
            "NGHỊ QUYẾT\nvề phân loại rác\nChi bộ giao đồng chí Hà Văn Nam làm.\n"
            + "T/M CHI BỘ"
            + "*" * n
            + "x\n"
        ),
        (30_000, 60_000, 120_000),
        "the pattern that drops emphasis marks round a signature line (quadratic)",
        90_000,
    ),
    "md_heading_hashes": (
        ".md",
        lambda n: "# " + "#" * n + " a\n",
        (100_000, 200_000, 400_000),
        "the heading regex's lazy title and closing #s",
        100_000,
    ),
    "md_table_blanks": (
        ".md",
        lambda n: "| a | b |\n" + " " * n + "|---" + " " * n + "x\n",
        (100_000, 200_000, 400_000),
        "the table separator regex's adjacent blanks",
        50_000,
    ),
    "md_emphasis": (
        ".md",
        lambda n: _repeat(" *a", n) + "\n",
        (30_000, 60_000, 120_000),
        "the emphasis regex's lazy scan for a closing *",
        30_000,
    ),
    "md_bold": (
        ".md",
        lambda n: _repeat("**a", n) + "\n",
        (30_000, 60_000, 120_000),
        "the bold regex's lazy scan for a closing **",
        30_000,
    ),
}


def _assessor():
    from nghiquyet.engine.config import Config
    from nghiquyet.engine.runner import Assessor

    # the text ceilings (max_paragraph_chars and the like, where this version has them)
    # would refuse the largest sizes before the analysis this benchmark times
    fields = Config.__dataclass_fields__
    ceilings = {k: 10**9 for k in fields if k.startswith("max_") and k.endswith("_chars")}
    assessor = Assessor(Config(force=True, **ceilings))
    assessor.debug = True  # an internal error is a failure of the benchmark, not a report
    _ = assessor.nlp  # build the pipeline before the clock starts
    return assessor


def time_class(assessor, folder: Path, name: str, runs: int = 2) -> list[tuple[int, float]]:
    """(size, best seconds) of one class at its three sizes."""
    suffix, make, sizes, _, _ = CLASSES[name]
    out = []
    for size in sizes:
        path = folder / f"{name}-{size}{suffix}"
        path.write_text(make(size), encoding="utf-8")
        best = math.inf
        for _ in range(runs):
            start = time.perf_counter()
            report = assessor.assess_path(path)
            best = min(best, time.perf_counter() - start)
        if report.error is not None:
            raise SystemExit(f"{name} at {size}: {report.error.code}")
        out.append((size, best))
    return out


def growth_per_doubling(timings: list[tuple[int, float]]) -> float:
    """Time growth per doubling of the size, relative to linear (1.0 linear, 2.0
    quadratic), from the smallest to the largest size."""
    (n1, t1), (n3, t3) = timings[0], timings[-1]
    doublings = math.log2(n3 / n1)
    return (max(t3, 1e-6) / max(t1, 1e-6)) ** (1 / doublings) / 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a ratio is over 1.5")
    parser.add_argument("--only", action="append", default=[], help="run only these classes")
    parser.add_argument("--runs", type=int, default=2, help="runs per size; the best counts")
    args = parser.parse_args(argv)
    names = args.only or list(CLASSES)
    assessor = _assessor()
    worst = 0.0
    print("| class | sizes (characters) | seconds | time ×, per doubling | ÷ linear | once hit |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="nq-pathological-") as folder:
        for name in names:
            timings = time_class(assessor, Path(folder), name, args.runs)
            ratio = growth_per_doubling(timings)
            raw = 2 * ratio
            worst = max(worst, ratio)
            sizes = " / ".join(f"{n:,}" for n, _ in timings)
            seconds = " / ".join(f"{t:.2f}" for _, t in timings)
            print(
                f"| {name} | {sizes} | {seconds} | {raw:.2f} | {ratio:.2f} | {CLASSES[name][3]} |",
                flush=True,
            )
    print(
        f"\nworst growth per doubling ÷ linear: {worst:.2f} (1.0 linear, 2.0 quadratic; target ≤ 1.5)"
    )
    return 1 if args.check and worst > 1.5 else 0


if __name__ == "__main__":
    sys.exit(main())
