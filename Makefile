# Chefline: `make run` launches the app, `make test` runs the whole suite headless.
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUN_STAMP  := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

QM := resources/translations/chefline_zh_CN.qm
TS := resources/translations/chefline_zh_CN.ts
# Every module that marks a text for translation (Qt's tr, or chefline.texts), in any room.
UI_SOURCES := $(shell find src/chefline -name '*.py' -not -path '*/__pycache__/*' | sort)

.PHONY: run test testdeps translations ts test-slow test-package package install-desktop lint format sysdeps screenshots talk-sheet bench bench-quick clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Chefline needs Python 3.11 or newer; set PYTHON=python3.x")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@ $(RUN_STAMP)

run: $(RUN_STAMP) sysdeps translations
	$(BIN)/chefline

# The Chinese of the window, compiled from its Qt Linguist source (under version control).
translations: $(QM)

$(QM): $(TS) | $(RUN_STAMP)
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

# After changing user-visible strings: collect them again, then fill in packaging/zh_CN.py.
ts: $(RUN_STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete $(UI_SOURCES) -ts $(TS)
	$(BIN)/python packaging/translations.py

sysdeps:
	@sh packaging/qt-system-libs.sh

# A real browser for the test that renders FastAPI's offline /docs.
testdeps:
	@sh packaging/apt-missing.sh "the /docs browser test" chromium

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/lint-imports
	$(BIN)/mypy

format: $(TEST_STAMP)
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# Two workers: most of the suite's time is spent waiting for races on loopback, and its
# timing checks compare within one race, with margins that hold beside a busy core.
TEST_WORKERS ?= 2
test: $(TEST_STAMP) sysdeps testdeps lint translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(TEST_WORKERS) -m "not slow and not package"

test-slow: $(TEST_STAMP) sysdeps testdeps translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m slow

# The frozen app, built in a clean environment of its own (only Chefline and PyInstaller).
PKG_VENV := build/package-venv
package: sysdeps translations
	rm -rf $(PKG_VENV) build/work dist
	$(PYTHON) -m venv $(PKG_VENV)
	$(PKG_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PKG_VENV)/bin/python -m pip install --quiet '.[package]'
	$(PKG_VENV)/bin/python -m PyInstaller --noconfirm --clean --distpath dist \
		--workpath build/work packaging/chefline.spec
	@du -sh dist/chefline dist/chefline-onefile

test-package: $(TEST_STAMP) sysdeps package
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m package

# Chefline in the desktop's application menu (Linux), for the current user.
DESKTOP_DIR := $(HOME)/.local/share/applications
ICON_DIR := $(HOME)/.local/share/icons/hicolor/scalable/apps
install-desktop: $(RUN_STAMP)
	mkdir -p $(DESKTOP_DIR) $(ICON_DIR)
	cp resources/art/chefline.svg $(ICON_DIR)/chefline.svg
	sed "s|@CHEFLINE@|$(abspath $(BIN))/chefline|" packaging/chefline.desktop \
		> $(DESKTOP_DIR)/chefline.desktop
	@echo "Chefline is in the applications menu ($(DESKTOP_DIR)/chefline.desktop)"

# Speed, smoothness and memory against their targets; writes the table into docs/performance.md
# and its headline rows into README.md (benchmarks/pages.py).
bench: $(TEST_STAMP) sysdeps package
	cd benchmarks && QT_QPA_PLATFORM=offscreen ../$(BIN)/python run.py

bench-quick: $(TEST_STAMP) sysdeps
	cd benchmarks && QT_QPA_PLATFORM=offscreen ../$(BIN)/python run.py --quick --no-write

# Real X11 windows on a virtual screen (Xvfb) with a window manager (openbox), at a
# projector's 1280×720 and a monitor's 1920×1080, in both languages: the README's pictures.
ON_720  := sh packaging/on-screen.sh 1280x720 $(BIN)/chefline snapshot
ON_1080 := sh packaging/on-screen.sh 1920x1080 $(BIN)/chefline snapshot
screenshots: $(RUN_STAMP) sysdeps translations
	@sh packaging/screenshot-tools.sh
	$(ON_1080) --size 1920x1080 --customers 40 --wait 0.25 --out docs/race-1920x1080.png
	$(ON_720) --size 1280x720 --customers 12 --wait 0.4 --out docs/race-1280x720.png
	$(ON_1080) --size 1920x1080 --llm \
		-m flask-one-chef -m flask-pool -m flask-threaded -m fastapi-async \
		--customers 100 --ttft 0.2 --tokens-per-s 50 --max-tokens 8 --out docs/llm-100-users.png
	$(ON_1080) --size 1920x1080 --llm \
		-m flask-threaded -m flask-processes -m flask-gevent -m fastapi-async \
		--customers 100 --ttft 0.2 --tokens-per-s 50 --max-tokens 8 \
		--out docs/llm-100-users-cost.png
	$(ON_720) --scene 3 --theme dark --language en --full-screen --out docs/talk-1280x720-scene3-dark.png
	$(ON_720) --scene 6 --language zh_CN --full-screen --out docs/talk-1280x720-scene6-chinese.png
	$(ON_720) --scene 7 --language en --full-screen --out docs/talk-1280x720-scene7.png
	$(ON_1080) --scene 4 --language zh_CN --full-screen --out docs/talk-1920x1080-scene4-chinese.png
	$(ON_1080) --scene 7 --language en --full-screen --out docs/talk-1920x1080-scene7.png
	$(ON_1080) --size 1920x1080 --app examples/middleware_kitchen.py:app --path /sleepy \
		-m fastapi-async --customers 6 --wait 0.3 --out docs/your-app-1920x1080.png
	$(ON_720) --size 1280x720 --app examples/middleware_kitchen.py:app --path /hashing \
		-m fastapi-async --customers 5 --wait 0.3 --out docs/your-app-1280x720-hashing.png
	$(ON_720) --size 1280x720 --language zh_CN --app examples/flask_kitchen.py:app --path /mixed \
		--server werkzeug -m fastapi-async --customers 4 --wait 0.3 \
		--out docs/your-app-1280x720-flask-chinese.png
	$(BIN)/chefline sweep --open resources/sweeps/four-kitchens-1-to-1000-users.json \
		--out docs/capacity-curve.png

# Every scene of the talk as the room sees it at 1280×720 (real races, the real window on a
# virtual screen with a window manager), in build/talk/, and the eight on one sheet in docs/.
SCENES := 1 2 3 4 5 6 7 8
TALK_LANGUAGE ?= en
talk-sheet: $(RUN_STAMP) sysdeps translations
	@sh packaging/screenshot-tools.sh
	@mkdir -p build/talk
	@for n in $(SCENES); do \
		$(ON_720) --scene $$n --language $(TALK_LANGUAGE) --full-screen --size 1280x720 \
			--out build/talk/scene-$$n-$(TALK_LANGUAGE).png || exit 1; \
	done
	$(BIN)/python packaging/contact_sheet.py docs/talk-1280x720-$(TALK_LANGUAGE).png \
		$(foreach n,$(SCENES),build/talk/scene-$(n)-$(TALK_LANGUAGE).png)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
