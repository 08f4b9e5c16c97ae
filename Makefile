# sodium_crypt: the two commands the README leads with.
#   make demo   the main job: build, install, run the example app, print the benchmark table
#   make test   every test: C unit tests (+ valgrind), both builds, arginfo, phpt
# Our builds go to _build/ (phpize writes its helper files into the tree, which
# would otherwise replace this Makefile with its own).

# PHP=/PHP_CONFIG= build and test against another PHP (scripts/php-env); give
# that PHP its own BUILD directory, e.g. make BUILD=_build/php-8.4 PHP=… test-phpt
BUILD      ?= _build
PHPIZE_DIR := $(BUILD)/phpize
TEST_DIR   := $(BUILD)/phpize-test
CMAKE_DIR  := $(BUILD)/cmake
EXT        := $(PHPIZE_DIR)/modules/sodium_crypt.so
TEST_EXT   := $(TEST_DIR)/modules/sodium_crypt.so
ASAN_DIR   := $(BUILD)/phpize-asan
ASAN_EXT   := $(ASAN_DIR)/modules/sodium_crypt.so
SOURCES    := $(shell sed -e '/^\#/d' -e '/^$$/d' src/sources.list) $(wildcard src/*.h src/core/*.h include/*.h) config.m4 src/sources.list
JOBS       ?= 2

.PHONY: bench
.PHONY: test-property
.PHONY: all setup build build-test build-asan build-consumer check-pie cmake test test-c test-phpt check-arginfo arginfo install demo bench-aead clean

all: build

setup:
	@scripts/setup

build: $(EXT)

# The phpt suite runs a second build with the test-only hooks compiled in.
build-test: $(TEST_EXT)

# phpize, then an out-of-tree configure + make in $(1) with options $(2)
# (scripts/build-ext: warnings printed and counted in $(1)/warnings).
define phpize_build
	@scripts/setup
	@JOBS=$(JOBS) scripts/build-ext $(1) $(2)
endef

$(EXT): $(SOURCES)
	$(call phpize_build,$(PHPIZE_DIR),)

$(TEST_EXT): $(SOURCES)
	$(call phpize_build,$(TEST_DIR),--enable-sodium-crypt-test-hooks)

cmake:
	@scripts/setup
	cmake -S . -B $(CMAKE_DIR) >/dev/null
	cmake --build $(CMAKE_DIR) -j$(JOBS)

# Installs into this PHP and enables it (Debian's phpenmod where there is one).
install: build
	$(MAKE) -C $(PHPIZE_DIR) install >/dev/null
	@scripts/enable-extension

# The main job: build, install, the demo Laravel app served by nginx + php-fpm
# and driven over HTTP, a load test, the benchmark table (scripts/demo).
demo:
	@scripts/demo

# sodium_crypt beside Laravel's encrypter and userland ext/sodium, one run:
# Markdown on stdout, bench/results/bench.{md,json,svg}. BENCH_FLAGS=--quick for CI.
# PostgreSQL and redis-server (queued re-encryption) are installed by scripts/setup.
bench: build
	@scripts/setup databases
	@scripts/laravel-deps 10 --demo >/dev/null
	@scripts/with-ext $(EXT) php bench/bench.php $(BENCH_FLAGS)

bench-aead: cmake
	cmake --build $(CMAKE_DIR) --target bench_aead >/dev/null
	$(CMAKE_DIR)/bench/bench_aead $(BENCH_FLAGS)

arginfo:
	scripts/gen-arginfo

check-arginfo:
	@scripts/setup
	scripts/gen-arginfo --check

test-c: cmake
	cd $(CMAKE_DIR) && ctest --output-on-failure -j$(JOBS)

# The test build again with AddressSanitizer + UBSan, for scripts/run-phpt-asan.
build-asan: $(ASAN_EXT)

ASAN_CONFIGURE := --enable-sodium-crypt-test-hooks \
	CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
	LDFLAGS="-fsanitize=address,undefined"

$(ASAN_EXT): $(SOURCES)
	$(call phpize_build,$(ASAN_DIR),$(ASAN_CONFIGURE))

# A second extension that uses the C API (tests/consumer).
build-consumer: include/php_sodium_crypt.h tests/consumer/sc_consumer.c tests/consumer/config.m4
	@scripts/setup
	tests/consumer/build $(BUILD)/consumer

# The PIE package's tree, built as `pie install` builds it.
check-pie:
	@scripts/setup
	scripts/check-pie

test-phpt: build-test build-consumer
	scripts/run-phpt $(TEST_EXT)

test:
	@scripts/test-all

# The property test of tests/laravel at its full count: 1,000,000 random seals in
# each cipher and format, every one opened through Crypt (make test runs 5,000).
test-property: build
	SC_PROPERTY_SEALS=1000000 scripts/test-laravel $(EXT) --filter PropertyTest

clean:
	rm -rf $(BUILD)
