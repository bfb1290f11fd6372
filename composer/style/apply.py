"""A learned style as a model proposals decode with: the adapter merged into a copy of the base weights, once.

The merged model has the base model's exact shape, so it is quantized to int8
like the shipped one (composer.proposals.loader) and a proposal with a style
costs what one without costs (measured in docs/STYLES.md). It is kept in a
process-wide cache keyed by the base file and the style file (path, size,
modification time): the first proposal with a style pays for the merge (well
under a second), the next ones nothing; a relearned style is picked up.
"""
from __future__ import annotations

import threading
import time
from os import PathLike
from pathlib import Path

from composer.checkpoint import load_model as load_checkpoint
from composer.proposals.loader import DEFAULT_CHECKPOINT, LoadedModel, quantize
from composer.style.adapter import merged_state
from composer.style.store import Style, StyleError, find_style
from composer.tokens.vocab import STYLES

_cache: dict[tuple, LoadedModel] = {}
_lock = threading.Lock()


def _stamp(path: Path) -> tuple:
    stat = path.stat()
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


def styled_model(style: Style | str, base: str | PathLike[str] | None = None,
                 folder: str | PathLike[str] | None = None, quantized: bool = True) -> LoadedModel:
    """The base model (default: the shipped one) with `style` (a Style, or a name in the data folder
    `folder`) merged in. StyleError (one line) when the style is missing, broken or learned on another base."""
    base = Path(base) if base is not None else DEFAULT_CHECKPOINT
    if isinstance(style, str):
        style = find_style(style, folder)
    style.check_base(base)
    key = (_stamp(base), _stamp(style.path) if style.path is not None else id(style), quantized)
    with _lock:
        if key not in _cache:
            _cache[key] = merge(base, style, quantized)
        return _cache[key]


def merge(base: str | PathLike[str], style: Style, quantized: bool = True) -> LoadedModel:
    """Build the styled model (no cache, no hash check: the learner measures a style before it is saved)."""
    started = time.perf_counter()
    model, info = load_checkpoint(base)
    try:
        state = merged_state(model.state_dict(), style.adapter["kind"], style.weights, style.adapter.get("alpha", 16.0))
        model.load_state_dict(state)
    except (ValueError, KeyError, RuntimeError) as error:
        raise StyleError(f"style {style.name!r} does not fit the composer model ({str(error)[:120]})") from None
    model.requires_grad_(False)
    if quantized:
        model = quantize(model)
    info = {**info, "weights": "int8-dynamic" if quantized else "fp32", "style": style.name}
    return LoadedModel(model, info, style.path or Path(base), time.perf_counter() - started)


def clear_cache() -> None:
    with _lock:
        _cache.clear()



def style_choice(name: str | None, base: str | PathLike[str] | None = None,
                 folder: str | PathLike[str] | None = None):
    """(the STYLE token to say, the model to decode with) for a `--style NAME` value: a built-in style
    (pop, folk, ...: composer.tokens.vocab.STYLES) is said to the base model as before; any other name is a
    learned style, merged into the base (StyleError, one line, when there is none of that name)."""
    if name is None or name in STYLES:
        return name, base
    return None, styled_model(name, base, folder)
