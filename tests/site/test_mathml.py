"""TeX becomes MathML that MathML Core renders: Unicode bold, one row per matrix, stretchy braces."""

from sitebuild import mathml


def test_bold_becomes_unicode_bold_characters():
    out = mathml.mathml(r"(3 \times \mathbf{2})(\mathbf{2} \times 4)", "inline")
    assert "mathvariant" not in out
    assert out.count("\U0001d7d0") == 2  # MATHEMATICAL BOLD DIGIT TWO
    assert mathml.bold("Ab9") == "\U0001d400\U0001d41b\U0001d7d7"


def test_each_matrix_has_a_row_of_its_own():
    """So a row vector's brackets stay as tall as its row beside a column vector."""
    out = mathml.mathml(
        r"\begin{bmatrix} 1 & 2 \end{bmatrix} \begin{bmatrix} 3 \\ 4 \end{bmatrix}", "block"
    )
    assert out.count("<mrow><mo>&#x0005B;</mo><mtable>") == 2
    assert out.count("</mtable><mo>&#x0005D;</mo></mrow>") == 2


def test_underbraces_stretch():
    out = mathml.mathml(r"\underbrace{(m \times n)}_{A_{in}}", "block")
    assert '<mo stretchy="true">&#x23DF;</mo>' in out


def test_a_leading_minus_is_a_sign():
    out = mathml.mathml("[-1, 1, 2]", "inline")
    assert '<mo form="prefix" lspace="0" rspace="0">&#x02212;</mo>' in out
