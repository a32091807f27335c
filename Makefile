# Safety Net — the two commands a fresh machine needs:
#   make run    set up what is missing, build the release app, serve it at http://127.0.0.1:8080
#   make test   set up what is missing, then every check and test, and the budget report
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: run test setup setup-test build serve check

run: setup build serve

test: setup-test
	scripts/test.sh

setup:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

build:
	trunk build --release

serve:
	node scripts/serve.mjs dist $(PORT)

# Quick feedback while working: type-check the app for the browser and natively.
check:
	cargo check --target wasm32-unknown-unknown
	cargo check --all-targets
