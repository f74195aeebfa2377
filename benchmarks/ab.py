"""Paired A/B timing of the warm per-draft cost: two versions of the code, same drafts.

    python benchmarks/ab.py --base main                 # main against the working tree
    python benchmarks/ab.py --base HEAD~1 --head HEAD   # one commit's gain
    python benchmarks/ab.py --base A --head B --rounds 9 samples/strong.docx

Each side is the ``engine/``, ``plugins/``, ``rules/`` and ``docs/`` of a git revision
(``git archive``; the working tree for ``--head`` without a revision), put on
``PYTHONPATH`` as the ``nghiquyet`` package in a fresh Python of this environment, so
both sides run with the same interpreter, spaCy and drafts. A child builds an Assessor
(no result cache), assesses every draft a few times to warm up, then measures the
**CPU time** (``time.process_time``: what the draft costs the process, less sensitive
than wall time to other jobs on a shared machine) of assessing each draft ``--repeat``
times, and prints the median per draft. The sides alternate A, B, B, A, … for
``--rounds`` rounds, so a burst of load elsewhere hits both; the table gives each side's
median over the rounds, in ms per draft and ms per 1,000 words, and the median of the
paired differences.

A profile of where one side's time goes: ``--profile`` (cProfile, cumulative).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# what the installed package maps: nghiquyet.engine = engine/, ... (pyproject.toml)
PACKAGES = {"engine": "engine", "plugins": "plugins", "rules": "rules", "schemas": "docs"}

CHILD = r"""
import json, statistics, sys, time
from pathlib import Path
import nghiquyet.engine
from nghiquyet.engine.config import Config
from nghiquyet.engine.runner import Assessor

repeat, profile = int(sys.argv[1]), sys.argv[2] == "1"
paths = [Path(p) for p in sys.argv[3:]]
assessor = Assessor(Config())
words = {}
for path in paths:
    for _ in range(3):
        report = assessor.assess_path(path)
    assert report.error is None, (path, report.error)
    words[str(path)] = report.words
if profile:
    import cProfile, pstats
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(repeat):
        for path in paths:
            assessor.assess_path(path)
    prof.disable()
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
out = {"source": nghiquyet.engine.__file__, "drafts": []}
for path in paths:
    runs = []
    for _ in range(repeat):
        start = time.process_time()
        assessor.assess_path(path)
        runs.append(time.process_time() - start)
    out["drafts"].append({"path": str(path), "words": words[str(path)],
                          "cpu_s": statistics.median(runs)})
print(json.dumps(out))
"""


def materialise(rev: str | None, where: Path) -> Path:
    """A folder to put on PYTHONPATH whose ``nghiquyet`` package is ``rev``'s code."""
    package = where / "site" / "nghiquyet"
    package.mkdir(parents=True)
    if rev is None:
        source = ROOT
    else:
        source = where / "tree"
        source.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", "--format=tar", rev, *PACKAGES.values()],
            check=True,
            capture_output=True,
        ).stdout
        archive_path = where / "tree.tar"
        archive_path.write_bytes(archive)
        with tarfile.open(archive_path) as tar:
            tar.extractall(source, filter="data")
    for name, folder in PACKAGES.items():
        (package / name).symlink_to(source / folder, target_is_directory=True)
    return where / "site"


def measure(site: Path, drafts: list[Path], repeat: int, profile: bool = False) -> dict:
    """One child run of the code at ``site``: median CPU seconds per draft."""
    env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(repeat), "1" if profile else "0", *map(str, drafts)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if child.returncode:
        raise SystemExit(child.stderr[-3000:])
    if profile:
        sys.stderr.write(child.stderr)
    result = json.loads(child.stdout.strip().splitlines()[-1])
    if not result["source"].startswith(str(site)):
        raise SystemExit(f"the child imported {result['source']}, not the code under {site}")
    return result


def per_1k(result: dict) -> float:
    """CPU milliseconds per 1,000 words over all the drafts of one run."""
    cpu = sum(d["cpu_s"] for d in result["drafts"])
    words = sum(d["words"] for d in result["drafts"])
    return cpu * 1000 / words * 1000


def compare(base: str, head: str | None, drafts: list[Path], rounds: int, repeat: int) -> dict:
    """Median ms per 1k words of each side and of the paired differences."""
    with tempfile.TemporaryDirectory(prefix="nghiquyet-ab-") as tmp:
        sites = {
            "A": materialise(base, Path(tmp, "A")),
            "B": materialise(head, Path(tmp, "B")),
        }
        figures: dict[str, list[float]] = {"A": [], "B": []}
        for n in range(rounds):
            for side in ("A", "B") if n % 2 == 0 else ("B", "A"):
                figures[side].append(per_1k(measure(sites[side], drafts, repeat)))
            print(
                f"round {n + 1}: A {figures['A'][-1]:.1f}, B {figures['B'][-1]:.1f} ms per 1k words",
                file=sys.stderr,
            )
    diffs = [b - a for a, b in zip(figures["A"], figures["B"], strict=True)]
    return {
        "A": statistics.median(figures["A"]),
        "B": statistics.median(figures["B"]),
        "diff": statistics.median(diffs),
        "rounds": figures,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="git revision of side A")
    parser.add_argument("--head", help="git revision of side B (default: the working tree)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per draft per child")
    parser.add_argument("--profile", action="store_true", help="profile side B once and stop")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("drafts", nargs="*", type=Path, default=[ROOT / "samples/middling.docx"])
    args = parser.parse_args(argv)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="nghiquyet-ab-") as tmp:
            measure(materialise(args.head, Path(tmp)), args.drafts, args.repeat, profile=True)
        return 0
    result = compare(args.base, args.head, args.drafts, args.rounds, args.repeat)
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"| side | ms per 1k words (median of {args.rounds}) |\n|---|---:|\n"
        f"| A `{args.base}` | {result['A']:.1f} |\n| B `{args.head or 'working tree'}` "
        f"| {result['B']:.1f} |\n| B − A (median of paired differences) | {result['diff']:+.1f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
