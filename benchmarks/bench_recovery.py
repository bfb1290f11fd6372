"""Work lost per kill: a real editor process edits at a steady pace and is killed with SIGKILL, again and again.

    .venv/bin/python benchmarks/bench_recovery.py [--kills 8] [--interval 0.5] [--before DIR]

Each trial starts the editor (tests/app/recovery_child.py: it answers "Recover?"
with Yes, then adds a note through the undo stack every INTERVAL seconds), kills
it at a random moment 3-40 s in, and reads the recovery file the next start
would offer. The trials run in one recovery folder, so from the second on each
one first recovers the work of the one before: a second crash after a recovery
is part of the series. Work lost by a kill = the edits the process had made
(recovered ones included) that the recovery file does not hold, in seconds of
editing at that pace. With --before DIR (an older checkout, e.g. made by
`git archive COMMIT | tar -x -C DIR`) the same kill times run against that code
too, and the two are printed side by side. One JSON line per kill, then a summary.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD = REPO / "tests" / "app" / "recovery_child.py"


def pending_notes(home: Path) -> int:
    from engine.project import RecoveryStore

    store = RecoveryStore(home / "recovery")
    pending = store.pending()
    return store.load(pending[0]).song.note_count if pending else 0


def one_kill(code: Path, home: Path, interval: float, kill_after: float) -> dict:
    """Start the editor on `code`, let it edit for `kill_after` seconds, SIGKILL it, measure what survived."""
    env = dict(os.environ, CADENZA_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(code))
    child = subprocess.Popen([sys.executable, str(CHILD), "100000", str(interval)], cwd=code, env=env,
                             stdout=subprocess.PIPE, text=True)
    made = 0
    try:
        line = child.stdout.readline()
        while line and not line.startswith("ready "):  # a library's own stdout line (pyfluidsynth's, when CI is set)
            line = child.stdout.readline()
        if not line:
            raise RuntimeError("the editor process ended before it was ready")
        words = line.split()
        recovered = int(words[1])
        made = recovered
        deadline = time.monotonic() + kill_after
        os.set_blocking(child.stdout.fileno(), False)
        while time.monotonic() < deadline:
            for line in child.stdout:
                if line.startswith("edit"):
                    made = int(line.split()[1])
            time.sleep(0.01)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    for line in child.stdout:  # edits reported just before the kill
        if line.startswith("edit"):
            made = int(line.split()[1])
    child.stdout.close()
    kept = pending_notes(home)
    lost = max(0, made - kept)
    return {"recovered_at_start": recovered, "edits_made": made, "in_recovery": kept, "edits_lost": lost,
            "seconds_lost": round(lost * interval, 1), "killed_after_s": round(kill_after, 1)}


def series(code: Path, kill_times: list[float], interval: float, label: str) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-recovery-") as home:
        for number, kill_after in enumerate(kill_times, 1):
            result = {"code": label, "kill": number, **one_kill(code, Path(home), interval, kill_after)}
            print(json.dumps(result), flush=True)
            results.append(result)
    return results


def summary(results: list[dict]) -> dict:
    lost = [r["seconds_lost"] for r in results]
    return {"kills": len(lost), "mean_s_lost": round(statistics.mean(lost), 1), "max_s_lost": max(lost),
            "kills_losing_work": sum(1 for s in lost if s > 0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=8)
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between edits")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--before", type=Path, help="an older checkout to measure with the same kill times")
    args = parser.parse_args()
    kill_times = [random.Random(args.seed + k).uniform(3, 40) for k in range(args.kills)]
    rows = {}
    if args.before:
        rows["before"] = summary(series(args.before.resolve(), kill_times, args.interval, "before"))
    rows["after"] = summary(series(REPO, kill_times, args.interval, "after"))
    print(json.dumps({"summary": rows, "interval_s": args.interval}))


if __name__ == "__main__":
    main()
