"""Development server for the vote app: save -> serving in well under a second, debugger attached throughout.

    python devserver.py [--host H] [--port P]        (under debugpy: python -m debugpy --listen ... devserver.py ...)

A supervisor process binds the port and runs one worker process (``python devserver.py`` again, marked by an
environment variable) that imports Flask, Redis and the app once and serves it with Werkzeug. When a file of the app
changes (inotify through watchdog, else — or with DEV_RELOAD_POLL=1 — a 0.1 s poll; 15 ms of quiet closes a batch) the worker reloads the app in
place: every module loaded from the app directory is dropped and ``FLASK_APP`` (default ``app``) is imported afresh,
so new code runs everywhere, removed routes are gone and module-level state starts over; requests already running
finish on the old code. The debugger stays attached to the same process, so breakpoints are kept without re-attaching.

A full restart (the worker exits with code 3 and the supervisor starts a new one on the same socket) happens when
in-place reloading is not safe: this file or requirements*.txt changed, the app started threads while being
imported, or ``DEV_RELOAD=restart`` is set. An import error (syntax error, missing name) is printed to stderr with its
traceback and served as a 500 page until the next save that imports cleanly.

Every response carries ``X-Dev-Reload: gen=N; age-ms=A; detect-ms=D; load-ms=L`` (reload number, time since the app
was put in place, save -> change seen, import time), which the IDE's serving probe and the reload bench read.
The production image does not contain this file (Dockerfile.prod copies app.py, templates and static only).
"""
import argparse
import importlib
import linecache
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback

WORKER_ENV = "HOSTK8S_DEV_WORKER"
FD_ENV = "HOSTK8S_DEV_FD"
RESTART_CODE = 3
QUIET_S = 0.015
POLL_S = 0.1
HEADER = "X-Dev-Reload"
SKIP_DIRS = {"__pycache__", "tests", ".pytest_cache", ".git", "node_modules", "static", ".venv", "venv"}
RESTART_FILES = ("requirements.txt", "requirements-dev.txt", os.path.basename(__file__))


def say(message):
    print(" * " + message, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------------ supervisor

def supervise(args):
    """Binds the port once and keeps one worker running on it; a worker exiting with code 3 is replaced."""
    sock = socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)
    sock.set_inheritable(True)
    env = worker_env(sock)
    worker = None
    stopping = []

    def stop(signum, _frame):
        # only forward: the main thread is inside worker.wait() (a nested wait would block on its lock)
        stopping.append(signum)
        if worker and worker.poll() is None:
            worker.send_signal(signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        worker = subprocess.Popen([sys.executable, os.path.abspath(__file__)] + sys.argv[1:], env=env,
                                  pass_fds=(sock.fileno(),))
        code = worker.wait()
        if stopping:
            sys.exit(0)
        if code != RESTART_CODE:
            sys.exit(code)
        say("restarting the app process")


def worker_env(sock):
    """The worker's environment. Under Debian's python3-debugpy, whose pydevd is a link into dist-packages, the worker
    (started as .../_vendored/pydevd/pydevd.py) would import a second copy of pydevd and debugpy would print ~90 lines
    of warnings on each start: safe-path mode and debugpy's own directory first avoid it (pip's debugpy: no change)."""
    env = dict(os.environ, **{WORKER_ENV: "1", FD_ENV: str(sock.fileno())})
    debugpy = sys.modules.get("debugpy")
    if debugpy is not None:
        vendored = os.path.join(os.path.dirname(debugpy.__file__), "_vendored", "pydevd")
        if os.path.islink(os.path.join(vendored, "pydevd.py")):
            env["PYTHONSAFEPATH"] = "1"
            env["PYTHONPATH"] = vendored + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


# ---------------------------------------------------------------------------------------------------------- worker

class Loaded:
    """One import of the app: the WSGI app (or the error that stopped it) and its figures."""

    def __init__(self, gen, wsgi, error, detect_ms, load_ms):
        self.gen, self.wsgi, self.error = gen, wsgi, error
        self.detect_ms, self.load_ms = detect_ms, load_ms
        self.at = time.monotonic()

    def header(self):
        age = int((time.monotonic() - self.at) * 1000)
        return "gen=%d; age-ms=%d; detect-ms=%d; load-ms=%d" % (self.gen, age, self.detect_ms, self.load_ms)


class AppLoader:
    """Imports FLASK_APP from the app directory, dropping every module previously loaded from there."""

    def __init__(self, app_dir, module):
        self.app_dir = os.path.realpath(app_dir)
        self.module = module
        if self.app_dir not in sys.path:
            sys.path.insert(0, self.app_dir)

    def app_modules(self):
        prefix = self.app_dir + os.sep
        found = []
        for name, mod in list(sys.modules.items()):
            path = getattr(mod, "__file__", None)
            if name != "__main__" and path and os.path.realpath(path).startswith(prefix):
                found.append(name)
        return found

    def load(self):
        for name in self.app_modules():
            sys.modules.pop(name, None)
        importlib.invalidate_caches()
        linecache.checkcache()
        module = importlib.import_module(self.module)
        for attr in ("app", "application"):
            if callable(getattr(module, attr, None)):
                return getattr(module, attr)
        factory = getattr(module, "create_app", None) or getattr(module, "make_app", None)
        if factory:
            return factory()
        raise RuntimeError("module %r has no 'app' nor 'create_app'" % self.module)


class Dispatcher:
    """The WSGI app the server runs: forwards to the current import, adds the reload header."""

    def __init__(self):
        self.current = None

    def __call__(self, environ, start_response):
        loaded = self.current
        header = (HEADER, loaded.header())
        if loaded.error is not None:
            body = ("The app failed to load (fix it and save again):\n\n" + loaded.error).encode()
            start_response("500 INTERNAL SERVER ERROR", [("Content-Type", "text/plain; charset=utf-8"),
                                                         ("Content-Length", str(len(body))), header])
            return [body]

        def with_header(status, headers, exc_info=None):
            return start_response(status, list(headers) + [header], exc_info)

        return loaded.wsgi(environ, with_header)


class Reloader:
    """Turns file changes into in-place reloads or a restart (exit code 3)."""

    def __init__(self, loader, dispatcher, restart_only):
        self.loader = loader
        self.dispatcher = dispatcher
        self.restart_only = restart_only
        self.gen = 0
        self.lock = threading.Lock()

    def initial(self):
        threads = threading.active_count()
        self.swap(0, 0.0)
        if threading.active_count() > threads and not self.restart_only:
            self.restart_only = True
            say("the app starts threads when imported: every change restarts the process")

    def swap(self, detect_ms, t0):
        started = time.monotonic()
        try:
            wsgi, error = self.loader.load(), None
        except BaseException:  # noqa: B036 -- a SystemExit or KeyboardInterrupt in app code is its error too
            wsgi, error = None, traceback.format_exc()
            print(error, file=sys.stderr, flush=True)
        load_ms = int((time.monotonic() - started) * 1000)
        self.dispatcher.current = Loaded(self.gen, wsgi, error, detect_ms, load_ms)
        return error is None, load_ms

    def changed(self, paths, newest_mtime):
        detect_ms = max(0, int((time.time() - newest_mtime) * 1000)) if newest_mtime else 0
        names = sorted(os.path.relpath(p, self.loader.app_dir) for p in paths)
        if any(os.path.basename(p) in RESTART_FILES for p in paths) or (
                self.restart_only and any(p.endswith(".py") for p in paths)):
            say("%s changed: restarting" % ", ".join(names))
            sys.stderr.flush()
            os._exit(RESTART_CODE)
        if not any(p.endswith(".py") for p in paths):
            return
        with self.lock:
            self.gen += 1
            ok, load_ms = self.swap(detect_ms, time.monotonic())
        say("%s %s (reload %d: seen %d ms after the write, imported in %d ms)"
            % (", ".join(names), "reloaded" if ok else "failed to load, serving the error", self.gen, detect_ms, load_ms))


class Watcher:
    """Collects changed files under the app directory and hands them over in batches after a short quiet."""

    def __init__(self, root, on_batch):
        self.root = root
        self.on_batch = on_batch
        self.pending = {}
        self.cond = threading.Condition()

    def relevant(self, path):
        rel = os.path.relpath(path, self.root)
        parts = rel.split(os.sep)
        return not rel.startswith("..") and not any(p in SKIP_DIRS or p.startswith(".") for p in parts[:-1]) \
            and not parts[-1].endswith((".pyc", ".swp", "~")) and not parts[-1].startswith(".#")

    def add(self, path):
        if not self.relevant(path):
            return
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            mtime = time.time()
        with self.cond:
            self.pending[path] = mtime
            self.cond.notify()

    def start(self):
        threading.Thread(target=self.drain, name="dev-reload", daemon=True).start()
        try:
            if os.environ.get("DEV_RELOAD_POLL") != "1":  # bind mounts without inotify (Docker Desktop): poll
                self.start_inotify()
                return "inotify"
        except ImportError:
            pass
        threading.Thread(target=self.poll, name="dev-poll", daemon=True).start()
        return "polling every %.1f s" % POLL_S

    def start_inotify(self):
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event):
                if event.is_directory or event.event_type not in ("created", "modified", "moved", "deleted", "closed"):
                    return
                watcher.add(getattr(event, "dest_path", None) or event.src_path)
                if event.event_type == "moved":
                    watcher.add(event.src_path)

        observer = Observer()
        observer.schedule(Handler(), self.root, recursive=True)
        observer.daemon = True
        observer.start()

    def snapshot(self):
        seen = {}
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
            for f in files:
                path = os.path.join(folder, f)
                try:
                    seen[path] = os.stat(path).st_mtime_ns
                except OSError:
                    pass
        return seen

    def poll(self):
        before = self.snapshot()
        while True:
            time.sleep(POLL_S)
            now = self.snapshot()
            for path in set(before) | set(now):
                if before.get(path) != now.get(path):
                    self.add(path)
            before = now

    def drain(self):
        while True:
            with self.cond:
                while not self.pending:
                    self.cond.wait()
                size = -1
                while size != len(self.pending) or self.cond.wait(QUIET_S):
                    size = len(self.pending)
                batch, self.pending = self.pending, {}
            try:
                self.on_batch(list(batch), max(batch.values()))
            except Exception:  # noqa: BLE001 -- the watcher must survive whatever a reload does
                traceback.print_exc()


def serve(args):
    from werkzeug.serving import make_server

    app_dir = os.path.realpath(args.app_dir)
    os.chdir(app_dir)
    loader = AppLoader(app_dir, os.environ.get("FLASK_APP", "app").removesuffix(".py"))
    dispatcher = Dispatcher()
    reloader = Reloader(loader, dispatcher, os.environ.get("DEV_RELOAD", "") == "restart")
    say("Serving Flask app '%s' (hostk8s dev server: reloads in place on save)" % loader.module)
    reloader.initial()
    how = Watcher(app_dir, reloader.changed).start()
    fd = os.environ.get(FD_ENV)
    server = make_server(args.host, args.port, dispatcher, threaded=True, fd=int(fd) if fd else None)
    say("Running on http://%s:%d (watching %s, %s)" % (args.host, args.port, app_dir, how))
    server.serve_forever()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "5000")))
    parser.add_argument("--app-dir", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    if os.environ.get(WORKER_ENV) == "1":
        serve(args)
    else:
        supervise(args)


if __name__ == "__main__":
    main()
