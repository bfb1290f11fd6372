"""How fast the audit's absurd files are refused, beside a real song opening: seconds and peak memory each.

    .venv/bin/python benchmarks/bench_limits.py

Each file is read in a fresh process (so peak RSS is that file's alone), through
engine.files.open_song_file: the path the editor, convert, render and generate share.
Prints one JSON line per file: outcome (the one-line refusal, or what opened),
seconds, peak RSS in MB.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "engine"))

PROBE = """
import json, resource, sys, time
from engine.errors import CadenzaError
from engine.files import open_song_file
started = time.perf_counter()
try:
    song = open_song_file(sys.argv[1])[0].song
    outcome = f"opened: {len(song.tracks)} tracks, {song.note_count} notes, {song.bar_count()} bars"
except CadenzaError as error:
    outcome = str(error).split(": ", 1)[1]
seconds = time.perf_counter() - started
print(json.dumps({"outcome": outcome, "seconds": round(seconds, 4),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def main() -> None:
    from absurd_files import absurd_files

    with tempfile.TemporaryDirectory() as folder:
        files = [path for path, _ in absurd_files(Path(folder))]
        files.append(REPO / "tests" / "data" / "midi" / "pop909_001.mid")  # the baseline: a real song
        for path in files:
            result = subprocess.run([sys.executable, "-c", PROBE, str(path)], cwd=REPO, capture_output=True,
                                    text=True, check=True, env={"PYTHONPATH": str(REPO), "PATH": ""})
            print(json.dumps({"file": path.name, "bytes": path.stat().st_size, **json.loads(result.stdout)}))


if __name__ == "__main__":
    main()
