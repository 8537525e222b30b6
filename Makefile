# HostK8s Dev — the two commands that matter:
#   make dev    the main job (real cluster with Docker + kind, else the sandbox test bed)
#   make test   the whole test suite (what CI runs)
SHELL := /bin/bash
MVN ?= mvn -B -ntp
PY  ?= /usr/bin/python3

.PHONY: help setup dev test build build-custom deploy-cloud setup-domain test-java test-vote test-result test-e2e clean sandbox-down
.DEFAULT_GOAL := help

# `make help`: every target with its `## ` line (the tutorials, docs/tutorials/, use these).
help: ## every target with its one-line description
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 22

# One set-up for both commands (scripts/setup.sh): `make dev` needs the sandbox's runtimes only, `make test` and
# `make setup` everything the suite needs. Idempotent; a second run does nothing and takes well under a second.
SETUP_FOR = $(if $(filter test test-%,$(MAKECMDGOALS)),test,$(if $(filter dev,$(MAKECMDGOALS)),dev,all))
setup: ## install what the two commands need, once (scripts/setup.sh)
	@bash scripts/setup.sh $(SETUP_FOR)

build: ## the server and sandbox jars (mvn package, no tests)
	$(MVN) -q package -DskipTests

dev: setup build ## the main job: up (cluster, build, deploy, sync), forwards, logs until Ctrl-C
	./hostk8s-dev dev

# The app's images: `hostk8s-dev build` builds every service with a build (or SERVICE=vote) and pushes each to the
# registry of hostk8s.dev.yaml (HostK8s: localhost:5002); NO_PUSH=1 builds only. Needs Docker or Podman's DOCKER_HOST.
build-custom: build ## build + push the app's images to the local registry (SERVICE=vote, NO_PUSH=1)
	./hostk8s-dev build $(SERVICE) $(if $(NO_PUSH),--no-push)

# Level 500: `hostk8s-dev publish apply` — the DigitalOcean cluster, registry, images, ingress, DNS, certificate and
# the app. Shows the plan and asks first (YES=1: --yes); the token comes from DIGITALOCEAN_ACCESS_TOKEN.
deploy-cloud: build ## publish the voting app to DigitalOcean (publish apply; YES=1 skips the question)
	./hostk8s-dev publish apply $(if $(YES),--yes)

# The DNS + certificate part alone, for a cluster you bring (the current kubeconfig) or publish's: `hostk8s-dev
# publish domain` — Traefik + cert-manager + the issuer, the load balancer, the DNS record of cloud.digitalocean.domain.
setup-domain: build ## ingress, load balancer, DNS record and certificate on DigitalOcean (publish domain; YES=1)
	./hostk8s-dev publish domain $(if $(YES),--yes)

test: setup ## the whole test suite (what CI runs)
	bash scripts/test-all.sh

test-java:
	$(MVN) verify

test-vote: setup
	cd voting-app/vote && $(PY) -m pytest -q tests

test-result: setup
	cd voting-app/result && npm test

test-e2e: setup
	$(PY) -m pytest -q voting-app/tests

sandbox-down: ## stop this workspace's sandbox and every process it started
	./hostk8s-dev sandbox down

clean: ## mvn clean
	$(MVN) -q clean
