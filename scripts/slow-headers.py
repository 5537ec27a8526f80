"""A content server that answers only after a long wait (default 35 s): headers included.

nginx can slow a body down (limit_rate) but not hold back the status line, so the e2e suite's
"server answers after 30 s" case is this. Usage: slow-headers.py PORT ROOT [SECONDS]
"""
import http.server
import sys
import time
from functools import partial

port, root = int(sys.argv[1]), sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 35.0


class Slow(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        time.sleep(delay)
        # The path under the prefix nginx used is the file under ROOT.
        self.path = "/" + self.path.split("/", 2)[-1]
        super().do_GET()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer.daemon_threads = True
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Slow, directory=root))
server.serve_forever()
