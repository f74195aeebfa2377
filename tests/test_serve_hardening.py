"""The web page under attack (issue 15, item 7), on real uvicorn servers: a time limit
that really stops the work, 503 when busy, other sites kept out (Host, Origin, the
forms' token), long names, slow and vanishing clients, and a stop on SIGTERM that
leaves no worker and no upload behind."""

from __future__ import annotations

import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from live_server import page_client, serve_in_thread
from nghiquyet.engine.config import Config
from nghiquyet.engine.serve import Settings, create_app

PATIENCE = 120  # seconds: a bound for a hang, far above any normal time


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """One server with one worker, a one-second time limit and no waiting line."""
    settings = Settings(config=Config(), workers=1, time_limit=1.0, queue=0, wait=0.1)
    app = create_app(settings)
    url = serve_in_thread(app)
    return url, app.state.engine.pool


@pytest.fixture(scope="module")
def big_draft(samples) -> bytes:
    """A draft that takes several seconds to assess: the middling sample 160 times
    (770,000 characters, within the text limits)."""
    return ((samples / "middling.md").read_text("utf-8") * 160).encode("utf-8")


def _until_answered(url: str, payload: bytes, name: str = "ngan.md") -> httpx.Response:
    """POST to the API until it is not busy (a replaced worker takes seconds to start)."""
    deadline = time.monotonic() + PATIENCE
    while True:
        response = httpx.post(url + "/api/assess", files={"file": (name, payload)}, timeout=60)
        busy = response.status_code == 503 and response.headers.get("retry-after")
        if not busy or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead too: it only waits to be reaped
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().split(") ")[-1][:1] != "Z"


def test_a_draft_past_the_time_limit_is_stopped_and_the_server_goes_on(guarded, big_draft, samples):
    url, pool = guarded
    (before,) = pool.pids()
    response = _until_answered(url, big_draft, "rat-dai.md")
    assert response.status_code == 503
    error = response.json()["documents"][0]["error"]
    assert error["code"] == "timeout" and "1 giây" in error["message"]
    assert not _alive(before), "the worker of the stopped draft must be gone"
    assert not any(pool.root.iterdir()), "its upload must be deleted"
    small = (samples / "strong.md").read_bytes()
    answered = _until_answered(url, small)
    assert answered.status_code == 200, answered.text
    assert pool.pids() and before not in pool.pids()


def test_a_full_server_answers_503_with_retry_after(guarded, samples):
    url, pool = guarded
    _until_answered(url, (samples / "strong.md").read_bytes())  # a worker is up
    worker = pool._borrow()  # hold the only worker, as a long job would
    try:
        api = httpx.post(url + "/api/assess", files={"file": ("a.md", b"x")}, timeout=60)
        with page_client(url, timeout=60) as page:
            form = page.post("/assess", files={"file": ("a.md", b"x")})
    finally:
        pool._idle.put(worker)
    assert api.status_code == 503 and api.headers["retry-after"] == "5"
    assert api.json()["documents"][0]["error"]["code"] == "busy"
    assert form.status_code == 503 and form.headers["retry-after"] == "5"
    assert "Máy chủ đang bận" in form.text


def test_another_host_name_is_refused_even_for_reading(guarded):
    """DNS rebinding: a site that points its own name at 127.0.0.1 cannot read the page
    (nor the token in it)."""
    url, _ = guarded
    page = httpx.get(url + "/", headers={"Host": "ke-gian.example"})
    assert page.status_code == 403 and 'name="token"' not in page.text
    assert httpx.get(url + "/", headers={"Host": "localhost:1"}).status_code == 200


@pytest.mark.parametrize("origin", ["http://ke-gian.example", "null", "http://127.0.0.1:1"])
def test_a_post_from_another_origin_is_refused(guarded, samples, origin):
    url, _ = guarded
    draft = (samples / "strong.md").read_bytes()
    api = httpx.post(
        url + "/api/assess", files={"file": ("a.md", draft)}, headers={"Origin": origin}
    )
    assert api.status_code == 403
    assert api.json()["documents"][0]["error"]["code"] == "forbidden"


def test_a_form_needs_the_token_of_the_page(guarded, samples):
    url, _ = guarded
    draft = (samples / "strong.md").read_bytes()
    own = {"Origin": url}
    without = httpx.post(url + "/assess", files={"file": ("a.md", draft)}, headers=own)
    wrong = httpx.post(
        url + "/assess", files={"file": ("a.md", draft)}, data={"token": "x"}, headers=own
    )
    template = httpx.post(url + "/template", data={"cell": "Chi bộ"}, headers=own)
    for response in (without, wrong, template):
        assert response.status_code == 403
        assert "Trang đã cũ" in response.text
    with page_client(url, timeout=60) as page:
        assert _retry_busy(lambda: page.post("/assess", files={"file": ("a.md", draft)})) == 200


def _retry_busy(post) -> int:
    for _ in range(PATIENCE * 5):
        status = post().status_code
        if status != 503:
            return status
        time.sleep(0.2)
    return 503


def test_an_over_long_file_name_is_a_clear_400(guarded, samples):
    url, _ = guarded
    name = "Nghị quyết chuyên đề về xây dựng nông thôn mới " * 6 + ".md"  # > 255 bytes
    response = httpx.post(url + "/api/assess", files={"file": (name, b"x")})
    assert response.status_code == 400
    assert "255" in response.json()["documents"][0]["error"]["message"]


def test_unknown_pages_follow_the_error_contract(guarded):
    url, _ = guarded
    page = httpx.get(url + "/khong-co")
    assert page.status_code == 404 and "Không có trang này" in page.text
    api = httpx.post(url + "/api/khong-co")
    assert api.status_code == 404
    assert api.json()["documents"][0]["error"]["code"] == "not_found"
    assert httpx.get(url + "/assess").status_code == 405


def _raw_upload(port: int, declared: int, sent: bytes) -> socket.socket:
    """A connection that announces a body of ``declared`` bytes and sends ``sent``."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=PATIENCE)
    head = (
        "POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=b\r\n"
        f"Content-Length: {declared}\r\n\r\n"
    )
    conn.sendall(head.encode("ascii") + sent)
    return conn


@pytest.fixture(scope="module")
def impatient():
    """A server, run as the command runs it, whose clients have 1.2 s for a body."""
    from nghiquyet.engine.serve.app import server_options

    settings = Settings(config=Config(), workers=1, read_timeout=1.2)
    return int(serve_in_thread(create_app(settings), **server_options(settings)).rsplit(":", 1)[1])


def test_a_slow_upload_is_timed_out_with_408(impatient):
    conn = _raw_upload(impatient, 100_000, b"--b\r\n")
    chunks = []
    while chunk := conn.recv(4096):  # the answer, then the server closes
        chunks.append(chunk)
    conn.close()
    answer = b"".join(chunks).decode("utf-8", "replace")
    assert answer.startswith("HTTP/1.1 408")
    assert '"code": "timeout"' in answer


def test_headers_that_trickle_in_are_cut_off(impatient):
    """Slowloris: a request line sent a byte at a time never completes its headers; the
    connection is closed (the headers' deadline is a sixth of the read timeout)."""
    conn = socket.create_connection(("127.0.0.1", impatient), timeout=PATIENCE)
    closed = False
    for byte in b"POST /api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Cham: " + b"a" * 400:
        try:
            conn.sendall(bytes([byte]))
        except OSError:  # reset by the server
            closed = True
            break
        time.sleep(0.01)
        if select.select([conn], [], [], 0)[0] and conn.recv(1) == b"":
            closed = True
            break
    conn.close()
    assert closed, "a client trickling its headers for 4 s must be cut off"


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split()
        found.update(int(p) for p in text)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_sigterm_stops_the_server_fast_and_leaves_nothing(tmp_path, samples):
    """The real command: a client hanging up is one log line, and SIGTERM in the middle
    of an upload stops it within 5 s, with no worker and no upload folder left."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    command = [sys.executable, "-m", "nghiquyet.engine", "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "TMPDIR": str(private_tmp)},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_until_up(base, process)
        ok = httpx.post(
            base + "/api/assess",
            files={"file": ("a.md", (samples / "strong.md").read_bytes())},
            timeout=60,
        )
        assert ok.status_code == 200
        workers = _children(process.pid)
        assert len(workers) >= 2
        _raw_upload(port, 50_000, b"--b\r\n").close()  # hangs up mid-upload
        held = _raw_upload(port, 50_000, b"--b\r\n")  # still uploading at the stop
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=5)
        held.close()
    finally:
        if process.poll() is None:
            process.kill()
        output = process.communicate(timeout=PATIENCE)[0].decode("utf-8", "replace")
    assert "Traceback" not in output, output
    assert output.count("hung up") == 1, output
    # the workers are killed before the server exits; multiprocessing's resource
    # tracker (a child too) ends on its own when the server's end of its pipe closes
    deadline = time.monotonic() + 5
    while [pid for pid in workers if _alive(pid)] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in workers if _alive(pid)], "a child outlived the server"
    assert list(private_tmp.iterdir()) == [], "an upload folder outlived the server"


def _wait_until_up(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            pytest.fail("serve exited: " + process.communicate()[0].decode("utf-8", "replace"))
        time.sleep(0.2)
    pytest.fail("serve did not start")
