"""Throughput, latency and memory of ``nghiquyet serve``, one client against four.

    python benchmarks/web.py               # ~1 minute on 2 cores; prints a Markdown table
    python benchmarks/web.py --requests 1000 --workers 2

Starts the real command (``python -m nghiquyet.engine serve``) on a free port, waits
until its workers are ready, then posts ``samples/strong.docx`` to ``/api/assess``:

* **one client**: requests one after another;
* **four clients**: four threads, each sending its share, at the same time;

and prints requests per second, the median and p95 latency of each, the ratio of the
two throughputs (the issue asks ≥ 1.6× on 2 cores with 2 workers), and the memory of
the whole server tree (the server and its workers, PSS from
``/proc/<pid>/smaps_rollup``) before and after all the requests: it must stay flat.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "samples" / "strong.docx"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with contextlib.suppress(OSError):
                todo += [int(p) for p in (task / "children").read_text().split()]
    return found


def _tree_pss_mb(pid: int) -> float:
    total = 0
    for member in _tree(pid):
        try:
            for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def _post(client: httpx.Client, data: bytes) -> float:
    start = time.perf_counter()
    response = client.post("/api/assess", files={"file": ("du-thao.docx", data)})
    response.raise_for_status()
    return time.perf_counter() - start


def _round(base: str, data: bytes, clients: int, requests: int) -> tuple[float, list[float]]:
    """(requests per second, latencies) of ``requests`` posts spread over ``clients``."""
    latencies: list[float] = []
    lock = threading.Lock()

    def work(count: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(count):
                took = _post(client, data)
                with lock:
                    latencies.append(took)

    shares = [requests // clients + (n < requests % clients) for n in range(clients)]
    threads = [threading.Thread(target=work, args=(share,)) for share in shares]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return requests / (time.perf_counter() - start), latencies


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="posts per round")
    parser.add_argument("--workers", type=int, default=2, help="serve --workers")
    args = parser.parse_args(argv)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "nghiquyet.engine", "serve", "--port", str(port)]
        + ["--workers", str(args.workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                print("the server did not start", file=sys.stderr)
                return 1
            time.sleep(0.2)
        data = DRAFT.read_bytes()
        _round(base, data, 2, 10)  # warm both workers
        memory_before = _tree_pss_mb(server.pid)
        one, one_lat = _round(base, data, 1, args.requests)
        four, four_lat = _round(base, data, 4, args.requests)
        memory_after = _tree_pss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    cores = os.cpu_count()
    print(
        f"Machine: {cores} cores; serve --workers {args.workers}; {args.requests} posts of "
        f"{DRAFT.name} per round.\n"
    )
    print("| clients | requests/s | median | p95 |")
    print("|---:|---:|---:|---:|")
    for clients, rate, lat in ((1, one, one_lat), (4, four, four_lat)):
        print(
            f"| {clients} | {rate:.1f} | {statistics.median(lat) * 1000:.0f} ms "
            f"| {_p95(lat) * 1000:.0f} ms |"
        )
    print(
        f"\nFour clients get {four / one:.2f}× the throughput of one (target ≥ 1.6× on 2 "
        f"cores). Server tree memory (PSS): {memory_before:.0f} MB before, "
        f"{memory_after:.0f} MB after {2 * args.requests} requests."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
