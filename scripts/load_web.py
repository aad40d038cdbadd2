"""Load test of the seed comparison page: CLIENTS concurrent signed-in clients for SECONDS seconds against
gunicorn started as `make run` starts it (SQLite, gunicorn.conf.py), on 127.0.0.1 only.

Prints requests/s, p50/p95/p99 latency, errors, and the server's CPU time per request. Uses `wrk`
(Debian package) and a throwaway database and cache, so the local data are never touched.
Run with `make load-web`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f errors=%d p50=%.1f p95=%.1f p99=%.1f\\n",
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User and system CPU of gunicorn: its master, its live workers and the workers that have exited
    (which the master's reaped-children times hold)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        own = int(stat.parent.name)
        if own == pid:
            total += sum(int(value) for value in fields[11:15]) / tick
        elif int(fields[1]) == pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument(
        "--workers", type=int, default=0, help="gunicorn processes (default: gunicorn.conf.py's)"
    )
    args = parser.parse_args()
    wrk = shutil.which("wrk")
    if wrk is None:
        sys.exit("wrk is missing: apt-get install wrk")
    with tempfile.TemporaryDirectory(prefix="load-web-") as tmp:
        env = dict(os.environ, DATABASE_URL=f"sqlite:///{tmp}/load.sqlite3", DEBUG="0", LOG_LEVEL="WARNING")
        manage = [str(PYTHON), str(ROOT / "manage.py")]
        for command in (
            ["migrate", "--no-input"],
            ["collectstatic", "--no-input"],
            ["load_seeds", "--skip-demo"],
        ):
            subprocess.run([*manage, *command], env=env, check=True, stdout=subprocess.DEVNULL)
        session = subprocess.run(
            [
                *manage,
                "shell",
                "--verbosity",
                "0",
                "--command",
                "from django.contrib.auth.models import Group, User\n"
                "from django.contrib.sessions.backends.db import SessionStore\n"
                "from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY\n"
                "from articles.models import Comparison\n"
                "u = User.objects.create_user('loadtest', password='x')\n"
                "u.groups.add(Group.objects.get(name='Journalists'))\n"
                "s = SessionStore()\n"
                "s[SESSION_KEY] = str(u.pk)\n"
                "s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
                "s[HASH_SESSION_KEY] = u.get_session_auth_hash()\n"
                "s.create()\n"
                "print(s.session_key, Comparison.objects.get().pk)",
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        session_key, comparison = session[-2], session[-1]
        port = free_port()
        server = subprocess.Popen(
            [
                str(GUNICORN),
                "--config",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                *(["--workers", str(args.workers)] if args.workers else []),
                "--access-logfile",
                os.devnull,
            ],
            env=env,
            cwd=ROOT,
        )
        try:
            url = f"http://127.0.0.1:{port}/comparisons/{comparison}/"
            for _ in range(100):
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                        break
                except OSError:
                    time.sleep(0.1)
            cookie = f"Cookie: sessionid={session_key}"
            check = subprocess.run(
                ["curl", "-s", "-o", os.devnull, "-w", "%{http_code} %{size_download}", "-H", cookie, url],
                capture_output=True,
                text=True,
            ).stdout.split()
            print(f"GET {url}: status {check[0]}, {int(check[1]) / 1024:.1f} KB (signed in as a journalist)")
            if check[0] != "200":
                sys.exit("the page did not answer 200: no load test")
            script = Path(tmp) / "report.lua"
            script.write_text(WRK_REPORT)
            cpu_before = cpu_seconds(server.pid)
            result = subprocess.run(
                [wrk, "-t2", f"-c{args.clients}", f"-d{args.seconds}s", "--timeout", "10s", "-s", str(script),
                 "-H", cookie, url],
                capture_output=True,
                text=True,
                check=True,
            ).stdout  # fmt: skip
            cpu = cpu_seconds(server.pid) - cpu_before
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    match = re.search(
        r"RESULT requests=(\d+) seconds=([\d.]+) errors=(\d+) p50=([\d.]+) p95=([\d.]+) p99=([\d.]+)", result
    )
    if match is None:
        sys.exit(result)
    requests, seconds, errors = int(match[1]), float(match[2]), int(match[3])
    served = f"{args.workers} processes" if args.workers else "gunicorn.conf.py"
    print(f"{args.clients} clients for {args.seconds} s, gunicorn as `make run` starts it ({served}), SQLite")
    print(f"requests/s: {requests / seconds:.1f}  ({requests} requests, {errors} errors)")
    print(f"latency ms: p50 {match[4]}  p95 {match[5]}  p99 {match[6]}")
    print(f"server CPU per request: {cpu / max(requests, 1) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
