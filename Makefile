# The two commands of the README, and a few conveniences around CMake.
#   make demo   install what is missing, build, run the overview report
#   make check  install what is missing, build, run every test (also under
#               AddressSanitizer + UBSan, with leak detection)
# Each step runs in order even under `make -j`: the recipes call each other
# instead of relying on prerequisite order.
BUILD ?= build
BUILD_SAN ?= build-san
BUILD_FUZZ ?= build-fuzz
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build build-san demo check test test-san fuzz-smoke bench clean

all: build

deps:
	@sh .ci/install-deps

build: deps
	@test -f $(BUILD)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j $(JOBS)

build-san: deps
	@test -f $(BUILD_SAN)/CMakeCache.txt || \
	  cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DTUSSEN_SANITIZE=ON
	cmake --build $(BUILD_SAN) -j $(JOBS)

demo: build
	./$(BUILD)/tussen run overview corpus/streetwise

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# halt_on_error: the first report fails the test; detect_leaks: a leak is
# a failure too (the default on Linux, said here so it stays on).
test-san: build-san
	cd $(BUILD_SAN) && \
	  ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Every libFuzzer target (tests/fuzz/) for a few seconds from its seeds;
# clang only. Longer campaigns: see tests/fuzz/README.md.
fuzz-smoke: deps
	CC=clang cmake -S . -B $(BUILD_FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DTUSSEN_FUZZ=ON >/dev/null
	cmake --build $(BUILD_FUZZ) -j $(JOBS) --target fuzz
	cd $(BUILD_FUZZ) && ctest --output-on-failure -j $(JOBS) -L fuzz

check:
	@$(MAKE) --no-print-directory test
	@$(MAKE) --no-print-directory test-san
	@$(MAKE) --no-print-directory fuzz-smoke

# Speed and memory against baselines (see tests/bench/run.sh); not part of check.
bench: build
	sh tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_SAN) $(BUILD_FUZZ)
