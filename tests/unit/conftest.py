"""The unit tests' one fixture: the lecture's layer."""

from __future__ import annotations

import numpy as np
import pytest

from vecnn import lesson


@pytest.fixture
def lecture() -> dict[str, np.ndarray]:
    """The layer from the lecture: x = [200, 17], three sigmoid units (fresh copies)."""
    return {"x": lesson.x.copy(), "W": lesson.W.copy(), "b": lesson.b.copy()}
