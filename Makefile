# SurrealQt: the two commands are `make run` and `make test`; the rest serve them.
BUILD_DIR ?= build
JOBS ?= 2
CMAKE_FLAGS ?=
CTEST_FLAGS ?=
# ccache hits across clones and build folders: paths are made relative to the checkout.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps configure build run test bench lint format screenshots clean fuzz

all: build

deps:
	@tools/install-deps.sh

configure: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
		cmake --preset default -B $(BUILD_DIR) $(CMAKE_FLAGS); \
	fi

build: configure
	@cmake --build $(BUILD_DIR) -j$(JOBS)

# Opens the Studio on a local in-memory sandbox server with the demo schema.
run: build
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ] && [ -z "$$QT_QPA_PLATFORM" ]; then \
		echo "make run: no display found. The Studio is a desktop app; on a headless machine use"; \
		echo "  xvfb-run -a make run                       # a virtual X display"; \
		echo "  QT_QPA_PLATFORM=offscreen make run         # no window at all (for smoke tests)"; \
		exit 2; \
	fi
	@$(BUILD_DIR)/app/studio/surrealqt-studio

test: build
	@ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS) $(CTEST_FLAGS)

# Each suite is one script in bench/ (bench/README.md); they run in this order, one at a time.
BENCH_SUITES := dev-server sdk decode migrations orm studio
bench: build
	@cd bench && for suite in $(BENCH_SUITES); do \
		if [ -f $$suite.js ]; then node $$suite.js || exit 1; fi; \
	done

screenshots: build
	@tools/screenshots.sh $(BUILD_DIR)

# libFuzzer targets (fuzz/): built with clang, ASan and UBSan in their own folder, then each run for
# FUZZ_SECONDS, one at a time. Not part of `make test`. Needs the clang and libclang-rt-dev packages.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_CXX ?= clang++
FUZZ_TARGETS ?= fuzz_decode_cbor fuzz_from_json fuzz_rpc_message fuzz_parse_surql fuzz_websocket_frames

fuzz: deps
	@command -v $(FUZZ_CXX) >/dev/null || { echo "make fuzz: $(FUZZ_CXX) not found (apt-get install clang libclang-rt-dev)"; exit 2; }
	@if [ ! -f $(FUZZ_BUILD_DIR)/build.ninja ]; then \
		cmake -S fuzz -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
			-DCMAKE_CXX_COMPILER=$(FUZZ_CXX) $(CMAKE_FLAGS); \
	fi
	@cmake --build $(FUZZ_BUILD_DIR) -j$(JOBS) --target $(FUZZ_TARGETS)
	@fuzz/run.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

lint: build
	@tools/lint.sh $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR)
