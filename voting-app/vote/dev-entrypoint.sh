#!/bin/sh
# Dev image entry point: the app under debugpy (port 5678, or DEBUGPY_PORT), served by devserver.py, which reloads the
# app in place when a synced file lands (inotify; the debugger stays attached) — the same server as run-local.sh's
# and the sandbox's. VOTE_RELOADER=werkzeug runs Flask's own reloader instead (a new process per save, ~2 s).
# DEBUGPY_WAIT=1 holds the app until a debugger attaches.
set -e
wait_flag=""
if [ "${DEBUGPY_WAIT:-0}" = "1" ]; then
  wait_flag="--wait-for-client"
fi
# If debugpy's pydevd is a link into another directory (Debian's python3-debugpy), the app's child process would
# import pydevd from that directory and debugpy would warn "incompatible copy of pydevd already imported" (~90 lines)
# on every start; import it through debugpy's own directory instead (see svc_vote in run-local.sh). pip's debugpy,
# which this image installs, ships real files: nothing to do.
vendored="$(python -c 'import os, debugpy; print(os.path.join(os.path.dirname(debugpy.__file__), "_vendored", "pydevd"))' 2>/dev/null || true)"
if [ -n "$vendored" ] && [ -L "$vendored/pydevd.py" ]; then
  export PYTHONSAFEPATH=1 PYTHONPATH="$vendored${PYTHONPATH:+:$PYTHONPATH}"
fi
# -Xfrozen_modules=off: Python 3.11+ freezes stdlib modules and pydevd warns (4 lines) that breakpoints in them may be
# missed. The flag is not passed on to the app's child process, so the child's check is switched off instead.
export PYDEVD_DISABLE_FILE_VALIDATION="${PYDEVD_DISABLE_FILE_VALIDATION:-1}"
if [ "${VOTE_RELOADER:-dev}" = "werkzeug" ]; then
  # Werkzeug's stat reloader never watches modules under sys.prefix (/usr/local here), which holds /usr/local/app.
  extra="$(find /usr/local/app -name '*.py' -not -path '*/tests/*' -not -path '*/__pycache__/*' | sort | paste -sd: -)"
  exec python -Xfrozen_modules=off -m debugpy --listen "0.0.0.0:${DEBUGPY_PORT:-5678}" $wait_flag \
    -m flask run --host 0.0.0.0 --port "${PORT:-80}" --reload --extra-files "$extra"
fi
exec python -Xfrozen_modules=off -m debugpy --listen "0.0.0.0:${DEBUGPY_PORT:-5678}" $wait_flag \
  /usr/local/app/devserver.py --host 0.0.0.0 --port "${PORT:-80}" --app-dir /usr/local/app
