"""Exercise 6, a whole network: my_sequential(A_in, layers, g), each layer's output the next input.

Its steps, in the order the function computes: the chain of layers (each way of breaking it has
its own numbers on network_cases.py's first case, and its named fix), sizes that change along
the chain, and no loop over the examples.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from vecnn.activations import sigmoid
from vecnn.cases import A, Probe, close, double, linear
from vecnn.exercise import Exercise, Problem
from vecnn.learner import quote
from vecnn.network_cases import LECTURE, LECTURE_A, SQUARE, chain, run
from vecnn.trial import Trial


def _chain_mistake(t: Trial) -> Problem | None:
    """Three 2-unit layers with g(z) = 2z: each way of breaking the chain gives its own output."""
    g = Probe(2)
    reading, _ = run(t, A, SQUARE, g)
    if reading.problem:
        return reading.problem
    want = chain(A, SQUARE, [double] * 3)
    if close(reading.values, want, reading.rtol):
        return None
    got = (
        f"for A_in = {quote(A)}, three layers of 2 units and g(z) = 2z, the output should be "
        f"{quote(want)}, but it is {quote(reading.values)}"
    )
    for wrong, problem in _mistakes(got):
        if close(reading.values, wrong, reading.rtol):
            return problem
    return Problem(
        f"Check the chain: {got}. Each layer computes g of its input times its W plus its b, and "
        "its output is the next layer's input.",
        "Keep one variable for the current activations; each pass of the loop replaces it with "
        "the next layer's output.",
    )


def _mistakes(got: str) -> list[tuple[Any, Problem]]:
    """What each chain mistake computes on the first case, and its named fix."""
    g, lin, every = double, linear, "Every layer applies g to its z"
    keep = "Keep the current activations in one variable that each layer replaces."
    table = [
        (SQUARE[:1], [g], "Only the first layer was applied: {got}. The function returns "
         "after the first layer; go through every layer, and return after the loop.",
         "Put the return statement after the loop, not inside it."),
        (SQUARE[-1:], [g], "Every layer was given A_in: {got}, the last layer applied to A_in. "
         "A layer's input is the previous layer's output; only the first layer sees A_in.", keep),
        (SQUARE[::-1], [g] * 3, "The layers were applied in the wrong order, last first: {got}. "
         "Go through them in the order they are listed: the first layer takes A_in.",
         "for W, b in layers: goes through them in order."),
        (SQUARE, [lin, lin, g], "g was left out of the hidden layers: {got}. " + every + ", not "
         "only the last: without it, the layers collapse into one linear layer.",
         "Apply g inside the loop, to each layer's z."),
        (SQUARE, [lin, g, g], "g was left out of the first (hidden) layer: {got}. " + every + ".",
         "Apply g to each layer's z, including the first's."),
        (SQUARE, [g, lin, g], "g was left out of the second (hidden) layer: {got}. " + every + ".",
         "Apply g to each layer's z, in the same place for every layer."),
        (SQUARE, [g, g, lin], "g was left out of the last layer: {got}. " + every + ", the "
         "output layer's too.", "Apply g to each layer's z, the last one's included."),
        (SQUARE, [lin] * 3, "g was never applied: {got}. " + every + ".",
         "Use the argument g on every layer's z."),
        ((), [], "A_in came back unchanged: {got}. The loop over the layers never ran, or its "
         "results were not kept.", keep),
        ([(W.T, b) for W, b in SQUARE], [g] * 3, "W is used transposed: {got}. Each W has one row "
         "per input and one column per unit: the activations times W need no transpose.",
         "A @ W, with W as it is given."),
        ([(W, 0 * b) for W, b in SQUARE], [g] * 3, "The biases were left out: {got}. Each layer "
         "adds its b to its z.", "z = A @ W + b for each (W, b)."),
    ]  # fmt: skip
    return [
        (chain(A, layers, gs), Problem(message.format(got=got), hint))
        for layers, gs, message, hint in table
    ]


def _sizes_change(t: Trial) -> Problem | None:
    """The lecture's layer, then an output unit: the activations change width along the chain."""
    for g in (linear, None):
        reading, _ = run(t, LECTURE_A, LECTURE, g)
        want = chain(LECTURE_A, LECTURE, [g or sigmoid] * 2)
        if reading.problem or not close(reading.values, want, max(reading.rtol, 1e-12)):
            return reading.problem or Problem(
                f"Check the network whose first layer is the lecture's (2 inputs, 3 units) and "
                f"whose output layer has 1 unit: with g = {'sigmoid, the default' if g is None else 'z'}, "
                f"the output should be {quote(want)}, but it is {quote(reading.values)}.",
                "Use the g argument, with g=sigmoid as the default in the signature.",
            )
    return None


def _examples_loop(t: Trial) -> Problem | None:
    lines = [run(t, np.ones((m, 2)), SQUARE, linear, trace=True)[1] for m in (2, 6)]
    if all(d.finished and d.error is None for d in lines) and lines[1].lines > lines[0].lines:
        return Problem(
            f"{t.name} gives the right numbers, but it loops over the examples: it ran "
            f"{lines[1].lines} lines of Python for 6 examples against {lines[0].lines} for 2. "
            "Loop over the layers only: each layer is one matrix product for the whole batch.",
            "Inside the loop over (W, b), one product of all the activations with W.",
        )
    return None


def _errors(err: BaseException) -> Problem | None:
    text = str(err)
    if "matmul" in text or "not aligned" in text or "mismatch" in text or "broadcast" in text:
        return Problem(
            "A layer got an input that does not fit its W. Each layer's input is the previous "
            "layer's output (only the first layer takes A_in), the layers go in order, and each "
            "layer's W has one row per unit of the layer before.",
            "Keep the current activations in one variable, replaced by each layer's output.",
        )
    return None


NETWORK = Exercise(
    name="my_sequential",
    batch=True,
    first_step=Problem(
        "Step 1 is a loop over the layers, in order. The first layer takes the batch; each "
        "layer computes its dense layer (a matrix product, the bias, then g) and its output "
        "becomes the next layer's input. Return the last layer's output.",
        "Start with the activations equal to A_in. For each (W, b) in layers, replace the "
        "activations with g of (activations @ W + b). Return them after the loop.",
    ),
    product="the chain of layers",
    steps=(_chain_mistake, _sizes_change, _examples_loop),
    errors=_errors,
)
