"""The benchmark: its implementations agree, the command runs, the page's numbers are its own."""

import json
import pathlib
import re
import subprocess
import sys

import numpy as np
import pytest

from sitebuild import speed
from tests.conftest import ROOT
from vecnn import bench, dense

RESULTS = ROOT / "docs" / "benchmark-results.json"


def test_every_implementation_computes_the_same_layer():
    rng = np.random.default_rng(5)
    A_in = rng.uniform(-1, 1, size=(4, 6))  # (m, n)
    W = rng.uniform(-1, 1, size=(6, 3))  # (n, j)
    b = rng.uniform(-1, 1, size=3)  # (j,)
    expected = dense(A_in, W, b)  # (m, j)
    impls = bench.implementations(A_in, W, b)
    for name in ["python loops", "dense_loop", "dense"]:
        got = np.asarray(impls[name]())
        np.testing.assert_allclose(got, expected, rtol=0, atol=1e-14, err_msg=name)
    np.testing.assert_array_equal(impls["A_in @ W"](), A_in @ W)


def test_the_loops_are_skipped_where_they_would_take_minutes():
    assert bench.skipped("python loops", 1024, 1024, 1024).startswith("skipped")
    assert bench.skipped("dense_loop", 1024, 1024, 1024).startswith("skipped")
    assert bench.skipped("python loops", 1, 400, 25) is None
    assert bench.skipped("dense", 1024, 1024, 1024) is None


def test_dense_allocates_only_its_output():
    rng = np.random.default_rng(6)
    A_in = rng.uniform(-1, 1, size=(512, 256))  # (m, n)
    W = rng.uniform(-1, 1, size=(256, 512))  # (n, j)
    b = rng.uniform(-1, 1, size=512)  # (j,)
    assert bench.peak_memory_factor(A_in, W, b) <= 1.1


def test_quick_command_runs_and_writes_json(tmp_path):
    """CI runs the command so it cannot rot (its speed is measured by make bench, not here)."""
    out = tmp_path / "quick.json"
    result = subprocess.run(
        [sys.executable, "-m", "vecnn.bench", "--quick", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "dense(A_in, W, b) against the bare A_in @ W" in result.stdout
    report = json.loads(out.read_text())
    impls = {row["impl"] for row in report["results"]}
    assert {"python loops", "dense_loop", "dense", "A_in @ W"} <= impls
    assert all(row["median_s"] > 0 for row in report["results"] if "note" not in row)
    for dtype in bench.DTYPES:
        assert report["efficiency"][dtype]["ratio"] > 0
    assert report["machine"]["numpy"] == np.__version__


def test_committed_results_feed_every_number_on_the_page():
    report = json.loads(RESULTS.read_text())
    values = speed.summary(report)
    page = (ROOT / "docs" / "speed.md").read_text()
    used = set(re.findall(r"\[\[bench:(\w+)\]\]", page))
    assert used - {"table", "figure"} <= set(values), "the page names a value summary() lacks"
    assert {"ratio_f32", "ratio_f64", "memory_f32", "table", "figure"} <= used
    sizes = {(r["m"], r["n"], r["j"]) for r in report["results"]}
    assert {(1, 2, 3), (1, 400, 25), (1000, 400, 25), (1024, 1024, 1024)} <= sizes


@pytest.mark.parametrize("dtype", bench.DTYPES)
def test_committed_results_meet_the_efficiency_target(dtype):
    """The committed run (make bench) met the promise the page makes: within 1.20x, 1.1x memory."""
    efficiency = json.loads(RESULTS.read_text())["efficiency"]
    assert efficiency["size"] == 1024
    assert efficiency[dtype]["ratio"] <= 1.20
    assert efficiency[dtype]["peak_memory_factor"] <= 1.1


def test_ctrl_c_prints_what_was_measured_and_exits_130(tmp_path):
    """Ctrl-C once the second size has started: the first size's rows are printed, no traceback,
    status 130, and no half-finished results file. stderr is a terminal, so the progress bar
    tells when to press it."""
    import os
    import pty
    import select
    import signal

    from vecnn.bench.timing import QUICK_SIZES

    script = pathlib.Path(sys.executable).with_name("vecnn-bench")  # the installed command
    leader, follower = pty.openpty()
    out = tmp_path / "quick.json"
    bench_run = subprocess.Popen(
        [str(script), "--quick", "--json", str(out)],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    second = "x".join(map(str, QUICK_SIZES[1]))
    seen = ""
    while f"{second} " not in seen:  # the bar names the step it starts
        ready, _, _ = select.select([leader], [], [], 120)
        assert ready, f"no progress in 120 s: {seen!r}"
        seen += os.read(leader, 4096).decode(errors="replace")
    bench_run.send_signal(signal.SIGINT)
    stdout, _ = bench_run.communicate(timeout=120)
    while select.select([leader], [], [], 0.5)[0]:
        try:
            seen += os.read(leader, 4096).decode(errors="replace")
        except OSError:
            break
    os.close(leader)
    assert bench_run.returncode == 130
    assert "Traceback" not in seen and "KeyboardInterrupt" not in seen
    assert "interrupted" in seen and "was not written" in seen
    first = "x".join(map(str, QUICK_SIZES[0]))
    rows = [line for line in stdout.splitlines() if line.strip().startswith(f"{first} ")]
    measured = {tuple(line.split()[1:3]) for line in rows}
    for dtype in bench.DTYPES:
        assert {(dtype, "dense_loop"), (dtype, "dense")} <= measured, stdout
    assert not out.exists()


def test_the_vecnn_bench_command_points_at_a_function():
    """pyproject's [project.scripts] entry loads (it once named vecnn.bench:main, which is not)."""
    from importlib.metadata import entry_points

    (command,) = entry_points(group="console_scripts", name="vecnn-bench")
    from vecnn.bench import cli

    assert command.load() is cli.main
