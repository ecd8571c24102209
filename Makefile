# The list of commands. `make run` and `make test` work on a fresh machine with python3 and make.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-sqlite test-postgres lint format bench bench-http migrations-check messages \
	install clean backup restore

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## migrate, load the demo, serve on http://127.0.0.1:8000
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo ""
	@echo "  Communauté CCFD : http://127.0.0.1:8000"
	@echo "  Membre      : member@example.org  / apprendre-ensemble"
	@echo "  Curatrice   : curator@example.org / apprendre-ensemble  (admin : /admin/)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)  ## the whole suite, on DATABASE_URL (SQLite by default)
	$(PY) -m pytest $(PYTEST_ARGS)

test-sqlite: $(STAMP)
	DATABASE_URL=sqlite:///$(CURDIR)/db.sqlite3 $(MAKE) test

test-postgres: $(STAMP)
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/ccfd $(MAKE) test

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: $(STAMP)
	$(PY) manage.py makemigrations --check --dry-run

messages: $(STAMP)  ## refresh and compile the French catalogue
	$(PY) manage.py makemessages --locale fr --no-obsolete --no-location \
		--ignore ".venv/*" --ignore "staticfiles/*" --ignore "bench/*" --ignore "tests/*"
	$(PY) manage.py compilemessages --locale fr --ignore ".venv/*"

bench: $(STAMP)  ## benchmark scripts: print figures on SQLite and PostgreSQL
	@for script in $(filter-out bench/bench_http.py,$(wildcard bench/bench_*.py)); do \
		$(PY) $$script || exit 1; done

bench-http: $(STAMP)  ## pages under gunicorn in production mode, measured with wrk (docs/bench.md)
	@command -v wrk >/dev/null || { echo "make bench-http needs wrk: sudo apt-get install wrk"; exit 2; }
	$(PY) bench/bench_http.py

backup: $(STAMP)  ## database and media files in one checked archive: make backup [TO=folder/]
	$(PY) manage.py backup $(or $(TO),$(HOME)/ccfd-backups/)

restore: $(STAMP)  ## make restore FROM=archive.tar [FORCE=1]; refuses existing data unless FORCE=1
	@test -n "$(FROM)" || { echo "usage: make restore FROM=path/to/archive.tar [FORCE=1]"; exit 2; }
	$(PY) manage.py restore "$(FROM)" $(if $(FORCE),--force)

# make loadtest [MEMBERS=40] [DURATION=120] [WORKER_CLASS=gthread] [FAULTS=1]: not run by CI.
# Starts and stops its own PostgreSQL, Redis and SMTP sink on free loopback ports.
MEMBERS ?= 40
DURATION ?= 120
WORKER_CLASS ?= sync
.PHONY: loadtest
$(VENV)/.loadtest-installed: requirements-loadtest.txt $(STAMP)
	$(PY) -m pip install --quiet -r requirements-loadtest.txt
	touch $@

loadtest: $(VENV)/.loadtest-installed  ## production-mode load test, figures in docs/deployment.md
	$(PY) -m loadtest.run --members $(MEMBERS) --duration $(DURATION) \
		--worker-class $(WORKER_CLASS) $(if $(FAULTS),--faults) $(LOADTEST_ARGS)

clean:
	rm -rf $(VENV) staticfiles
