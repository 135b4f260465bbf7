# Build, run and test imhars. npm fetches the front-end packages and Sass
# builds the stylesheet into web/static/vendor/, which the Go binary embeds.

GO ?= go
NPM ?= npm

VENDOR := web/static/vendor
GOVUK := node_modules/govuk-frontend/dist/govuk
ASSETS := $(VENDOR)/imhars.css $(VENDOR)/govuk-frontend.min.js $(VENDOR)/govuk-frontend.min.js.map

# npm ci writes this file last, so it is missing or older than
# package-lock.json exactly when node_modules needs installing again.
NODE_MODULES := node_modules/.package-lock.json

.PHONY: run demo assets build test clean

## run: build the assets and start the server
run: assets
	$(GO) run ./cmd/imhars

## demo: load the sample school, then start the server
demo: assets
	$(GO) run ./cmd/imhars demo
	$(GO) run ./cmd/imhars

## assets: install npm packages if needed and build web/static/vendor/
assets: $(ASSETS)

## build: build the assets and the binary bin/imhars
build: assets
	$(GO) build -o bin/imhars ./cmd/imhars

## test: build the assets and run every Go test; tests that need PostgreSQL
## or Chromium skip themselves unless those are configured
test: assets
	@[ -n "$$IMHARS_TEST_POSTGRES" ] || echo "NOTE: PostgreSQL tests will skip: set IMHARS_TEST_POSTGRES to a postgres:// URL to run them."
	@[ -n "$$IMHARS_CHROMIUM" ] || echo "NOTE: browser tests will skip: set IMHARS_CHROMIUM to a Chromium binary to run them."
	$(GO) test ./...

## clean: remove the binary, the built assets and node_modules
clean:
	rm -rf bin node_modules
	find $(VENDOR) -mindepth 1 ! -name .keep -delete

# No package needs its install script. The only one with a script,
# @parcel/watcher (an optional dependency of Sass, used by sass --watch),
# compiles native code when no prebuilt binary fits the machine.
$(NODE_MODULES): package.json package-lock.json
	@command -v $(NPM) >/dev/null || { echo "npm not found: install Node.js 20 or later" >&2; exit 1; }
	$(NPM) ci --no-audit --no-fund --ignore-scripts
	@touch $@

$(VENDOR)/imhars.css: $(wildcard assets/*.scss) $(NODE_MODULES)
	node_modules/.bin/sass --no-source-map --style=compressed --load-path=node_modules \
		assets/imhars.scss $@

$(VENDOR)/govuk-frontend.min.js $(VENDOR)/govuk-frontend.min.js.map: $(VENDOR)/%: $(NODE_MODULES)
	cp $(GOVUK)/$* $@
