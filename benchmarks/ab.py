"""Paired A/B timing of the warm per-draft cost: two versions of the code, same drafts.

    python benchmarks/ab.py --base main                 # main against the working tree
    python benchmarks/ab.py --base HEAD~1 --head HEAD   # one commit's gain
    python benchmarks/ab.py --base A --head B --rounds 60 samples/strong.docx

Each side is the ``engine/``, ``plugins/``, ``rules/`` and ``docs/`` of a git revision
(``git archive``; the working tree for ``--head`` without a revision), put on
``PYTHONPATH`` as the ``nghiquyet`` package of a Python of this environment, so both
sides run with the same interpreter, spaCy and drafts. One process per side builds an
Assessor (no result cache), assesses every draft a few times to warm up, and then
waits; the two are asked in turn, A then B or B then A, ``--rounds`` times, to assess
the drafts ``--repeat`` times each and say the **CPU time** this took
(``time.process_time``: what the drafts cost the process, less sensitive than wall
time to other jobs on a shared machine). As the turns are short and interleaved, a
burst of load elsewhere hits both sides alike. The table gives each side's median over
the rounds, in ms per 1,000 words, the median of the paired differences, and the
median of the paired ratios (B ÷ A in each turn): the figure that holds when the host's
speed drifts during the run, and the one to scale a target by.

A profile of where one side's time goes: ``--profile`` (cProfile, cumulative).

``--cold`` times fresh processes instead, in turn: ``assess --no-cache`` on the
drafts and ``assess --version``, wall time, each side with a cache folder of its own
that one unmeasured run filled first (parsed rule packs are kept there) and its
modules' bytecode written first, as installing writes it; ``--rounds`` turns each,
and with each side's median the median of the paired ratios (B ÷ A), of wall time
and of the processes' CPU time (user + system).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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
import json, sys, time
from pathlib import Path
import nghiquyet.engine
from nghiquyet.engine.config import Config
from nghiquyet.engine.runner import Assessor

profile = sys.argv[1] == "1"
paths = [Path(p) for p in sys.argv[2:]]
assessor = Assessor(Config())
words = 0
for path in paths:
    for _ in range(3):
        report = assessor.assess_path(path)
    assert report.error is None, (path, report.error)
    words += report.words
print(json.dumps({"source": nghiquyet.engine.__file__, "words": words}), flush=True)
if profile:
    import cProfile, pstats
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(int(sys.stdin.readline())):
        for path in paths:
            assessor.assess_path(path)
    prof.disable()
    pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
    sys.exit(0)
for line in sys.stdin:
    start = time.process_time()
    for _ in range(int(line)):
        for path in paths:
            assessor.assess_path(path)
    print(time.process_time() - start, flush=True)
"""


class Side:
    """A warm process running one side's code, assessing the drafts when asked."""

    def __init__(self, site: Path, drafts: list[Path], profile: bool = False):
        env = {**os.environ, "PYTHONPATH": str(site), "PYTHONDONTWRITEBYTECODE": "1"}
        command = [sys.executable, "-c", CHILD, "1" if profile else "0", *map(str, drafts)]
        self.proc = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit(f"the child of {site} failed to start")
        ready = json.loads(line)
        if not ready["source"].startswith(str(site)):
            raise SystemExit(f"the child imported {ready['source']}, not the code under {site}")
        self.words = ready["words"]

    def run(self, repeat: int) -> float:
        """CPU milliseconds per 1,000 words of assessing the drafts ``repeat`` times."""
        self.proc.stdin.write(f"{repeat}\n")
        self.proc.stdin.flush()
        seconds = float(self.proc.stdout.readline())
        return seconds * 1000 / (self.words * repeat) * 1000

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


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


def compare(base: str, head: str | None, drafts: list[Path], rounds: int, repeat: int) -> dict:
    """Median ms per 1k words of each side, and of the paired differences and ratios."""
    with tempfile.TemporaryDirectory(prefix="nghiquyet-ab-") as tmp:
        sides = {
            "A": Side(materialise(base, Path(tmp, "A")), drafts),
            "B": Side(materialise(head, Path(tmp, "B")), drafts),
        }
        figures: dict[str, list[float]] = {"A": [], "B": []}
        try:
            for n in range(rounds):
                for side in ("A", "B") if n % 2 == 0 else ("B", "A"):
                    figures[side].append(sides[side].run(repeat))
        finally:
            for side in sides.values():
                side.close()
    pairs = list(zip(figures["A"], figures["B"], strict=True))
    return {
        "A": statistics.median(figures["A"]),
        "B": statistics.median(figures["B"]),
        "diff": statistics.median(b - a for a, b in pairs),
        # a turn's two sides ran at the same speed of the host, so their ratio holds
        # when the host speeds up or slows down between turns (it does, by 2x)
        "ratio": statistics.median(b / a for a, b in pairs),
        "rounds": figures,
    }


def compile_bytecode(site: Path) -> None:
    """Write the bytecode of a side's modules, as installing the package does.

    Without it, a side whose folders hold no ``__pycache__`` (an extracted revision, or
    any side under ``PYTHONDONTWRITEBYTECODE``) compiles every module in every fresh
    process, and a cold turn times the compiler rather than the start-up.
    """
    folders = [str(Path(site, "nghiquyet", name).resolve()) for name in PACKAGES]
    # compileall does not descend into the side's symbolic links: name their targets
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)


def cold(base: str, head: str | None, drafts: list[Path], rounds: int) -> dict:
    """Median wall seconds of fresh ``assess`` processes of each side, in turn."""
    import time

    with tempfile.TemporaryDirectory(prefix="nghiquyet-ab-") as tmp:
        sites = {"A": materialise(base, Path(tmp, "A")), "B": materialise(head, Path(tmp, "B"))}
        for site in sites.values():
            compile_bytecode(site)
        commands = {
            "draft": ["assess", "--no-cache", "-q", "-j", "1", *map(str, drafts)],
            "version": ["assess", "--version"],
        }
        times: dict[tuple[str, str], list[float]] = {}
        cpu: dict[tuple[str, str], list[float]] = {}

        def once(side: str, what: str) -> tuple[float, float]:
            env = {
                **os.environ,
                "PYTHONPATH": str(sites[side]),
                "NGHIQUYET_CACHE_DIR": str(Path(tmp, side, "cache")),
            }
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "nghiquyet.engine", *commands[what]],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
            wall = time.perf_counter() - start
            if done.returncode not in (0, 1):  # 1: the drafts have error-level findings
                raise SystemExit(f"side {side}, {what}: exit {done.returncode}\n{done.stderr}")
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            return wall, used

        for side in sites:
            once(side, "draft")  # fills the side's cache folder; warms the disk
        for n in range(rounds):
            for what in commands:
                for side in ("A", "B") if n % 2 == 0 else ("B", "A"):
                    wall, used = once(side, what)
                    times.setdefault((side, what), []).append(wall)
                    cpu.setdefault((side, what), []).append(used)
    figures = {f"{side} {what}": statistics.median(v) for (side, what), v in times.items()}
    for what in commands:  # the figures that hold when the host's speed drifts
        turns = zip(times[("A", what)], times[("B", what)], strict=True)
        figures[f"B/A {what}"] = statistics.median(b / a for a, b in turns)
        # CPU time of the process, less moved by other jobs than wall time: the
        # figure that can tell a step of a few per cent from noise
        turns = zip(cpu[("A", what)], cpu[("B", what)], strict=True)
        figures[f"B/A {what} (CPU)"] = statistics.median(b / a for a, b in turns)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="git revision of side A")
    parser.add_argument("--head", help="git revision of side B (default: the working tree)")
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5, help="times each draft is assessed a turn")
    parser.add_argument("--profile", action="store_true", help="profile side B once and stop")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--cold", action="store_true", help="fresh processes, wall time")
    parser.add_argument("drafts", nargs="*", type=Path, default=[ROOT / "samples/middling.docx"])
    args = parser.parse_args(argv)
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="nghiquyet-ab-") as tmp:
            side = Side(materialise(args.head, Path(tmp)), args.drafts, profile=True)
            side.proc.stdin.write(f"{args.repeat}\n")
            side.close()
        return 0
    if args.cold:
        figures = cold(args.base, args.head, args.drafts, args.rounds)
        print(
            json.dumps(figures)
            if args.json
            else "\n".join(
                f"{name}: {value:.3f}"
                if name.startswith("B/A")
                else f"{name}: {value * 1000:.0f} ms"
                for name, value in sorted(figures.items())
            )
        )
        return 0
    result = compare(args.base, args.head, args.drafts, args.rounds, args.repeat)
    if args.json:
        print(json.dumps(result))
        return 0
    print(
        f"| side | ms per 1k words (median of {args.rounds}) |\n|---|---:|\n"
        f"| A `{args.base}` | {result['A']:.1f} |\n| B `{args.head or 'working tree'}` "
        f"| {result['B']:.1f} |\n| B − A (median of paired differences) | {result['diff']:+.1f} |\n"
        f"| B ÷ A (median of paired ratios) | {result['ratio']:.3f} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
