"""Memory of big batches, and the cost of an all-cached one (issue 14, issue 15 item 2).

    python benchmarks/memory.py                  # ~10 minutes on 2 cores; prints a table
    python benchmarks/memory.py --drafts 200 --small 2000   # a quicker look

Run it with the Python of the environment where nghiquyet is installed (the ``assess``
script next to it is used). What it measures, each in a fresh ``assess`` process:

- a batch of 1,000 generated .docx drafts (~1.2k words, figures varied so that no two
  files are the same; as ``benchmarks/run.py`` makes them) written with ``-o`` as
  JSON, HTML, SARIF and an .xlsx workbook, ``--no-cache``, default ``--jobs``; and as
  JSON with ``-j 1``, all in one process (``--formats`` names others: any
  ``--format`` value, e.g. ``markdown,concise,github,csv,junit,text``);
- a batch of 10,000 small Markdown drafts (~250 words each, all different) as JSON;
- an all-cached batch of 10 and of 100 with ``-j 2``: the whole run and whether it
  imported spaCy (a wrapper prints ``'spacy' in sys.modules`` as the run ends), and
  the cost of a hit, from the command run again and again in one process on both
  batches (the difference per draft, so that start-up and a busy machine's noise
  drop out). ``--only-cached`` measures these alone.

Peak memory is sampled every 50 ms over the whole process tree (the parent and its
workers): the sum of RSS, which counts the pages forked workers share with the
parent (the language pipeline) once per process, the sum of PSS
(``/proc/<pid>/smaps_rollup``), which shares them out, and the RSS of the largest
process. ``--small 0`` skips the batch of small files.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the formats named by their file's suffix
FORMATS = {"xlsx": "xlsx", "md": "markdown", "txt": "text"}
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import run as speed  # noqa: E402  (benchmarks/run.py: drafts and the assess command)

RESULTS = HERE / "results"
# the cost of a hit, in one process: the whole command run again and again on 10 and on
# 100 cached drafts (imports and the cache's opening paid once), the difference per draft
HIT_PROBE = r"""
import os, statistics, sys, time
from nghiquyet.engine.cli import assess_command
small, large, out = sys.argv[1:4]
def once(folder):
    start = time.perf_counter()
    try:
        assess_command(["-q", "-j", "2", "-o", out, folder], standalone_mode=False)
    except SystemExit:
        pass
    return time.perf_counter() - start
once(small)
times = {f: statistics.median(once(f) for _ in range(7)) for f in (small, large)}
print((times[large] - times[small]) / 90 * 1000, "spacy" in sys.modules)
"""
SPACY_PROBE = r"""
import atexit, sys
atexit.register(lambda: print("spacy imported:", "spacy" in sys.modules, file=sys.stderr))
from nghiquyet.engine.cli import assess_command
assess_command(sys.argv[1:])
"""


def measure(cmd: list[str], env: dict) -> dict:
    """Wall time, the tree's peak RSS and PSS and its largest process's peak RSS (MiB),
    and the stderr of ``cmd``."""
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (read after the child ends)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env=env)
    peak = [0, 0, 0]
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            peak[:] = map(max, peak, speed.tree_memory_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    code = proc.wait()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    errors.seek(0)
    err = errors.read().decode("utf-8", "replace")
    errors.close()
    if code not in (0, 1):
        raise SystemExit(f"failed ({code}): {' '.join(cmd[:8])} …\n{err[-2000:]}")
    return {
        "s": wall,
        "rss": peak[0] / 1024,
        "pss": peak[1] / 1024,
        "largest": peak[2] / 1024,
        "stderr": err,
    }


def small_drafts(folder: Path, count: int) -> None:
    """``count`` different Markdown drafts of ~250 words from samples/middling.md."""
    folder.mkdir(parents=True, exist_ok=True)
    base = speed.make_markdown(ROOT / "samples" / "middling.md", 250)
    for i in range(count):
        text = speed._vary(base, i % 50 + 1)
        # a different cell in every file, so that no two drafts share their bytes
        text = re.sub(r"CHI BỘ [^*\n|]*", f"CHI BỘ THÔN SỐ {i}", text, count=1)
        (folder / f"nho-{i:05d}.md").write_text(text, "utf-8")


def big_drafts(folder: Path, count: int, work: Path) -> None:
    """``count`` ~1.2k-word .docx drafts, as benchmarks/run.py makes its batches."""
    folder.mkdir(parents=True, exist_ok=True)
    bases = []
    for name in ("strong", "middling", "formalistic"):
        target = work / f"base-{name}.docx"
        speed.build_docx((ROOT / "samples" / f"{name}.md").read_text("utf-8"), target)
        bases.append(target)
    for i in range(count):
        speed.vary_docx(bases[i % 3], folder / f"draft-{i:04d}.docx", i // 3 + 1)


def cached_rows(assess: list[str], work: Path, env: dict, source: Path) -> list[tuple]:
    """An all-cached batch of 100 (and of 10) with -j 2: ms per hit, spaCy imported?"""
    rows = []
    env = {**env, "NGHIQUYET_CACHE_DIR": str(work / "cache-ci")}
    probe = [sys.executable, "-c", SPACY_PROBE]
    for n in (10, 100):
        folder = work / f"cached-{n}"
        folder.mkdir(exist_ok=True)
        for path in sorted(source.iterdir())[:n]:
            shutil.copy(path, folder / path.name)
        measure([*assess, "-q", "-j", "2", str(folder)], env)  # fills the cache
        runs = [measure([*probe, "-q", "-j", "2", str(folder)], env) for _ in range(3)]
        result = sorted(runs, key=lambda r: r["s"])[1]  # the median of three
        imported = "spacy imported: True" in result["stderr"]
        rows.append(
            (
                f"all-cached batch of {n}, `-j 2`",
                result,
                f"{result['s'] / n * 1000:.1f} ms per draft, whole run; "
                f"spaCy imported: {'yes' if imported else 'no'}",
            )
        )
    hit = subprocess.run(
        [sys.executable, "-c", HIT_PROBE, *(str(work / f"cached-{n}") for n in (10, 100))]
        + [str(work / "hits.txt")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    spacy = "yes" if hit[1] == "True" else "no"
    rows[-1] = (
        *rows[-1][:2],
        rows[-1][2] + f"; {float(hit[0]):.1f} ms per hit in one process (spaCy imported: {spacy})",
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--drafts", type=int, default=1000, help="drafts in the big batch")
    parser.add_argument("--small", type=int, default=10000, help="files in the small batch")
    parser.add_argument("--formats", default="json,html,sarif,xlsx")
    parser.add_argument("--keep", type=Path, help="generate drafts into this folder, keep them")
    parser.add_argument("--only-cached", action="store_true", help="only the all-cached batches")
    args = parser.parse_args(argv)
    began = time.perf_counter()
    work = args.keep or Path(tempfile.mkdtemp(prefix="nghiquyet-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NGHIQUYET_CACHE_DIR": str(work / "cache")}
    assess = speed._assess_cmd()
    big, small = work / f"big-{args.drafts}", work / f"small-{args.small}"
    print("generating drafts …", file=sys.stderr)
    if not big.exists():
        big_drafts(big, args.drafts, work)
    if not small.exists():
        small_drafts(small, args.small)
    rows = []
    runs = [(fmt, []) for fmt in args.formats.split(",")] + [("json", ["-j", "1"])]
    for fmt, jobs in [] if args.only_cached else runs:
        print(f"{args.drafts} drafts as {fmt} {' '.join(jobs)} …", file=sys.stderr)
        out = work / f"report.{fmt}"
        command = [*assess, "--no-cache", "--exit-zero", "-f", FORMATS.get(fmt, fmt), *jobs]
        command += ["-o", str(out), str(big)]
        result = measure(command, env)
        size = out.stat().st_size / 1024 / 1024
        name = f"{args.drafts:,} drafts, `-o report.{fmt}`" + (
            f" `{' '.join(jobs)}`" if jobs else ""
        )
        rows.append((name, result, f"{size:.1f} MiB written"))
    if args.small and not args.only_cached:
        print(f"{args.small} small files as json …", file=sys.stderr)
        out = work / "small.json"
        result = measure([*assess, "--no-cache", "--exit-zero", "-o", str(out), str(small)], env)
        rows.append((f"{args.small:,} small files, `-o report.json`", result, ""))
    print("all-cached batches …", file=sys.stderr)
    rows += cached_rows(assess, work, env, big)
    lines = [
        f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"took {time.perf_counter() - began:.0f} s.",
        "",
        "| batch | time | peak RSS, whole tree | peak PSS, whole tree "
        "| peak RSS, largest process | note |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, r, note in rows:
        lines.append(
            f"| {name} | {r['s']:.2f} s | {r['rss']:.0f} MiB | {r['pss']:.0f} MiB "
            f"| {r['largest']:.0f} MiB | {note} |"
        )
    text = "\n".join(lines) + "\n"
    sys.stdout.write(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "memory.md").write_text(text, "utf-8")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
