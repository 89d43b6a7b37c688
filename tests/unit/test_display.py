"""show() prints arrays the same way whatever numpy's repr does."""

import numpy as np
import pytest

from vecnn import show
from vecnn.display import format_array


def test_whole_numbers_print_as_integers(capsys):
    show("z", np.array([165.0, -531.0, 900.0]))
    assert capsys.readouterr().out == "z (3,): [ 165, -531,  900]\n"


def test_two_dimensional_arrays_align_columns(capsys):
    show("Z", [[11, 17], [-11, -17]])
    assert capsys.readouterr().out == "Z (2, 2):\n[[ 11,  17],\n [-11, -17]]\n"


def test_decimals_are_chosen_or_given():
    assert format_array([1.1, 1.7]) == "[1.1, 1.7]"
    assert format_array([1.0, 1e-231, 1.0], decimals=2) == "[1.00, 0.00, 1.00]"
    assert format_array(np.float64(11.0)) == "11"


def test_no_negative_zero():
    assert format_array([-1e-20, -0.0], decimals=2) == "[0.00, 0.00]"


def test_three_dimensional_arrays_are_refused():
    with pytest.raises(ValueError, match=r"shape \(1, 1, 1\)"):
        format_array(np.zeros((1, 1, 1)))


def numpy_summary(x, decimals: int) -> str:
    """NumPy's own summary of x, with our cell format and separator, without spaces."""
    text = np.array2string(
        np.asarray(x), separator=", ", formatter={"all": lambda v: f"{v:.{decimals}f}"}
    )
    return "".join(text.split())


@pytest.mark.parametrize("shape", [(2000,), (40, 50), (1001, 1), (3, 400), (1000, 10_000)])
def test_large_arrays_are_summarised_where_numpy_summarises_them(shape):
    """The same entries, the same `...` rows and columns, as NumPy's summary: only the column
    alignment differs."""
    x = np.arange(np.prod(shape)).reshape(shape) / 4
    ours = format_array(x, decimals=2)
    assert "".join(ours.split()) == numpy_summary(x, 2)
    assert len(ours) < 2_000


def test_a_small_array_is_never_summarised():
    x = np.arange(1000.0)  # NumPy's threshold is "more than 1000 entries"
    assert "..." not in format_array(x) and format_array(x).count(",") == 999
    with np.printoptions(threshold=10, edgeitems=2):
        assert format_array(np.arange(11.0)) == "[ 0,  1, ...,  9, 10]"


def test_ten_million_entries_print_in_a_moment(capsys):
    """It used to print 30 MB; now its decimals are chosen from the entries it shows."""
    x = np.random.default_rng(0).random(10_000_000)
    show("x", x)
    out = capsys.readouterr().out
    assert out.startswith("x (10000000,): [") and len(out) < 200
    assert f"{x[0]:.4f}" in out and f"{x[-1]:.4f}" in out


@pytest.mark.parametrize(
    "decimals, error, message",
    [
        (-1, ValueError, "decimals must be 0 or more"),
        (1.5, TypeError, r"decimals must be a whole number such as 2.*got 1\.5 \(float\)"),
        (True, TypeError, r"got True \(bool\)"),
        ("2", TypeError, r"got '2' \(str\)"),
    ],
)
def test_bad_decimals_get_vecnns_own_message(decimals, error, message):
    with pytest.raises(error, match=message):
        show("x", [1.0, 2.0], decimals=decimals)


def test_decimals_accept_numpy_integers(capsys):
    show("x", [1.0, 2.0], decimals=np.int64(1))
    assert capsys.readouterr().out == "x (2,): [1.0, 2.0]\n"


@pytest.mark.parametrize(
    "x, message",
    [
        (["a", "b"], r"real numbers, but its dtype is <U1 \(for example 'a'\)"),
        (["1.5"], r"its dtype is <U3 \(for example '1\.5'\)"),
        ([None, 1.0], r"dtype is object \(for example None\)"),
        ([1 + 2j], r"dtype is complex128"),
        ([[1.0], [2.0, 3.0]], "rows have different lengths"),
    ],
)
def test_non_numbers_get_vecnns_own_message(x, message):
    with pytest.raises((TypeError, ValueError), match=message) as caught:
        show("x", x)
    assert str(caught.value).startswith("show: ")


def test_python_numbers_of_any_kind_print(capsys):
    from decimal import Decimal
    from fractions import Fraction

    show("x", [Fraction(1, 2), Decimal("0.25"), 2])
    assert capsys.readouterr().out == "x (3,): [0.50, 0.25, 2.00]\n"


def test_a_masked_array_keeps_its_mask(capsys):
    """Masked entries print as NumPy prints them, `--`, and take no part in the decimals: the
    masked 0.123456 would otherwise ask for four."""
    x = np.ma.masked_array([[1.5, 0.123456], [-2.0, 4.0]], mask=[[False, True], [False, False]])
    show("x", x)
    assert capsys.readouterr().out == "x (2, 2):\n[[ 1.5,   --],\n [-2.0,  4.0]]\n"
    assert str(x) == "[[1.5 --]\n [-2.0 4.0]]"  # NumPy's own: the same entries masked
    assert format_array(np.ma.masked) == "--"
    assert format_array(np.ma.masked_array([1.0, 2.0], mask=[True, True])) == "[--, --]"


def test_nan_and_inf_do_not_choose_the_decimals():
    assert format_array([np.nan, 1.5, np.inf]) == "[nan, 1.5, inf]"
