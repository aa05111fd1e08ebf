# The two commands of the README, and a few conveniences around CMake.
#   make demo   install what is missing, build, run the overview report
#   make check  install what is missing, build, run every test (also under
#               AddressSanitizer + UBSan)
BUILD ?= build
BUILD_SAN ?= build-san
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build build-san demo check test test-san bench clean

all: build

deps:
	@sh .ci/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

$(BUILD_SAN)/CMakeCache.txt:
	cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DTUSSEN_SANITIZE=ON

build-san: deps $(BUILD_SAN)/CMakeCache.txt
	cmake --build $(BUILD_SAN) -j $(JOBS)

demo: build
	./$(BUILD)/tussen run overview corpus/streetwise

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-san: build-san
	cd $(BUILD_SAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

check: test test-san

bench: build
	sh tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
