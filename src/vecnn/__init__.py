"""vecnn: how a neural network's dense layer is implemented efficiently, from a loop to matmul."""

from importlib.metadata import version

from vecnn.activations import sigmoid
from vecnn.display import show
from vecnn.layer import dense, dense_loop
from vecnn.matmul import dot_loop, matmul_dots
from vecnn.network import sequential

__all__ = ["dense", "dense_loop", "dot_loop", "matmul_dots", "sequential", "show", "sigmoid"]
__version__ = version("vecnn")  # one source: pyproject.toml
