"""The benchmark: its implementations agree, the command runs, the page's numbers are its own."""

import inspect
import pathlib
import subprocess
import sys
import time

import numpy as np
import pytest

from vecnn import bench
from vecnn.bench import contenders, timing


def test_every_implementation_computes_the_same_layer():
    rng = np.random.default_rng(5)
    A_in = rng.uniform(-1, 1, size=(4, 6))  # (m, n)
    W = rng.uniform(-1, 1, size=(6, 3))  # (n, j)
    b = rng.uniform(-1, 1, size=3)  # (j,)
    expected = 1 / (1 + np.exp(-(A_in @ W + b)))  # (m, j)  NumPy alone, written out here
    impls = bench.implementations(A_in, W, b)
    for name in ["python loops", "lecture loop", "dense_loop", "one-liner", "dense"]:
        got = np.asarray(impls[name]())
        np.testing.assert_allclose(got, expected, rtol=1e-14, atol=0, err_msg=name)
    np.testing.assert_array_equal(impls["A_in @ W"](), A_in @ W)


def test_the_lecture_loop_is_the_lecture_s_code():
    """A plain g, np.dot per unit: no checks, so it is the loop the lecture times."""
    source = inspect.getsource(contenders.lecture_dense) + inspect.getsource(contenders.g)
    assert "z = np.dot(w, a_in) + b[j]" in source and "a_out[j] = g(z)" in source
    assert "return 1 / (1 + np.exp(-z))" in source
    assert "vecnn" not in source and "check" not in source


def test_only_the_loops_that_would_take_minutes_are_skipped():
    assert bench.skipped("python loops", 1000, 400, 25) is None  # about half a second
    assert bench.skipped("python loops", 256, 256, 256) is None  # about a second
    for loop in ["python loops", "lecture loop", "dense_loop"]:
        assert bench.skipped(loop, 1024, 1024, 1024).startswith("skipped")
        assert bench.skipped(loop, 256, 256, 256) is None
    assert bench.skipped("dense", 1024, 1024, 1024) is None


def test_bursts_are_sized_from_warm_calls():
    """A first call 1000 times slower than the rest (NumPy setting up a dtype's loops) must not
    make every burst a single call, timed cold right after another contender's burst."""
    calls = []

    def fast_after_the_first():
        if not calls:
            time.sleep(0.05)
        calls.append(1)

    number = timing.burst_size(fast_after_the_first)
    assert number >= 64, number  # a list append: many thousands fit in BURST seconds


def test_dense_allocates_only_its_output():
    rng = np.random.default_rng(6)
    A_in = rng.uniform(-1, 1, size=(512, 256))  # (m, n)
    W = rng.uniform(-1, 1, size=(256, 512))  # (n, j)
    b = rng.uniform(-1, 1, size=512)  # (j,)
    assert bench.peak_memory_factor(A_in, W, b) <= 1.02  # a 2 MB output: 1.01 is for 1024^2


def test_the_module_runs_as_a_command():
    """`python -m vecnn.bench` is the same command (the wheel's test runs a whole --quick)."""
    result = subprocess.run(
        [sys.executable, "-m", "vecnn.bench", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "usage: vecnn-bench" in result.stdout, result.stderr


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
    said = f"the bar: {seen[-300:]!r}\nstdout: {stdout[-600:]!r}"  # seen to end with 0 once
    assert bench_run.returncode == 130, said
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


# --- the benchmark's command line -----------------------------------------------------------


@pytest.mark.parametrize(
    "path, words",
    [("{tmp}/no/such/folder/out.json", "does not exist"), ("{tmp}", "is a folder")],
)
def test_a_bad_json_path_fails_at_once(tmp_path, path, words):
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "vecnn.bench", "--json", path.format(tmp=tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    assert time.perf_counter() - start < 30, "the path must be checked before the benchmark runs"


def test_a_closed_pipe_ends_quietly():
    """What `vecnn-bench | head -0` does: the reader is gone before the first line (the fastest
    run of the command, so that the test takes half a second)."""
    bench = subprocess.Popen(
        [sys.executable, "-m", "vecnn.bench", "--quick", "--efficiency-only"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    bench.stdout.close()
    stderr = bench.stderr.read().decode()
    bench.stderr.close()
    assert bench.wait(timeout=120) == 0
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr
