"""gunicorn's settings for NewsCompare, read by `scripts/serve` (and by gunicorn itself from this folder).

Threaded workers: a client that opens a connection and sends slowly holds one thread, not a whole process,
and there are many more threads than a handful of slow clients. In production, put a buffering proxy in
front (README, "Production"), so that gunicorn only ever sees complete requests.
"""

import os

wsgi_app = "newscompare.wsgi"
worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", "2"))
threads = int(os.environ.get("WEB_THREADS", "32"))
# A request that takes longer than this is cut short and its worker replaced.
timeout = 30
graceful_timeout = 10
keepalive = 5
# Request line and headers are bounded; bodies are bounded by Django (MAX_REQUEST_BYTES).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Workers are not replaced after a number of requests (max_requests): clients keep their connections open
# (keepalive), so when one worker restarts every client reconnects to the other, and the load stays pinned to
# one process afterwards; measured with `make load-web`, that halved the throughput (321 to 147 requests/s).
max_requests = 0
accesslog = "-"
