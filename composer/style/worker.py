"""Learning a style in a process of its own, for the editor: messages out through a queue, cancel in by an event.

Why a process and not a thread: learning keeps both cores busy for minutes,
and building training examples is plain Python that holds the GIL; in a
thread of the editor's process that would stall its event loop for the
whole run. A spawned process (never forked from a Qt process with threads)
at a lower priority (nice +5) leaves the editor's thread its core; the delay
of the editor's event loop while a style is learned is measured by
benchmarks/bench_learn_style.py (docs/STYLES.md).

Messages are plain values, so the editor unpickles them without importing
torch: ("progress", dict of composer.style.learn.Progress), then exactly one
of ("done", {"summary", "stats", "skipped"}), ("cancelled", None) or
("failed", one line).
"""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import asdict


def learn_in_process(folder: str, name: str, base: str | None, data_folder: str | None, settings: dict | None,
                     messages, cancel) -> None:
    """The child process's work (see the module docstring); `settings`: LearnSettings fields to change."""
    try:
        os.nice(5)
    except OSError:
        pass
    from composer.style.learn import LearnSettings, StyleCancelled, learn_style
    from engine.errors import CadenzaError

    try:
        result = learn_style(folder, name, base, data_folder, LearnSettings(**(settings or {})),
                             lambda report: messages.put(("progress", asdict(report))), cancel.is_set)
    except StyleCancelled:
        messages.put(("cancelled", None))
    except CadenzaError as error:
        messages.put(("failed", str(error)))
    except Exception as error:  # noqa: BLE001 - anything else still ends as one line for the user
        first = (str(error).strip().splitlines() or [""])[0]
        messages.put(("failed", f"{type(error).__name__}: {first}"[:300]))
    else:
        messages.put(("done", {"summary": result.summary(), "stats": result.style.stats,
                               "skipped": [list(s) for s in result.skipped]}))


def start(folder: str, name: str, base: str | None, data_folder: str | None, settings: dict | None = None):
    """(process, message queue, cancel event): the learning started in a spawned process."""
    context = multiprocessing.get_context("spawn")
    messages, cancel = context.Queue(), context.Event()
    process = context.Process(target=learn_in_process, name="cadenza-learn-style",
                              args=(folder, name, base, data_folder, settings, messages, cancel), daemon=True)
    process.start()
    return process, messages, cancel
