#!/bin/sh
# Dev image entry point: Flask with its reloader under debugpy (port 5678, or DEBUGPY_PORT).
# DEBUGPY_WAIT=1 holds the app until a debugger attaches.
set -e
wait_flag=""
if [ "${DEBUGPY_WAIT:-0}" = "1" ]; then
  wait_flag="--wait-for-client"
fi
# werkzeug's stat reloader skips files under Python's prefix (/usr/local here, which holds /usr/local/app):
# name the app's sources so that a synced edit reloads the app
extra="$(find "$PWD" -name '*.py' ! -path '*/tests/*' ! -path '*/__pycache__/*' | tr '\n' ':')"
exec python -m debugpy --listen "0.0.0.0:${DEBUGPY_PORT:-5678}" $wait_flag \
  -m flask run --host 0.0.0.0 --port "${PORT:-80}" --reload --extra-files "${extra%:}"
