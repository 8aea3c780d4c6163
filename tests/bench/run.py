"""The speed benchmark of issue 5: medians over several runs, each beside its target.

    python -m tests.bench [--runs 5] [--keep DIR]

Builds the two-year demo and the ten-year heavy profile (and the heavy one at schema 0001) in a
temporary folder and byte-compiles the app as an install does, then in each run, interleaved so
that machine load hits every figure alike:
- starts the real app offscreen (`python -m planner`, PLANNER_TRACE_STARTUP=1) on each file and
  a bare PySide6 window, timing from the process start to the first paint and to the charts drawn;
- runs `tests/bench/inapp.py` on each file (page switches, quick log, chart redraw, the session
  table, peak memory), and again with `--cold` (first visits to pages not prepared in idle time);
- times `planner week --json` and `planner log` against `python -c "import sqlalchemy.orm"`;
- times `planner week --json` on a fresh copy of the schema-0001 heavy file (backup + upgrade);
- times a fixed Python loop before each file's figures: the machine's own speed, which on a
  shared virtual machine varies enough to explain a figure that moved while the code did not
  (the first file measured in a run often met a machine half as fast, so the two files take
  turns being first).
Ratios are taken within a run, then their median reported. Runs on any machine; the targets are
for the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import selectors
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench import files

REPO = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
TEXT_PAINTED = "planner-trace: dashboard painted"
CHARTS_DRAWN = "planner-trace: charts drawn"
START_TIMEOUT_S = 60

#: (figure, key in a run's results, target, unit): "x" ratio, "s" seconds, "MB".
PAGES = ["roadmap", "skills", "learning", "network", "balance", "review", "dashboard"]
FIGURES: list[tuple[str, str, float, str]] = [
    ("machine: a fixed pure-Python loop (noise reference)", "machine loop", 0, "s"),
    ("start: dashboard painted, ratio to a bare window", "start painted ratio", 3.0, "x"),
    ("start: dashboard painted (seconds)", "start painted", 0, "s"),
    ("start: bare PySide6 window painted", "bare painted", 0, "s"),
    ("start: dashboard fully drawn (charts included)", "start drawn", 1.2, "s"),
    ("other pages prepared in idle time after start-up", "pages prepared", 0, "s"),
    ("preparing: longest step (the most a click waits)", "preparing: longest step", 0, "s"),
    *[(f"switch to {p} (first visit)", f"page {p}", 0.1, "s") for p in PAGES],
    *[
        (f"switch to {p} (first visit, cold: built on the click)", f"cold page {p}", 0.1, "s")
        for p in PAGES[:-1]
    ],
    ("switch to a page again (slowest)", "page again (slowest)", 0.1, "s"),
    ("Learning: charts tab", "learning charts tab", 0.1, "s"),
    ("Learning: charts tab (cold)", "cold learning charts tab", 0.1, "s"),
    ("quick log: Enter to dashboard and chart updated", "quick log", 0.05, "s"),
    ("chart redraw after a change (52 weeks)", "chart redraw (52 weeks)", 0.1, "s"),
    ("weekly chart switched to 52 weeks", "weekly chart to 52 weeks", 0.1, "s"),
    ("session table: show all time", "table: all time", 0.05, "s"),
    ("session table: sort by activity", "table: sort by activity", 0.05, "s"),
    ("session table: scroll", "table: scroll", 0.05, "s"),
    ("session table: filter by activity", "table: filter by activity", 0.05, "s"),
    ("session table: back to all activities", "table: back to all activities", 0.05, "s"),
    ("peak memory after every page (RSS)", "peak RSS (MB)", 250, "MB"),
    ("`planner week --json`, ratio to import sqlalchemy.orm", "week ratio", 1.5, "x"),
    ("`planner log`, ratio to import sqlalchemy.orm", "log ratio", 1.5, "x"),
    ("`python -c 'import sqlalchemy.orm'`", "floor", 0, "s"),
    ("open a schema-0001 file and migrate it", "migrate", 2.0, "s"),
]


def _env(work: Path) -> dict[str, str]:
    """Offscreen on a desktop-sized screen, and settings in a new folder, so every start looks
    like the first (the window reopens the page it last showed) and opens at 1280 x 820 like the
    bare window it is compared with: on Qt's default 800 x 800 offscreen screen a first start
    fits the window to that screen (`planner.ui.responsive.fit_to_screen`)."""
    config = tempfile.mkdtemp(prefix="config-", dir=work)
    screen = Path(config) / "offscreen.json"
    screen.write_text(json.dumps({"screens": [{"name": "bench", "width": 1920, "height": 1080}]}))
    return dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
        PLANNER_TRACE_STARTUP="1",
        XDG_CONFIG_HOME=config,
        PYTHONPATH=str(REPO),
    )


def start(command: list[str], env: dict[str, str], wanted: list[str]) -> dict[str, float]:
    """Seconds from spawning `command` to each of its trace lines in `wanted`, then stop it."""
    began = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, bufsize=0
    )
    assert proc.stderr is not None
    seen: dict[str, float] = {}
    said = ""
    try:
        with selectors.DefaultSelector() as sel:
            sel.register(proc.stderr, selectors.EVENT_READ)
            while len(seen) < len(wanted):
                if time.perf_counter() - began > START_TIMEOUT_S:
                    raise RuntimeError(f"{command} never reported; it said:\n{said}")
                if not sel.select(1):
                    if proc.poll() is not None:
                        raise RuntimeError(f"{command} exited; it said:\n{said}")
                    continue
                chunk = os.read(proc.stderr.fileno(), 65536).decode(errors="replace")
                if not chunk and proc.poll() is not None:
                    raise RuntimeError(f"{command} exited; it said:\n{said}")
                said += chunk
                for key in wanted:
                    if key in said and key not in seen:
                        seen[key] = time.perf_counter() - began
    finally:
        proc.terminate()
        proc.wait()
    return seen


def compile_sources() -> None:
    """Byte-compile the app's sources, as `pip install .` (the README's install) does: a person
    starts the app from compiled code. Run from the source tree on a machine that sets
    PYTHONDONTWRITEBYTECODE (as the project's does), each start would compile every module it
    imports again (~50 ms for `planner log`, ~10 ms for a page's first visit), a cost no one
    who installed the app pays."""
    for folder in ("planner", "migrations", "tests/bench"):
        compileall.compile_dir(REPO / folder, quiet=1)


def machine_loop() -> float:
    """Seconds a fixed pure-Python loop takes: the same work in every run, timed before each
    file's figures. This machine's speed varies by up to half from minute to minute (a shared
    virtual machine), so a figure that moved with this moved with the machine, not the app."""
    began = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i * i
    return time.perf_counter() - began


def run_time(command: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def one_run(n: int, work: Path, heavy: Path, demo: Path, old: Path) -> dict[str, dict]:
    py = sys.executable
    results: dict[str, dict] = {"demo": {}, "heavy": {}}
    bare = start([py, str(BENCH / "bare_window.py")], _env(work), [TEXT_PAINTED])[TEXT_PAINTED]
    files_in_turn = [("demo", demo), ("heavy", heavy)]
    if n % 2:  # each file first in every other run: what slows a run's start hits both alike
        files_in_turn.reverse()
    for label, path in files_in_turn:
        r = results[label]
        r["machine loop"] = machine_loop()
        copy = files.fresh_copy(path, work / f"{label}-run{n}.sqlite3")
        app = start(
            [py, "-m", "planner", "--db", str(copy)], _env(work), [TEXT_PAINTED, CHARTS_DRAWN]
        )
        env = _env(work)
        r["bare painted"] = bare
        r["start painted"] = app[TEXT_PAINTED]
        r["start drawn"] = app[CHARTS_DRAWN]
        r["start painted ratio"] = app[TEXT_PAINTED] / bare
        for flags in ([], ["--cold"]):
            out = subprocess.run(
                [py, "-m", "tests.bench.inapp", str(copy), *flags],
                cwd=REPO,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            r.update(json.loads(out))
        floor = run_time([py, "-c", "import sqlalchemy.orm"], env)
        week = run_time([py, "-m", "planner", "--db", str(copy), "week", "--json"], env)
        log = run_time([py, "-m", "planner", "--db", str(copy), "log", "0.5"], env)
        r.update({"floor": floor, "week ratio": week / floor, "log ratio": log / floor})
    migrating = files.fresh_copy(old, work / f"old-run{n}.sqlite3")
    results["heavy"]["migrate"] = run_time(
        [py, "-m", "planner", "--db", str(migrating), "week", "--json"], _env(work)
    )
    return results


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.0f} {unit}"


def table(runs: list[dict[str, dict]]) -> str:
    def median(label: str, key: str) -> float | None:
        values = [r[label][key] for r in runs if key in r[label]]
        return statistics.median(values) if values else None

    lines = [
        "| figure | demo (2 years) | heavy (10 years) | heavy / demo | target | verdict |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for title, key, target, unit in FIGURES:
        demo, heavy = median("demo", key), median("heavy", key)
        growth = f"{heavy / demo:.2f}x" if demo and heavy is not None else "—"
        if not target:
            aim, verdict = "(reference)", ""
        else:
            aim = f"<= {fmt(target, unit)}"
            verdict = "ok" if heavy is not None and heavy <= target else "MISS"
        lines.append(
            f"| {title} | {fmt(demo, unit)} | {fmt(heavy, unit)} | {growth} | {aim} | {verdict} |"
        )
    rows = median("heavy", "rows in the table")
    lines.append(f"\nSession table rows (heavy, all time): {rows:.0f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=5, help="runs to take the median of")
    parser.add_argument("--keep", type=Path, help="build the files in DIR and keep them")
    parser.add_argument("--json", type=Path, help="also write every run's figures to this file")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="planner-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    say: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731
    say(f"building files in {work} …")
    heavy = work / "heavy.sqlite3"
    demo = work / "demo.sqlite3"
    if not heavy.exists():
        began = time.perf_counter()
        files.make(heavy, 10)
        say(f"heavy profile written in {time.perf_counter() - began:.1f} s")
    if not demo.exists():
        files.make(demo, 2)
    old = work / "heavy-0001.sqlite3"
    if not old.exists():
        files.make_old(heavy, old)
    compile_sources()
    load = os.getloadavg()[0]
    runs = []
    scratch = Path(tempfile.mkdtemp(prefix="runs-", dir=work))
    for n in range(args.runs):
        say(f"run {n + 1} of {args.runs} …")
        runs.append(one_run(n, scratch, heavy, demo, old))
    if args.json:
        args.json.write_text(json.dumps(runs, indent=1))
    print(
        f"Medians of {args.runs} runs; load average {load:.2f} before, "
        f"{os.getloadavg()[0]:.2f} after, on {os.cpu_count()} CPUs.\n"
    )
    print(table(runs))
    return 0
