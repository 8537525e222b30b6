"""A minimal socket.io client over Engine.IO v4 long-polling (urllib only), enough to read events."""
import json
import time
import urllib.request

RECORD_SEPARATOR = "\x1e"


class PollingSocketIO:
    def __init__(self, base_url, path="/socket.io/", timeout=30):
        self.url = base_url.rstrip("/") + path + "?EIO=4&transport=polling"
        self.timeout = timeout
        self.sid = None

    def _request(self, method, body=None):
        url = self.url + f"&t={time.monotonic_ns()}" + (f"&sid={self.sid}" if self.sid else "")
        data = body.encode() if body is not None else None
        req = urllib.request.Request(url, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "text/plain;charset=UTF-8")
        with urllib.request.urlopen(req, timeout=self.timeout) as resp:
            return resp.read().decode()

    def connect(self):
        """Engine.IO handshake ("0{sid,…}"), then the socket.io CONNECT to the default namespace ("40")."""
        opening = self._request("GET")
        if not opening.startswith("0"):
            raise AssertionError(f"unexpected Engine.IO open packet: {opening!r}")
        self.sid = json.loads(opening[1:])["sid"]
        self._request("POST", "40")
        return self

    def events(self):
        """Yields (name, args) for every socket.io EVENT received; answers Engine.IO pings."""
        while True:
            for packet in self._request("GET").split(RECORD_SEPARATOR):
                if packet == "2":
                    self._request("POST", "3")
                elif packet.startswith("1"):
                    return
                elif packet.startswith("42"):
                    name, *args = json.loads(packet[2:])
                    yield name, args

    def close(self):
        if self.sid:
            try:
                self._request("POST", "1")
            except OSError:
                pass
