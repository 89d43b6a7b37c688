"""The network benchmark: both ways compute the same network, rows are named by sizes, and the
committed results hold the rows the pages quote."""

import json

import numpy as np

from vecnn import dense_loop, lesson
from vecnn.bench import network
from vecnn.roasts import plane


def test_the_loop_and_one_call_per_layer_compute_the_same_network():
    A_in, layers = network.digit_network(5)  # (5, 400), float32
    impls = network.contenders(A_in, layers)
    loop, calls = impls[network.LOOP](), impls[network.CALLS]()
    assert loop.shape == calls.shape == (5, 1) and calls.dtype == np.float32
    # the reference: the lecture's loop by hand, example by example, layer by layer
    for a, got in zip(A_in, loop, strict=True):
        for W, b in layers:
            a = dense_loop(a, W, b)
        np.testing.assert_array_equal(got, a)
    np.testing.assert_allclose(calls, loop, rtol=0, atol=1e-6)


def test_the_digit_network_has_the_course_s_sizes():
    A_in, layers = network.digit_network(1000)
    assert A_in.shape == (1000, 400)
    assert [W.shape for W, _ in layers] == [(400, 25), (25, 15), (15, 1)]
    assert network.DIGITS == "400→25→15→1" and network.ROASTS == "2→3→1"


def test_the_roasts_are_the_plane_of_the_figure():
    [_, _, (name, roasts, layers)] = network.cases(quick=False)
    assert name == network.ROASTS and roasts.shape == (40_000, 2)
    np.testing.assert_array_equal(roasts, (plane(200) - lesson.mu) / lesson.sigma)
    assert layers == lesson.layers


def test_a_quick_run_times_every_case_both_ways():
    rows = network.run(quick=True)
    assert [(r["network"], r["m"], r["impl"]) for r in rows] == [
        (name, m, impl)
        for name, m in [(network.DIGITS, 1), (network.DIGITS, 1000), (network.ROASTS, 2500)]
        for impl in (network.LOOP, network.CALLS)
    ]
    assert all(r["median_s"] > 0 and r["rounds"] >= 5 for r in rows)
    table = network.table(rows)
    assert "400→25→15→1" in table and "2→3→1" in table and table.count("x\n") == 2


def test_vecnn_bench_writes_the_network_rows(tmp_path, monkeypatch, capsys):
    """The command's wiring: its JSON carries the networks rows and it prints their table. The
    layer benchmark is stubbed out and the networks cut to one image, to keep this test short."""
    from vecnn.bench import cli

    monkeypatch.setattr(cli, "run", lambda *args: {"machine": cli.machine(), "results": []})
    stub = {
        dtype: {"ratio": 1.0, "mean_ratio": 1.0, "peak_memory_factor": 1.0}
        for dtype in ("float32", "float64")
    }
    monkeypatch.setattr(cli, "efficiency", lambda size, rounds: stub)
    one_image = network.cases(quick=True)[:1]
    monkeypatch.setattr(network, "cases", lambda quick: one_image)
    out = tmp_path / "results.json"
    assert cli.main(["--quick", "--json", str(out)]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["networks"]
    assert [(r["network"], r["m"], r["impl"]) for r in rows] == [
        (network.DIGITS, 1, network.LOOP),
        (network.DIGITS, 1, network.CALLS),
    ]
    assert "400→25→15→1" in capsys.readouterr().out
