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
