"""The sigmoid: within a few units in the last place of a high-precision reference, everywhere.

The references never share code with vecnn: exact decimal arithmetic with 50 digits, NumPy's
own float64 (29 bits more than float32 and 42 more than float16), and np.longdouble.
"""

import os
import signal
import threading
import time
import warnings
from decimal import Decimal, localcontext

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from threadpoolctl import threadpool_info

from vecnn import dense, sigmoid
from vecnn.activations import BLOCK_BYTES, SMALL

DTYPES = [np.float16, np.float32, np.float64]
LIMIT = {np.float16: 2, np.float32: 4, np.float64: 4}  # the promise, in ULP
PROOF = settings(max_examples=200, deadline=None, derandomize=True)


def exact(z: float) -> Decimal:
    """1 / (1 + e^-z) to 50 significant digits."""
    if z < -1000:  # below every float64 subnormal: the answer rounds to 0 in every dtype
        return Decimal(0)
    if z > 1000:
        return Decimal(1)
    with localcontext() as ctx:
        ctx.prec = 50
        return 1 / (1 + (-Decimal(float(z))).exp())


def reference(z: np.ndarray) -> np.ndarray:
    """The true sigmoid of every entry: float64 for float16 and float32 z, else longdouble."""
    if z.dtype != np.float64:
        wide = z.astype(np.float64)
    elif np.finfo(np.longdouble).nmant >= 63:  # x86's 80-bit long double: 11 bits more
        wide = z.astype(np.longdouble)
    else:  # test_exact_decimal_spot_checks still runs there
        pytest.skip("a float64 reference needs an 80-bit long double")
    with np.errstate(over="ignore"):  # exp(-z) = inf below z = -709: 1 / inf = 0
        return 1 / (1 + np.exp(-wide))


def ulp_errors(s: np.ndarray, z: np.ndarray) -> np.ndarray:
    """|s - sigmoid(z)| in units in the last place of the true value, where it is normal.

    Where the true value is below the smallest normal number, s must be too (it may be 0).
    """
    info = np.finfo(z.dtype)
    true = reference(z)
    normal = true >= float(info.smallest_normal)
    assert np.all(s[~normal] <= info.smallest_normal), "a tiny true value gave a large result"
    true = true[normal]
    _, exponent = np.frexp(np.asarray(true, dtype=np.float64))  # true = f * 2**exponent
    ulp = np.ldexp(1.0, exponent - 1 - info.nmant)
    diff = np.abs(s[normal].astype(true.dtype) - true)
    return np.append(np.asarray(diff / ulp, dtype=np.float64), 0.0)  # 0: none was normal


def both_paths(z: np.ndarray) -> list[np.ndarray]:
    """z as given, and z repeated past two blocks, so the blocked, threaded path runs too."""
    return [z, np.resize(z, 2 * BLOCK_BYTES // 4 + 7)]  # float16 is worked on in float32


def every_kind_of(dtype, n: int) -> np.ndarray:
    """n numbers drawn uniformly from the dtype's bit patterns: every binade, tiny to huge."""
    info = np.iinfo(np.dtype(f"u{np.dtype(dtype).itemsize}"))
    bits = np.random.default_rng(26).integers(0, info.max, size=n, dtype=info.dtype, endpoint=True)
    z = bits.view(dtype)
    return z[np.isfinite(z)]


# --- Accuracy over the whole range of every dtype --------------------------------------------


def test_float16_every_value():
    """All 63,488 finite float16 numbers, through both paths: within 2 ULP (in fact 0.5)."""
    z = np.arange(1 << 16, dtype=np.uint16).view(np.float16)
    z = z[np.isfinite(z)]
    small = np.concatenate([sigmoid(part) for part in np.array_split(z, len(z) // SMALL + 1)])
    for s in [small, sigmoid(np.resize(z, 2 * BLOCK_BYTES))[: len(z)]]:
        assert s.dtype == np.float16
        assert ulp_errors(s, z).max() <= 0.5 + 2**-10


@pytest.mark.parametrize("dtype", DTYPES)
def test_within_the_ulp_limit_over_the_whole_range(dtype):
    """hypothesis draws small arrays (the few-numbers path) from every finite value."""

    @PROOF
    @given(arrays(dtype, st.integers(1, 50), elements=finite(dtype)))
    def check(z):
        s = sigmoid(z)  # pytest turns any warning into an error
        assert s.dtype == dtype
        assert np.all((s >= 0) & (s <= 1))
        assert ulp_errors(s, z).max() <= LIMIT[dtype]

    check()


@pytest.mark.parametrize("dtype", DTYPES)
def test_within_the_ulp_limit_in_blocks_over_the_whole_range(dtype):
    """Half a million random bit patterns at once: the blocked path, on every core."""
    z = every_kind_of(dtype, 500_000)
    s = sigmoid(z)
    assert s.dtype == dtype
    assert np.all((s >= 0) & (s <= 1))
    assert ulp_errors(s, z).max() <= LIMIT[dtype]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_within_the_ulp_limit_on_a_dense_grid(dtype):
    """Every z from -750 to 40, 400,000 of them: where the old tanh form cancelled to 0."""
    rng = np.random.default_rng(21)
    z = np.concatenate([np.linspace(-750, 40, 200_000), rng.uniform(-90, 20, 200_000)])
    z = z.astype(dtype)
    for part in [z[:SMALL], z[SMALL : 6 * SMALL], z]:  # a few numbers, one block, many blocks
        assert ulp_errors(sigmoid(part), part).max() <= LIMIT[dtype]


def test_exact_decimal_spot_checks():
    """Against 50-digit decimal arithmetic, where float64 used to give 0."""
    z = np.array([-745.0, -709.0, -700.0, -100.0, -40.0, -37.0, -20.0, -1.0, -1e-300, 0.0, 2.0])
    for s in [sigmoid(z), sigmoid(np.resize(z, 2 * BLOCK_BYTES))[: len(z)]]:
        for value, zi in zip(s, z, strict=True):
            true = exact(zi)
            if true >= Decimal(float(np.finfo(np.float64).smallest_normal)):
                ulp = Decimal(float(np.spacing(float(true))))
                assert abs(Decimal(float(value)) - true) <= 4 * ulp, zi
    assert np.log(sigmoid(-40.0)) == pytest.approx(-40.0, rel=1e-12)  # not -inf any more


@pytest.mark.parametrize("dtype", DTYPES)
def test_dense_default_path_is_as_accurate(dtype):
    """dense(z as a column, W = [[1]], b = [0]) is sigmoid(z): the same bound, both paths."""
    z = np.linspace(-120 if dtype != np.float16 else -12, 40, 20_000).astype(dtype)
    W, b = np.ones((1, 1), dtype), np.zeros(1, dtype)
    for m in [3, SMALL, len(z)]:  # one example's worth, the few-numbers path, the blocks
        part = np.resize(z, m)
        for zz in [part, np.resize(part, 2 * BLOCK_BYTES // part.itemsize + 1)]:
            A_out = dense(zz[:, None], W, b)  # (m, 1)
            assert A_out.dtype == dtype
            assert ulp_errors(A_out[:, 0], zz).max() <= LIMIT[dtype]


# --- Behaviour -------------------------------------------------------------------------------


def finite(dtype):
    return st.floats(allow_nan=False, allow_infinity=False, width=np.finfo(dtype).bits)


def test_known_values():
    assert sigmoid(0) == 0.5
    np.testing.assert_allclose(sigmoid([-2.0, 2.0]), [0.11920292202211755, 0.8807970779778823])


def test_lecture_z_values():
    s = sigmoid([165, -531, 900])
    assert s[0] == 1 and s[2] == 1
    assert s[1] == pytest.approx(float(exact(-531)), rel=1e-15)  # 1.2e-231, not 0


@pytest.mark.parametrize("dtype", DTYPES)
def test_dtype_is_kept(dtype):
    assert sigmoid(np.zeros(3, dtype)).dtype == dtype
    assert sigmoid(np.zeros(SMALL + 1, dtype)).dtype == dtype


def test_integers_and_python_scalars_give_float64():
    assert sigmoid(np.array([1, 2])).dtype == np.float64
    assert sigmoid(np.array([True, False])).dtype == np.float64
    assert isinstance(sigmoid(3), np.float64)
    assert isinstance(sigmoid(3.0), np.float64)


def test_shape_is_kept():
    assert sigmoid(np.zeros((4, 5))).shape == (4, 5)
    assert sigmoid(np.zeros((300, 2, 300))).shape == (300, 2, 300)
    assert np.ndim(sigmoid(1.0)) == 0


@pytest.mark.parametrize("n", [3, 2 * BLOCK_BYTES // 8 + 5])
def test_out_argument_writes_in_place(n):
    z = np.linspace(-30, 30, n)  # (n,)
    expected = sigmoid(z)
    result = sigmoid(z, out=z)
    assert result is z
    np.testing.assert_array_equal(z, expected)


def test_out_may_be_a_strided_view():
    z = np.linspace(-30, 30, 2 * BLOCK_BYTES)  # (N,)
    out = np.zeros((2, len(z)))[1]
    result = sigmoid(z, out=out[::-1])  # a view with a negative stride
    assert result.base is out.base
    np.testing.assert_array_equal(result, sigmoid(z))


@pytest.mark.parametrize("dtype", DTYPES)
def test_extremes_give_0_and_1(dtype):
    big = np.finfo(dtype).max
    z = np.array([-np.inf, -big, 531, big, np.inf], dtype)  # pytest turns any warning into an error
    for zz in both_paths(z):
        s = sigmoid(zz)[:5]
        np.testing.assert_array_equal(s, np.array([0, 0, 1, 1, 1], dtype))


@pytest.mark.parametrize("dtype", DTYPES)
def test_nan_propagates(dtype):
    for z in both_paths(np.array([np.nan, 0], dtype)):
        s = sigmoid(z)
        assert np.isnan(s[0]) and s[1] == 0.5


@pytest.mark.parametrize("dtype", DTYPES)
def test_symmetric_and_monotone(dtype):
    """s(-z) = 1 - s(z) to within one machine epsilon, and s never decreases."""

    @PROOF
    @given(arrays(dtype, 30, elements=finite(dtype)))
    def check(z):
        s, mirror = sigmoid(np.sort(z)), sigmoid(-np.sort(z))
        np.testing.assert_allclose(mirror, 1 - s, rtol=0, atol=np.finfo(dtype).eps)
        assert np.all(np.diff(s) >= 0), "the sigmoid must never decrease"

    check()
    z = np.sort(every_kind_of(dtype, 2 * BLOCK_BYTES // 4 + 7))  # the blocked path
    s, mirror = sigmoid(z), sigmoid(-z)
    np.testing.assert_allclose(mirror, 1 - s, rtol=0, atol=np.finfo(dtype).eps)
    assert np.all(np.diff(s) >= 0), "the sigmoid must never decrease"


def test_the_naive_formula_overflows_where_the_package_does_not():
    """The lecture's z = -531 overflows exp in float32; the package gives 0 and no warning."""
    z = np.float32(-531)
    with pytest.warns(RuntimeWarning, match="overflow encountered in exp"):
        naive = 1 / (1 + np.exp(-z))
    assert naive == 0
    assert sigmoid(z) == 0  # the true value, 1.2e-231, is far below float32's smallest number


def worst_errors() -> dict[str, float]:
    """The worst error in ULP per dtype on the sample of the block on "How fast is it?", called
    on the whole sample and on it in 200 parts (the small arrays' path)."""
    rng = np.random.default_rng(21)
    every_float16 = np.arange(1 << 16, dtype=np.uint16).view(np.float16)
    samples = {
        "float16": every_float16[np.isfinite(every_float16)],
        "float32": rng.uniform(-90, 20, 400_000).astype(np.float32),
        "float64": rng.uniform(-750, 40, 400_000),
    }
    worst = {}
    for name, z in samples.items():
        few = np.concatenate([sigmoid(part) for part in np.array_split(z, 200)])
        worst[name] = float(max(ulp_errors(sigmoid(z), z).max(), ulp_errors(few, z).max()))
    return worst


def test_the_worst_error_on_the_pages_sample_is_within_the_promise():
    """(tests/site/test_committed_numbers.py checks that the pages quote these numbers.)"""
    for name, worst in worst_errors().items():
        assert worst <= LIMIT[np.dtype(name).type], (name, worst)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_starts_worker_threads_of_its_own():
    """A child forked after the pool started would wait forever on the parent's threads."""
    z = np.linspace(-5, 5, 2 * BLOCK_BYTES)  # the blocked path: the worker threads start
    expected = sigmoid(z)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: forking with threads
        pid = os.fork()
    if pid == 0:  # the child: no pytest from here on
        os._exit(0 if np.array_equal(sigmoid(z), expected) else 1)
    for _ in range(300):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            assert os.waitstatus_to_exitcode(status) == 0, "the child computed something else"
            return
        time.sleep(0.1)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    pytest.fail("the forked child hung in sigmoid")


# --- the speed page's account of the worker threads -----------------------------------------

MANY_CORES = hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1


@pytest.mark.skipif(not MANY_CORES, reason="pinning needs Linux and two cores or more")
def test_each_worker_thread_is_pinned_to_a_core_of_its_own():
    sigmoid(np.zeros(4 * BLOCK_BYTES // 8))  # the blocked path: the worker threads start
    workers = [t for t in threading.enumerate() if t.name.startswith("vecnn-sigmoid")]
    cores = [os.sched_getaffinity(t.native_id or 0) for t in workers]
    assert workers and all(len(core) == 1 for core in cores), cores
    assert len(set().union(*cores)) == len(workers), cores  # no two on one core
    assert set().union(*cores) <= os.sched_getaffinity(0)


def blas_threads() -> int:
    return sum(i["num_threads"] for i in threadpool_info() if i["internal_api"] == "openblas")


@pytest.mark.skipif(blas_threads() < 2, reason="the page's claim is about a threaded OpenBLAS")
def test_openblas_threads_keep_spinning_after_a_product():
    """The page: right after a product, OpenBLAS's threads keep spinning for a while, waiting
    for the next one. While this thread sleeps, the process still uses CPU time."""
    A = np.ones((512, 512))  # (m, n): large enough for OpenBLAS to use its threads
    A @ A  # (m, m)
    start = time.process_time()  # CPU time of every thread of the process
    time.sleep(0.1)
    busy = time.process_time() - start
    assert busy > 0.01, f"{busy * 1e3:.1f} ms of CPU time while the caller slept for 100 ms"


# --- sigmoid checks its arguments -----------------------------------------------------------


@pytest.mark.parametrize(
    "z, error, words",
    [
        (1 + 2j, TypeError, "z must hold real numbers, but it has dtype complex128"),
        ("0.5", TypeError, "z must hold real numbers, but it has dtype <U3"),
        (None, TypeError, "z must hold real numbers, but it has dtype object"),
        ([[1, 2], [3]], ValueError, "z is a ragged list: z[1] has 1 entry where z[0] has 2"),
        (np.array([1, None], dtype=object), TypeError, "dtype object"),
    ],
)
def test_sigmoid_refuses_what_is_not_real_numbers(z, error, words):
    with pytest.raises(error) as err:
        sigmoid(z)
    assert words in str(err.value) and "Hint:" in str(err.value)


@pytest.mark.parametrize(
    "out, error, words",
    [
        (np.zeros((2, 3)), ValueError, "out has shape (2, 3) but z has shape (3,)"),
        (np.zeros(3, dtype=int), TypeError, "it is an array of dtype int64"),
        ([0.0, 0.0, 0.0], TypeError, "but it is list"),
    ],
)
def test_sigmoid_checks_out(out, error, words):
    with pytest.raises(error) as err:
        sigmoid(np.zeros(3), out=out)
    assert words in str(err.value)


def test_sigmoid_in_place_still_works():
    z = np.array([0.0, 2.0])  # (2,)
    assert sigmoid(z, out=z) is z and z[0] == 0.5
