"""Exercise 5: medians of timeit runs, a verdict against a stated range, no times on the page."""

from vecnn import checks, dense, dense_loop, timing


def test_the_learner_sees_their_times_and_the_page_only_the_verdict(monkeypatch, capsys):
    monkeypatch.delenv(timing.PAGE, raising=False)
    checks.check_speed(dense_loop, dense)
    mine = capsys.readouterr().out.splitlines()
    assert mine[0].startswith("loop over the 1000 images:") and mine[0].endswith(
        ("call)", "calls)")
    )
    assert "median of 5 runs" in mine[0] and "ms" in mine[1]
    assert mine[3:] == [
        "As expected: the vectorized layer is at least 10 times faster than the loop (on most "
        "machines between 30 and 1000 times).",
        "same results: True",
    ], "the verdict on a vectorized layer, on a machine busy with other work too"

    monkeypatch.setenv(timing.PAGE, "1")
    checks.check_speed(dense_loop, dense)
    page = capsys.readouterr().out
    assert page.splitlines()[1:] == mine[3:]
    assert " ms" not in page and "times faster." not in page


def test_a_layer_that_fails_is_reported_not_raised(capsys):
    checks.check_speed(dense_loop, lambda A_in, W, B: A_in @ W @ W)
    assert capsys.readouterr().out.startswith("Not yet. Timing dense_loop and your function")
