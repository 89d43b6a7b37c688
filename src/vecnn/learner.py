"""Call a learner's function the way the lab does, and say what came back.

Nothing the learner's code does can break a check: it runs in a thread of its own on fresh
copies of the inputs; whatever it raises (KeyboardInterrupt aside) is handed back, not raised; a
call that never returns is stopped if Python lets us, and reported either way; and the returned
object is turned into an array in that thread too, so an `__array__` that raises or hangs is
caught like the function itself.
"""

from __future__ import annotations

import ctypes
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from vecnn import tracing

Layer = Callable[..., Any]
TIMEOUT = 5.0  # seconds a learner's function may take on the checks' tiny inputs


class _Stop(BaseException):
    """Raised inside a learner's function that ran past the timeout, to end it."""


@dataclass(frozen=True)
class Run:
    """One call of the learner's function: what it returned, or why there is nothing."""

    out: Any = None  # what the function returned
    array: np.ndarray | None = None  # the same, as NumPy reads it
    error: BaseException | None = None  # what the function raised
    unreadable: BaseException | None = None  # what reading its result as an array raised
    finished: bool = True  # False: still running after TIMEOUT seconds
    stopped: bool = False  # a call that never returned, ended by the check
    lines: int = 0  # Python lines of the learner's own code that ran (when traced)


def call(fn: Layer, args: tuple[Any, ...], trace: bool = False) -> Run:
    """fn(*args) in a thread, with TIMEOUT seconds to finish."""
    box: dict[str, Any] = {"lines": 0}

    def target() -> None:
        try:
            if trace:
                sys.settrace(tracing.counter(box))
            try:
                box["out"] = fn(*args)
            finally:
                sys.settrace(None)
        except BaseException as err:  # handed back to the checks, which explain it
            box["error"] = err
            return
        try:
            box["array"] = np.asarray(box["out"])
        except BaseException as err:  # a tensor that needs grad, a ragged list, ...
            box["unreadable"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(TIMEOUT)
    if thread.is_alive():
        return Run(finished=False, stopped=_stop(thread))
    if isinstance(box.get("error"), KeyboardInterrupt):
        raise box["error"]  # the learner pressed stop: let the kernel stop
    return Run(
        box.get("out"),
        box.get("array"),
        box.get("error"),
        box.get("unreadable"),
        lines=box["lines"],
    )


def _stop(thread: threading.Thread) -> bool:
    """Raise _Stop inside the thread (CPython only) and wait a moment: did it end?"""
    if sys.implementation.name != "cpython" or thread.ident is None:
        return False
    ident = ctypes.c_ulong(thread.ident)
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ident, ctypes.py_object(_Stop))
    thread.join(1.0)
    return not thread.is_alive()


def quote(x: Any) -> str:
    """Numbers for a message: whole numbers without decimals, others to 4 significant digits.
    Formats each number itself, so 1e300 is quoted as 1e+300, not cast to a wrong integer."""
    try:
        items = np.asarray(x, dtype=float).tolist()
    except (TypeError, ValueError, OverflowError):
        return repr(x)[:80]

    def one(v: Any) -> str:
        if isinstance(v, list):
            return "[" + ", ".join(one(u) for u in v) + "]"
        if np.isfinite(v) and abs(v) < 1e15 and v == int(v):
            return str(int(v))
        return f"{v:.4g}"

    return one(items)


def said(err: BaseException) -> str:
    """What an exception says, on one line and short, even if its __str__ misbehaves."""
    try:
        text = " ".join(str(err).split())
    except Exception:
        text = ""
    text = text if len(text) <= 160 else text[:157] + "..."
    return f"{type(err).__name__}: {text}" if text else type(err).__name__


def name_of(fn: Any) -> str:
    """The learner's name for their function."""
    try:
        name = fn.__name__
    except Exception:
        return "your function"
    return name if isinstance(name, str) and name != "<lambda>" else "your function"
