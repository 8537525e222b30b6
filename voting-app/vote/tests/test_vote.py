import json
import re

from redis_proc import RedisProcess


def voter_cookie(resp):
    for header in resp.headers.getlist("Set-Cookie"):
        match = re.match(r"voter_id=([0-9a-f]+);", header)
        if match:
            return match.group(1)
    return None


def queued(store):
    return [json.loads(item) for item in store.lrange("votes", 0, -1)]


def test_get_shows_both_options_and_the_hostname_and_sets_a_cookie(client, store):
    resp = client.get("/")
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert "Tabs vs Spaces!" in body
    assert 'value="a"' in body and 'value="b"' in body
    assert "Processed by container ID vote-pod-123" in body
    assert "chosen" not in body
    assert re.fullmatch(r"[0-9a-f]{16}", voter_cookie(resp))
    assert queued(store) == []


def test_post_queues_the_vote_as_json_and_marks_the_choice(client, store):
    resp = client.post("/", data={"vote": "b"})
    body = resp.get_data(as_text=True)
    assert resp.status_code == 200
    voter = voter_cookie(resp)
    assert queued(store) == [{"voter_id": voter, "vote": "b"}]
    assert 'class="b chosen"' in body and 'class="a chosen"' not in body


def test_the_cookie_is_reused_across_votes(client, store):
    first = voter_cookie(client.get("/"))
    client.post("/", data={"vote": "a"})
    client.post("/", data={"vote": "b"})
    other = client.application.test_client(use_cookies=False)
    resp = other.post("/", data={"vote": "a"}, headers={"Cookie": "voter_id=cafe0001"})
    assert voter_cookie(resp) == "cafe0001"
    assert queued(store) == [
        {"voter_id": first, "vote": "a"},
        {"voter_id": first, "vote": "b"},
        {"voter_id": "cafe0001", "vote": "a"},
    ]


def test_a_different_browser_gets_a_different_voter_id(redis_server, store):
    from app import create_app

    app = create_app(redis_host="127.0.0.1", redis_port=redis_server.port)
    ids = {voter_cookie(app.test_client().get("/")) for _ in range(5)}
    assert len(ids) == 5


def test_an_unknown_option_is_rejected_and_not_queued(client, store):
    resp = client.post("/", data={"vote": "c"})
    assert resp.status_code == 400
    assert queued(store) == []


def test_relative_urls_without_a_forwarded_prefix(client):
    body = client.get("/").get_data(as_text=True)
    assert 'href="./static/stylesheets/style.css"' in body
    assert 'action="./"' in body
    assert client.get("/static/stylesheets/style.css").status_code == 200


def test_without_a_prefix_the_page_adds_a_missing_trailing_slash(client):
    assert "location.replace" in client.get("/").get_data(as_text=True)
    with_prefix = client.get("/", headers={"X-Forwarded-Prefix": "/vote"}).get_data(as_text=True)
    assert "location.replace" not in with_prefix


def test_forwarded_prefix_is_honoured(client, store):
    resp = client.post("/", data={"vote": "a"}, headers={"X-Forwarded-Prefix": "/vote"})
    body = resp.get_data(as_text=True)
    assert 'href="/vote/static/stylesheets/style.css"' in body
    assert 'action="/vote/"' in body
    assert queued(store)[0]["vote"] == "a"


def test_a_forwarded_prefix_with_a_trailing_slash_or_deeper_path(client):
    for prefix, base in (("/vote/", "/vote/"), ("/apps/vote", "/apps/vote/")):
        body = client.get("/", headers={"X-Forwarded-Prefix": prefix}).get_data(as_text=True)
        assert f'action="{base}"' in body and f'href="{base}static/stylesheets/style.css"' in body


def test_option_names_are_escaped(redis_server):
    from app import create_app

    app = create_app(redis_port=redis_server.port, option_a="<b>Cats</b>", option_b="Dogs & co")
    body = app.test_client().get("/").get_data(as_text=True)
    assert "&lt;b&gt;Cats&lt;/b&gt;" in body and "<b>Cats" not in body
    assert "Dogs &amp; co" in body


def test_a_forwarded_prefix_that_is_not_a_plain_path_is_ignored(client):
    for bad in ("//evil.example", "/x\"><script>", "https://evil.example/"):
        body = client.get("/", headers={"X-Forwarded-Prefix": bad}).get_data(as_text=True)
        assert 'action="./"' in body
        assert "evil" not in body and '"><script>' not in body


def test_defaults_come_from_the_environment(monkeypatch, redis_server):
    from app import create_app

    monkeypatch.setenv("OPTION_A", "Java")
    monkeypatch.setenv("OPTION_B", "Python")
    monkeypatch.setenv("HOSTNAME", "pod-from-env")
    body = create_app(redis_port=redis_server.port).test_client().get("/").get_data(as_text=True)
    assert "Java vs Python!" in body
    assert "Processed by container ID pod-from-env" in body


def test_healthz_is_ok_while_redis_answers(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200
    assert resp.get_json() == {"status": "ok", "redis": "ok"}


def test_healthz_is_503_and_voting_fails_cleanly_when_redis_goes_down(tmp_path, store):
    from app import create_app

    own = RedisProcess(tmp_path)
    try:
        app = create_app(redis_host="127.0.0.1", redis_port=own.port).test_client()
        assert app.get("/healthz").status_code == 200
    finally:
        own.stop()
    resp = app.get("/healthz")
    assert resp.status_code == 503
    payload = resp.get_json()
    assert payload["status"] == "error"
    assert payload["redis"] not in ("", "ok")
    assert str(own.port) in payload["redis"]
    vote = app.post("/", data={"vote": "a"})
    assert vote.status_code == 503
    assert "could not be recorded" in vote.get_data(as_text=True)
