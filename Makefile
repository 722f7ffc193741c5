# TrendInsight — the front door. `make demo` and `make test` do all set-up themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := build
DOTNET ?= dotnet
CONFIG ?= Release
# python3-jieba is the oracle the segmentation tests and `make bench BENCH=segment` compare with; jieba's
# data at run time comes from the jieba.NET NuGet package.
APT_PACKAGES := libopencc1.1 python3-jieba chromium fonts-wqy-microhei fonts-noto-color-emoji postgresql
# The CLI is published ReadyToRun (precompiled) for this machine's portable runtime identifier, so that a run spends less of
# its time in the JIT: a warm `analyze` of the demo took 1.25-1.36 s instead of 1.48-1.54 s, an ingest of the
# ingest bench's 3M events 5.27 s instead of 5.62 s (means of four). On another system or processor it is published
# as plain IL. (Not `dotnet --info`'s RID: a distribution's SDK may name its own, for which no Crossgen2 is published.)
RID_Linux-x86_64 := linux-x64
RID_Linux-aarch64 := linux-arm64
RID_Darwin-x86_64 := osx-x64
RID_Darwin-arm64 := osx-arm64
RID ?= $(RID_$(shell uname -s)-$(shell uname -m))
READY_TO_RUN := $(if $(RID),-r $(RID) -p:SelfContained=false -p:PublishReadyToRun=true)
NPM_DIR := tools/npm
STAMP := artifacts/stamps
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: setup apt npm restore build test demo eval bench ci clean contract-doc

## setup: apt packages, pinned npm packages (no install scripts), NuGet restore. Quiet when done.
setup: apt npm restore

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "setup: installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

npm: $(NPM_DIR)/node_modules/.package-lock.json

$(NPM_DIR)/node_modules/.package-lock.json: $(NPM_DIR)/package-lock.json $(NPM_DIR)/package.json
	@echo "setup: installing pinned npm packages into $(NPM_DIR)/node_modules"
	@cd $(NPM_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

restore: $(STAMP)/restore

$(STAMP)/restore: Makefile Directory.Packages.props $(wildcard src/*/*.csproj tests/*/*.csproj bench/*/*.csproj)
	@echo "setup: dotnet restore"
	@$(DOTNET) restore TrendInsight.sln --verbosity quiet
	@$(if $(RID),$(DOTNET) restore src/TrendInsight.Cli $(READY_TO_RUN) --verbosity quiet)
	@mkdir -p $(STAMP) && touch $@

## build: the CLI at bin/trendinsight (works from any directory).
build: setup
	@# Restores as it publishes: a `dotnet build` or `dotnet test` of a project may have restored the CLI since without the runtime identifier.
	@$(DOTNET) publish src/TrendInsight.Cli -c $(CONFIG) -o artifacts/cli $(READY_TO_RUN) --verbosity quiet -nologo
	@mkdir -p bin
	@printf '#!/usr/bin/env bash\nexec "%s/artifacts/cli/trendinsight" "$$@"\n' "$(CURDIR)" > bin/trendinsight
	@chmod +x bin/trendinsight
	@echo "built bin/trendinsight"

## test: every test project; ends with "N passed, N failed".
test: setup
	@tools/run-tests.sh $(CONFIG)

## contract-doc: rewrite the generated tables of docs/landing-contract.md from LandingContract.
contract-doc: setup
	@$(DOTNET) build tests/TrendInsight.Core.Tests -c $(CONFIG) --no-restore -v q -nologo
	@TI_WRITE_CONTRACT_DOC=1 $(DOTNET) test tests/TrendInsight.Core.Tests -c $(CONFIG) --no-build --filter "FullyQualifiedName~ContractDocTests.Tables" -v q -nologo

## demo: simulate ~120 days, run the whole pipeline, print where the report and warehouse are.
demo: build
	@tools/demo.sh

## eval: topics of the demo world and a sparse one (scale 0.05) scored against the planted truth.
eval: build
	@tools/eval.sh

## bench: speed and memory figures beside the peers each issue names.
bench: build
	@$(DOTNET) run --project bench/TrendInsight.Bench -c Release --no-restore -- $(BENCH)

ci:
	@bash .ci/run

clean:
	rm -rf artifacts bin src/*/bin src/*/obj tests/*/bin tests/*/obj bench/*/bin bench/*/obj
