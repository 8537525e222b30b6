#!/bin/sh
# Dev image entry point: Flask with its reloader under debugpy (port 5678, or DEBUGPY_PORT).
# DEBUGPY_WAIT=1 holds the app until a debugger attaches.
set -e
wait_flag=""
if [ "${DEBUGPY_WAIT:-0}" = "1" ]; then
  wait_flag="--wait-for-client"
fi
# Werkzeug's stat reloader never watches modules under sys.prefix (/usr/local here), which holds /usr/local/app:
# the app's Python files are named explicitly (files added later are picked up after the next restart of the pod).
extra="$(find /usr/local/app -name '*.py' -not -path '*/tests/*' -not -path '*/__pycache__/*' | sort | paste -sd: -)"
exec python -m debugpy --listen "0.0.0.0:${DEBUGPY_PORT:-5678}" $wait_flag \
  -m flask run --host 0.0.0.0 --port "${PORT:-80}" --reload --extra-files "$extra"
