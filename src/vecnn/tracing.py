"""Count the lines of Python a learner's own code runs, to tell a loop from one matrix product."""

from __future__ import annotations

import sysconfig
from pathlib import Path
from types import FrameType
from typing import Any

import numpy as np

# Code that is not the learner's: Python's own library, installed packages, and vecnn.
_PLACES = {
    *(sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")),
    str(Path(np.__file__).parent),
    str(Path(__file__).parent),
}
_THEIRS = tuple(sorted(_PLACES | {str(Path(p).resolve()) for p in _PLACES}))


def counter(box: dict[str, Any]) -> Any:
    """A trace function that counts the lines run in the learner's own code.

    The count does not depend on the data's size for code without a Python loop over it, so
    comparing two sizes tells a loop from one matrix product, on a busy machine as on a quiet one.
    """
    mine: dict[str, bool] = {}

    def line(frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line":
            box["lines"] += 1
        return line

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        name = frame.f_code.co_filename
        if name not in mine:
            mine[name] = not (name.startswith("<frozen") or str(name).startswith(_THEIRS))
        return line if mine[name] else None

    return on_call
