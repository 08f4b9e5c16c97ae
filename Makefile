# sodium_crypt: the two commands the README leads with.
#   make demo   the main job: build, install, run the example app, print the benchmark table
#   make test   every test: C unit tests (+ valgrind), both builds, arginfo, phpt
# Our builds go to _build/ (phpize writes its helper files into the tree, which
# would otherwise replace this Makefile with its own).

BUILD      := _build
PHPIZE_DIR := $(BUILD)/phpize
CMAKE_DIR  := $(BUILD)/cmake
EXT        := $(PHPIZE_DIR)/modules/sodium_crypt.so
SOURCES    := $(shell sed -e '/^\#/d' -e '/^$$/d' src/sources.list) $(wildcard src/*.h src/core/*.h include/*.h) config.m4 src/sources.list
JOBS       ?= 2

.PHONY: all setup build cmake test test-c test-phpt check-arginfo arginfo install demo bench-aead clean

all: build

setup:
	@scripts/setup

build: $(EXT)

$(EXT): $(SOURCES)
	@scripts/setup
	phpize >/dev/null
	mkdir -p $(PHPIZE_DIR)
	cd $(PHPIZE_DIR) && ../../configure --enable-sodium_crypt >/dev/null
	$(MAKE) -C $(PHPIZE_DIR) -j$(JOBS) >/dev/null
	@echo "built $(EXT)"

cmake:
	@scripts/setup
	cmake -S . -B $(CMAKE_DIR) >/dev/null
	cmake --build $(CMAKE_DIR) -j$(JOBS)

# Installs into this PHP and enables it (Debian's phpenmod where there is one).
install: build
	$(MAKE) -C $(PHPIZE_DIR) install >/dev/null
	@scripts/enable-extension

# The main job. (Grows into the Laravel demo app; today: the extension end to end.)
demo: install bench-aead
	php examples/quickstart.php

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

test-phpt: build
	scripts/run-phpt $(EXT)

test:
	@scripts/test-all

clean:
	rm -rf $(BUILD)
