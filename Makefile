# entente: the targets below are the interface (README.md). The build itself is CMake's.
BUILD   ?= build
ASAN    ?= build-asan
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
CMAKE_FLAGS += -DENTENTE_WERROR=ON
endif

.PHONY: all deps check asan demo bench clean

all: $(BUILD)/Makefile
	@$(MAKE) --no-print-directory -C $(BUILD) -j$(JOBS)

# node_modules: after `npm ci` the dashboard's libraries are there to embed
$(BUILD)/Makefile: CMakeLists.txt tests/CMakeLists.txt $(wildcard node_modules/.package-lock.json)
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null

deps:
	@scripts/install-deps

check: deps all
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

asan: deps
	@cmake -S . -B $(ASAN) -DENTENTE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS) >/dev/null
	@$(MAKE) --no-print-directory -C $(ASAN) -j$(JOBS)
	@cd $(ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j$(JOBS)

demo: deps all
	@scripts/demo

bench: deps all
	@bench/run

clean:
	rm -rf $(BUILD) $(ASAN)
