"""Which lane's fill each token of an encoded example belongs to, by the lane's role.

Shared by training (per-role validation losses in metrics.jsonl) and
`composer.evaluate` (per-role held-out losses). The layout read
(`composer.tokens.encode`): `BOS METER KEY TEMPO [STYLE_x]`, then the lanes
(`TRK_CHORDS`, `TRK_i ROLE_r` pairs), the context, `SEP`, and fills that each
start `BAR_k TRK_x` and end `FILL_END`.
"""
from __future__ import annotations

from composer.tokens.vocab import ROLES, VOCAB

SEP, FILL_END, TRK_CHORDS, BOS = VOCAB.id("SEP"), VOCAB.id("FILL_END"), VOCAB.id("TRK_CHORDS"), VOCAB.id("BOS")
FILL_ROLES = (*ROLES, "chord_lane")  # every value fill_roles gives a fill token


def fill_roles(ids: list[int]) -> list[str | None]:
    """For each token of one example, the role of the lane whose fill it belongs to (None for the context)."""
    i = 4  # after BOS METER KEY TEMPO: an optional STYLE token, then the lanes
    while i < len(ids) and VOCAB.group_of(ids[i]) == "STYLE":
        i += 1
    lane_roles = {}
    while i < len(ids) and (ids[i] == TRK_CHORDS or VOCAB.group_of(ids[i]) == "TRK"):
        if ids[i] == TRK_CHORDS:
            lane_roles[ids[i]], i = "chord_lane", i + 1
        else:
            lane_roles[ids[i]], i = VOCAB.name(ids[i + 1]).removeprefix("ROLE_"), i + 2
    roles: list[str | None] = [None] * len(ids)
    role = None
    for j in range(ids.index(SEP) + 1, len(ids)):
        if ids[j - 1] in (SEP, FILL_END):
            role = lane_roles[ids[j + 1]]
        roles[j] = role
    return roles


def packed_fill_roles(tokens: list[int]) -> list[str | None]:
    """fill_roles over a packed training sequence: whole examples, each starting with BOS, then padding."""
    starts = [i for i, token in enumerate(tokens) if token == BOS] + [len(tokens)]
    roles: list[str | None] = [None] * starts[0]
    for start, end in zip(starts, starts[1:]):
        example = tokens[start:end]
        if SEP in example:
            sep = example.index(SEP)
            last = max((i for i, t in enumerate(example) if t == FILL_END), default=sep)
            roles += fill_roles(example[:last + 1]) + [None] * (len(example) - last - 1)  # padding after
        else:
            roles += [None] * len(example)
    return roles
