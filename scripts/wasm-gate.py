"""Holds the app's start back in any browser: the e2e suite's "before the takeover" cases.

nginx sends the WebAssembly requests of a browser holding the cookie `hold=wasm` here; each waits
until the test opens the gate (GET /open), then gets the file from ROOT. GET /close shuts it again
(for the next page); GET /waiting says how many requests are held. Usage: wasm-gate.py PORT ROOT
"""
import http.server
import sys
import threading
from functools import partial

port, root = int(sys.argv[1]), sys.argv[2]
gate = threading.Condition()
state = {"open": False, "waiting": 0}


class Gate(http.server.SimpleHTTPRequestHandler):
    extensions_map = {".wasm": "application/wasm"}

    def do_GET(self):
        if self.path in ("/open", "/close", "/waiting"):
            with gate:
                if self.path != "/waiting":
                    state["open"] = self.path == "/open"
                    gate.notify_all()
                body = str(state["waiting"]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        with gate:
            state["waiting"] += 1
            gate.wait_for(lambda: state["open"], timeout=120)
            state["waiting"] -= 1
        # The path under the prefix nginx used is the file under ROOT.
        self.path = "/" + self.path.split("/", 2)[-1]
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer.daemon_threads = True
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(Gate, directory=root))
server.serve_forever()
