# HostK8s Dev — the two commands that matter:
#   make dev    the main job (real cluster with Docker + kind, else the sandbox test bed)
#   make test   the whole test suite (what CI runs)
SHELL := /bin/bash
MVN ?= mvn -B -ntp
PY  ?= /usr/bin/python3

.PHONY: setup dev test build build-custom test-java test-vote test-result test-e2e clean sandbox-down

# One set-up for both commands (scripts/setup.sh): `make dev` needs the sandbox's runtimes only, `make test` and
# `make setup` everything the suite needs. Idempotent; a second run does nothing and takes well under a second.
SETUP_FOR = $(if $(filter test test-%,$(MAKECMDGOALS)),test,$(if $(filter dev,$(MAKECMDGOALS)),dev,all))
setup:
	@bash scripts/setup.sh $(SETUP_FOR)

build:
	$(MVN) -q package -DskipTests

dev: setup build
	./hostk8s-dev dev

# The app's images: `hostk8s-dev build` builds every service with a build (or SERVICE=vote) and pushes each to the
# registry of hostk8s.dev.yaml (HostK8s: localhost:5002); NO_PUSH=1 builds only. Needs Docker or Podman's DOCKER_HOST.
build-custom: build
	./hostk8s-dev build $(SERVICE) $(if $(NO_PUSH),--no-push)

test: setup
	bash scripts/test-all.sh

test-java:
	$(MVN) verify

test-vote: setup
	cd voting-app/vote && $(PY) -m pytest -q tests

test-result: setup
	cd voting-app/result && npm test

test-e2e: setup
	$(PY) -m pytest -q voting-app/tests

sandbox-down:
	./hostk8s-dev sandbox down

clean:
	$(MVN) -q clean
