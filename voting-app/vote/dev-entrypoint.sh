#!/bin/sh
# Dev image entry point: Flask with its reloader under debugpy (port 5678, or DEBUGPY_PORT).
# DEBUGPY_WAIT=1 holds the app until a debugger attaches.
set -e
wait_flag=""
if [ "${DEBUGPY_WAIT:-0}" = "1" ]; then
  wait_flag="--wait-for-client"
fi
exec python -m debugpy --listen "0.0.0.0:${DEBUGPY_PORT:-5678}" $wait_flag \
  -m flask run --host 0.0.0.0 --port "${PORT:-80}" --reload
