# HostK8s Dev — the two commands that matter:
#   make dev    the main job (real cluster with Docker + kind, else the sandbox test bed)
#   make test   the whole test suite (what CI runs)
SHELL := /bin/bash
MVN ?= mvn -B -ntp
PY  ?= /usr/bin/python3

.PHONY: dev test build test-java test-vote test-result test-e2e clean sandbox-down

build:
	$(MVN) -q package -DskipTests

dev: build
	./hostk8s-dev dev

test:
	bash scripts/test-all.sh

test-java:
	$(MVN) verify

test-vote:
	cd voting-app/vote && $(PY) -m pytest -q tests

test-result:
	cd voting-app/result && npm test

test-e2e:
	$(PY) -m pytest -q voting-app/tests

sandbox-down:
	./hostk8s-dev sandbox down

clean:
	$(MVN) -q clean
