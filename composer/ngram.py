"""A smoothed n-gram model over the same tokens: the floor the transformer's loss must beat.

Interpolated Witten-Bell smoothing (each order backs off to the one below by
how many different tokens followed its context), down to a unigram mixed
with the uniform distribution, so every token of the vocabulary has a
probability and a validation loss is always finite.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable


class NGram:
    def __init__(self, order: int, vocab_size: int) -> None:
        self.order, self.vocab_size = order, vocab_size
        # counts[n][context of n tokens] -> {next token: count}
        self.counts: list[dict[tuple, dict[int, int]]] = [defaultdict(lambda: defaultdict(int)) for _ in range(order)]
        self.totals: list[dict[tuple, int]] = [defaultdict(int) for _ in range(order)]

    def fit(self, sequences: Iterable[list[int]]) -> NGram:
        for ids in sequences:
            for i, token in enumerate(ids):
                for n in range(min(i, self.order - 1) + 1):
                    context = tuple(ids[i - n:i])
                    self.counts[n][context][token] += 1
                    self.totals[n][context] += 1
        self.counts = [dict(level) for level in self.counts]
        return self

    def probability(self, context: list[int], token: int) -> float:
        p = 1.0 / self.vocab_size
        for n in range(min(len(context), self.order - 1) + 1):
            key = tuple(context[len(context) - n:]) if n else ()
            followers = self.counts[n].get(key)
            if not followers:
                break  # a longer context unseen too
            total, distinct = self.totals[n][key], len(followers)
            p = (followers.get(token, 0) + distinct * p) / (total + distinct)
        return p

    def token_losses(self, ids: list[int]) -> list[float]:
        """Cross-entropy (nats) of each token given the ones before: entry i is for ids[i + 1]."""
        return [-math.log(self.probability(ids[max(0, i + 1 - self.order + 1):i + 1], ids[i + 1]))
                for i in range(len(ids) - 1)]
