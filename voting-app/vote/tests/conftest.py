import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from redis_proc import RedisProcess  # noqa: E402


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    server = RedisProcess(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture
def store(redis_server):
    import redis

    client = redis.Redis(host="127.0.0.1", port=redis_server.port, decode_responses=True)
    client.delete("votes")
    yield client
    client.close()


@pytest.fixture
def client(redis_server, store):
    from app import create_app

    app = create_app(redis_host="127.0.0.1", redis_port=redis_server.port,
                     option_a="Tabs", option_b="Spaces", hostname="vote-pod-123")
    return app.test_client()
