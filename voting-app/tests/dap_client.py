"""A small Debug Adapter Protocol client over TCP, enough to attach to debugpy in the tests."""
import json
import socket
import time


def port_listening(port):
    """True when something LISTENs on 127.0.0.1:port, read from /proc/net/tcp (a bare connect would be taken
    by debugpy as its one client)."""
    wanted = f"0100007F:{port:04X}"
    with open("/proc/net/tcp") as f:
        return any(line.split()[1] == wanted and line.split()[3] == "0A" for line in f.readlines()[1:])


class DapClient:
    def __init__(self, port, timeout=30):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.buffer = b""
        self.seq = 0
        self.messages = []

    def send(self, command, **arguments):
        self.seq += 1
        body = json.dumps({"seq": self.seq, "type": "request", "command": command, "arguments": arguments})
        self.sock.sendall(f"Content-Length: {len(body.encode())}\r\n\r\n".encode() + body.encode())
        return self.seq

    def _read_message(self):
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        header, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        length = int(next(h.split(b":")[1] for h in header.split(b"\r\n") if h.lower().startswith(b"content-length")))
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        return json.loads(body)

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("debug adapter closed the connection")
        self.buffer += chunk

    def wait_for(self, predicate, timeout=30):
        """Returns the first message (already received or new) matching predicate."""
        for message in self.messages:
            if predicate(message):
                self.messages.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.sock.settimeout(max(0.1, deadline - time.monotonic()))
            message = self._read_message()
            if predicate(message):
                return message
            self.messages.append(message)
        raise TimeoutError("no matching DAP message")

    def response(self, seq, timeout=30):
        return self.wait_for(lambda m: m.get("type") == "response" and m.get("request_seq") == seq, timeout)

    def event(self, name, timeout=30):
        return self.wait_for(lambda m: m.get("type") == "event" and m.get("event") == name, timeout)

    def close(self):
        self.sock.close()
