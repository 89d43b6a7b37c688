"""Loop and vectorized agree on random layers; matmul_dots agrees with np.matmul.

Hypothesis draws random shapes (m, n, j in 1..64), dtypes (float32, float64), 1-D or 2-D input
and a (j,) or (1, j) bias. The tolerance is the textbook bound for two ways of summing the same
n products: |error| <= 2 (n + 1) eps (|A_in| @ |W| + |b|) + (n + 1) tiny, elementwise, where the
last term covers underflow (products that are subnormal, or flushed to zero by BLAS).
"""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from vecnn import dense, dense_loop, matmul_dots, sigmoid
from vecnn.arrays import float_dtype

SETTINGS = settings(
    max_examples=500,
    deadline=None,
    derandomize=True,  # the same 500 cases on every run: CI cannot flake
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def linear(z):
    return z


@st.composite
def layers(draw, max_size: int = 64):
    """A random dense layer and its input, in the shapes dense accepts."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    m, n, j = (draw(st.integers(1, max_size)) for _ in range(3))
    values = st.floats(-4, 4, width=np.finfo(dtype).bits)
    one_example = draw(st.booleans())
    A_in = draw(arrays(dtype, (n,) if one_example else (m, n), elements=values))  # (m, n) or (n,)
    W = draw(arrays(dtype, (n, j), elements=values))  # (n, j)
    b = draw(arrays(dtype, (j,), elements=values))  # (j,)
    B = b[np.newaxis, :] if draw(st.booleans()) else b  # (1, j) or (j,)
    return A_in, W, B


def bound(A_in, W, B):
    """Elementwise bound on the difference of two summation orders of A_in @ W + B."""
    info = np.finfo(np.result_type(A_in, W))
    n = W.shape[0]
    rounding = 2 * (n + 1) * info.eps * (np.abs(A_in) @ np.abs(W) + np.abs(B).reshape(-1))
    return rounding + (n + 1) * info.tiny


def test_dense_equals_dense_loop_row_by_row():
    cases = []

    @SETTINGS
    @given(layers())
    def check(layer):
        A_in, W, B = layer
        Z = dense(A_in, W, B, g=linear)  # (m, j) or (j,)
        A_out = dense(A_in, W, B)  # (m, j) or (j,)
        assert Z.shape == A_in.shape[:-1] + (W.shape[1],)
        assert Z.dtype == A_in.dtype and A_out.dtype == A_in.dtype
        for a_in, z, a_out, tol in zip(
            np.atleast_2d(A_in),
            np.atleast_2d(Z),
            np.atleast_2d(A_out),
            np.atleast_2d(bound(A_in, W, B)),
            strict=True,
        ):
            z_loop = dense_loop(a_in, W, B.reshape(-1), g=linear)  # (j,)
            assert np.all(np.abs(z - z_loop) <= tol), "pre-activations differ beyond rounding"
            # the sigmoid's slope is at most 1/4, plus its own rounding
            a_tol = tol / 4 + 4 * np.finfo(A_in.dtype).eps
            assert np.all(np.abs(a_out - dense_loop(a_in, W, B.reshape(-1))) <= a_tol)
            assert np.all(np.abs(a_out - sigmoid(z)) <= a_tol), "dense is not g(A_in @ W + B)"
        cases.append(A_in.shape)

    check()
    assert len(cases) >= 500, f"only {len(cases)} layers were checked"
    assert {len(shape) for shape in cases} == {1, 2}, "both 1-D and 2-D inputs were drawn"


def test_matmul_dots_equals_np_matmul():
    cases = []

    @SETTINGS
    @given(layers(max_size=24))
    def check(layer):
        A, W, _ = layer
        Z = matmul_dots(A, W)  # (m, j) or (j,)
        expected = np.matmul(A, W)  # (m, j) or (j,)
        assert Z.shape == expected.shape and Z.dtype == expected.dtype
        zero_bias = np.zeros(W.shape[1], W.dtype)  # (j,)
        assert np.all(np.abs(Z - expected) <= bound(A, W, zero_bias))
        cases.append(A.shape)

    check()
    assert len(cases) >= 500, f"only {len(cases)} products were checked"


# Every numeric dtype a learner might pass, with values up to its limits: both layers cast to the
# same float dtype first (float64 for bools and integers), so neither wraps around nor truncates.
DTYPES = [
    np.bool_,
    np.int8,
    np.int16,
    np.int32,
    np.int64,
    np.uint8,
    np.uint16,
    np.uint32,
    np.uint64,
    np.float16,
    np.float32,
    np.float64,
]


def elements(dtype):
    if dtype is np.bool_:
        return st.booleans()
    if np.issubdtype(dtype, np.integer):
        info = np.iinfo(dtype)
        near = st.integers(max(info.min, info.max - 3), info.max)  # the very top of the range
        return st.one_of(
            near,
            st.integers(info.min, min(info.min + 3, info.max)),
            st.integers(info.min, info.max),
        )
    return st.floats(-8, 8, width=np.finfo(dtype).bits)  # float16 overflows at 65504


@st.composite
def typed_layers(draw):
    dtype = draw(st.sampled_from(DTYPES))
    m, n, j = (draw(st.integers(0 if k == 0 else 1, 6)) for k in range(3))
    A_in = draw(arrays(dtype, (m, n), elements=elements(dtype)))  # (m, n)
    W = draw(arrays(dtype, (n, j), elements=elements(dtype)))  # (n, j)
    b = draw(arrays(dtype, (j,), elements=elements(dtype)))  # (j,)
    return A_in, W, b


def test_every_dtype_agrees_up_to_its_limits():
    seen = set()

    @settings(SETTINGS, max_examples=600)
    @given(typed_layers())
    def check(layer):
        A_in, W, b = layer
        dtype = float_dtype(A_in, W, b)
        Z = dense(A_in, W, b, g=linear)  # (m, j)
        assert Z.dtype == dtype and Z.shape == (A_in.shape[0], W.shape[1])
        floats = [x.astype(dtype) for x in (A_in, W, b)]
        tol = bound(*floats)  # (m, j)
        for a_in, z, row_tol in zip(A_in, Z, tol, strict=True):
            z_loop = dense_loop(a_in, W, b, g=linear)  # (j,)
            assert z_loop.dtype == dtype
            assert np.all(np.abs(z - z_loop) <= row_tol), (A_in.dtype, z, z_loop)
            exact = (
                [
                    sum(int(x) * int(w) for x, w in zip(a_in, col, strict=True)) + int(bj)
                    for col, bj in zip(W.T, b, strict=True)
                ]
                if A_in.dtype.kind in "biu"
                else None
            )
            if exact is not None:  # integers: no wrap-around, only float64's rounding
                assert np.all(np.abs(z_loop - np.array(exact, dtype=float)) <= row_tol)
        seen.add(A_in.dtype)

    check()
    assert seen == {np.dtype(d) for d in DTYPES}, f"not every dtype was drawn: {seen}"
