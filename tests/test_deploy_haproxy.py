"""deploy/haproxy.cfg keeps a browser on one replica: HAProxy in front of two tiny servers.

Each stand-in replica answers Streamlit's health check and says its name.
A browser without the cookie is balanced; once HAProxy's SERVERID cookie is
sent back, every request (the websocket's included) reaches the same replica.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import threading
import time
import urllib.request

import pytest

from devtools.ray_cluster import free_port
from tests.conftest import REPO_ROOT

HAPROXY = shutil.which("haproxy") or "/usr/sbin/haproxy"
pytestmark = pytest.mark.skipif(not os.path.exists(HAPROXY), reason="haproxy is not installed")


def stand_in_replica(name: str) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            body = b"ok" if self.path == "/_stcore/health" else name.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def get(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return answer.read().decode(), answer.headers.get("Set-Cookie")


@pytest.fixture
def proxy():
    replicas = [stand_in_replica("web-a"), stand_in_replica("web-b")]
    port = free_port()
    env = {
        **os.environ,
        "PLAYGROUND_PROXY_BIND": f"127.0.0.1:{port}",
        "PLAYGROUND_REPLICA_1": f"127.0.0.1:{replicas[0].server_address[1]}",
        "PLAYGROUND_REPLICA_2": f"127.0.0.1:{replicas[1].server_address[1]}",
    }
    config = REPO_ROOT / "deploy" / "haproxy.cfg"
    subprocess.run([HAPROXY, "-c", "-q", "-f", str(config)], env=env, check=True)
    process = subprocess.Popen(
        [HAPROXY, "-db", "-f", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            get(url + "/_stcore/health")
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(10)
    for replica in replicas:
        replica.shutdown()


def test_the_cookie_keeps_a_browser_on_its_replica(proxy):
    first, set_cookie = get(proxy + "/")
    assert set_cookie and set_cookie.startswith("SERVERID=")
    cookie = set_cookie.split(";")[0]
    assert {get(proxy + "/_stcore/stream", cookie)[0] for _ in range(6)} == {first}


def test_browsers_without_a_cookie_are_spread_over_both_replicas(proxy):
    assert {get(proxy + "/")[0] for _ in range(4)} == {"web-a", "web-b"}
