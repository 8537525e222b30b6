"""The vote service: a two-option ballot that queues each vote on the Redis list ``votes``.

Runs on Flask 3 (the images) and Flask 2.2 (Debian's python3-flask, used by the tests).
``app`` is the WSGI object for gunicorn (``app:app``) and ``flask run``.
"""
import json
import logging
import os
import re
import secrets
import socket

import redis
from flask import Flask, jsonify, make_response, render_template, request

VOTES_KEY = "votes"
VOTER_COOKIE = "voter_id"
# An X-Forwarded-Prefix is honoured only when it is a plain path ("/vote", "/apps/vote/").
_PREFIX_RE = re.compile(r"^(/[A-Za-z0-9._~-]+)+/?$")

log = logging.getLogger("vote")


def _settings(overrides):
    env = os.environ
    settings = {
        "option_a": env.get("OPTION_A", "Cats"),
        "option_b": env.get("OPTION_B", "Dogs"),
        "redis_host": env.get("REDIS_HOST", "redis"),
        "redis_port": int(env.get("REDIS_PORT", "6379")),
        "hostname": env.get("HOSTNAME") or socket.gethostname(),
    }
    settings.update(overrides)
    return settings


def base_url():
    """Where links and the form point: the forwarded prefix if any, else relative to this page."""
    prefix = request.headers.get("X-Forwarded-Prefix", "").strip()
    if prefix and _PREFIX_RE.match(prefix):
        return prefix.rstrip("/") + "/"
    return "./"


def new_voter_id():
    return secrets.token_hex(8)


def create_app(**overrides):
    """Builds the app; keyword arguments override the environment (used by the tests)."""
    settings = _settings(overrides)
    app = Flask(__name__)
    # Edited templates show on the next request, without a restart (dev loop); the prod image turns it off.
    app.config["TEMPLATES_AUTO_RELOAD"] = os.environ.get("TEMPLATES_AUTO_RELOAD", "1") == "1"
    store = redis.Redis(
        host=settings["redis_host"],
        port=settings["redis_port"],
        socket_connect_timeout=3,
        socket_timeout=5,
        decode_responses=True,
    )
    app.extensions["vote_redis"] = store

    def render(vote=None, error=None, status=200):
        voter_id = request.cookies.get(VOTER_COOKIE) or new_voter_id()
        page = render_template(
            "index.html",
            option_a=settings["option_a"],
            option_b=settings["option_b"],
            hostname=settings["hostname"],
            vote=vote,
            error=error,
            base=base_url(),
        )
        resp = make_response(page, status)
        resp.set_cookie(VOTER_COOKIE, voter_id, samesite="Lax", httponly=True)
        return resp, voter_id

    @app.route("/", methods=["GET"])
    def index():
        return render()[0]

    @app.route("/", methods=["POST"])
    def cast():
        vote = request.form.get("vote")
        if vote not in ("a", "b"):
            return render(error="Pick one of the two options.", status=400)[0]
        resp, voter_id = render(vote=vote)
        try:
            store.rpush(VOTES_KEY, json.dumps({"voter_id": voter_id, "vote": vote}))
        except redis.RedisError as exc:
            log.warning("could not queue the vote of %s: %s", voter_id, exc)
            return render(error="Your vote could not be recorded, try again.", status=503)[0]
        log.info("queued vote %s from %s", vote, voter_id)
        return resp

    @app.route("/healthz")
    def healthz():
        try:
            store.ping()
        except redis.RedisError as exc:
            return jsonify(status="error", redis=str(exc) or type(exc).__name__), 503
        return jsonify(status="ok", redis="ok")

    return app


logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
app = create_app()
