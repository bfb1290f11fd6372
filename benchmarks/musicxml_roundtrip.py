"""Round trip: MusicXML -> Cadenza -> MusicXML over the OpenScore corpora, checked note for note.

    .venv/bin/python benchmarks/musicxml_roundtrip.py [--corpus lieder,quartets,orchestra] [--limit N]
        [--jobs J] [--out results.jsonl] [--datasets DIR] [FILE ...]

For every score (orchestra: the full scores, not the *_melody.mxl themes) two checks:

1. Reading, against music21 (the independent reader): our import with repeats
   kept folded and cue notes played (music21 plays them) must give every part
   exactly music21's sounding-pitch notes (engine.musicxml_import.reference
   says how graces, ties and staccato are read alike), compared as onsets,
   pitches and durations in quarter notes.
2. Round trip: our import as the editor opens it (repeats unfolded) is written
   as MusicXML by our exporter and read back; every part's notes, the meters,
   key signatures, tempo marks (BPM to 0.01) and chord symbols must be equal.
   Drum parts are not exported (engine/musicxml.py says why) and are left out
   of this comparison, said in the file's line.

A file is exact when both hold. Prints one line per file as it goes (appended
to --out as JSON Lines, so a long run can be resumed with the same --out),
then per corpus: files, exact, and the files that are not, with why.
music21 takes 0.3-20 s a score, so the full corpus (about 1,700 scores) takes
hours on 2 cores: --limit N takes N evenly spaced files of each corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from fractions import Fraction
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from engine.errors import CadenzaError  # noqa: E402
from engine.musicxml import export_musicxml  # noqa: E402
from engine.musicxml_import import import_musicxml, measures  # noqa: E402
from engine.musicxml_import.reference import music21_reading, song_parts  # noqa: E402

DEFAULT_DATASETS = (Path(__file__).resolve().parents[1] / ".." / "shared" / "datasets").resolve()
CORPORA = {"lieder": "openscore-lieder/musicxml", "quartets": "openscore-stringquartets/musicxml",
           "orchestra": "openscore-orchestra/musicxml"}


def corpus_files(datasets: Path, corpus: str, limit: int | None) -> list[Path]:
    files = sorted(p for p in (datasets / CORPORA[corpus]).rglob("*.mxl") if not p.stem.endswith("_melody"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def part_differences(expected, actual, label: str) -> list[str]:
    """One line per part whose notes differ: counts and the first notes only one side has."""
    lines = []
    if len(expected) != len(actual):
        lines.append(f"{label}: {len(expected)} parts vs {len(actual)}")
    for (name, want), (_, got) in zip(expected, actual):
        if want != got:
            missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
            lines.append(f"{label} part {name!r}: {len(want)} vs {len(got)} notes; only {label.split()[0]}: "
                         f"{_show(missing)}; only ours: {_show(extra)}")
    return lines


def _show(rows) -> str:
    return ", ".join(f"{float(o):g}q p{p} d{float(d):g}" for o, p, d in rows[:2]) or "-"


def song_maps(song) -> dict:
    tpq = song.ticks_per_quarter
    q = lambda tick: Fraction(tick, tpq)  # noqa: E731
    return {"meters": [(q(m.tick), m.numerator, m.denominator) for m in song.meters],
            "keys": [(q(k.tick), k.key) for k in song.keys],
            "tempos": [(q(t.tick), round(t.bpm, 2)) for t in song.tempos],
            "chords": [(q(c.tick), c.chord) for c in song.chords]}


def check(path: Path) -> dict:
    warnings.simplefilter("ignore")
    start = time.perf_counter()
    result = {"file": str(path), "exact": False, "why": []}
    try:
        folded = import_musicxml(path, unfold=False, play_cues=True)
        tpq = folded.song.ticks_per_quarter
        reading = music21_reading(path, [Fraction(s, tpq) for s in folded.measure_starts])
        why = part_differences(reading.parts, song_parts(folded.song), "music21")
        if why and not part_differences(reading.parts, song_parts(_without_tied_notation(path)), "music21"):
            why = [f"ties written only as <tied> (on cue notes), which music21 does not read: {why[0]}"]
        elif why and reading.layout:
            why.append(f"music21 lays out {len(reading.layout)} measure(s) unlike us, e.g. {reading.layout[0]}")
        result["notes"] = folded.song.note_count
        result["parts"] = len(folded.song.tracks)
        result["why"] += why
        result["why"] += round_trip(path)
    except CadenzaError as error:
        result["why"].append(f"error: {error}")
    except Exception as error:  # music21 failing on a file is a result too, not a crash of the run
        result["why"].append(f"error: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
    result["exact"] = not result["why"]
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


def _without_tied_notation(path: Path):
    """Our folded reading with ties read from `<tie>` alone, as music21 reads them."""
    measures.READ_TIED_NOTATION = False
    try:
        return import_musicxml(path, unfold=False, play_cues=True).song
    finally:
        measures.READ_TIED_NOTATION = True


def round_trip(path: Path) -> list[str]:
    opened = import_musicxml(path).song
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "roundtrip.musicxml"
        skipped = export_musicxml(opened, out)
        again = import_musicxml(out).song
    pitched = opened.with_(tracks=tuple(t for t in opened.tracks if not t.is_drums))
    why = part_differences(song_parts(pitched), song_parts(again), "import")
    before, after = song_maps(opened), song_maps(again)
    why += [f"{name} differ: {len(before[name])} vs {len(after[name])}, first difference "
            f"{next((b, a) for b, a in zip(before[name] + [None], after[name] + [None]) if b != a)}"
            for name in before if before[name] != after[name]]
    if skipped and not why:
        return []
    return why + ([f"(drum parts not exported: {', '.join(skipped)})"] if why and skipped else [])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--corpus", default="lieder,quartets,orchestra")
    parser.add_argument("--limit", type=int, help="evenly spaced files per corpus (default: all)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path, help="JSON Lines results; files already in it are not checked again")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args()
    todo = [(("files", f)) for f in args.files] or [
        (corpus, f) for corpus in args.corpus.split(",") for f in corpus_files(args.datasets, corpus, args.limit)]
    done = {}
    if args.out and args.out.exists():
        for line in args.out.read_text().splitlines():
            row = json.loads(line)
            done[row["file"]] = row
    corpus_of = {str(f): c for c, f in todo}
    pending = [f for _, f in todo if str(f) not in done]
    with Pool(args.jobs, maxtasksperchild=20) as pool, (open(args.out, "a") if args.out else open("/dev/null", "w")) as sink:
        for row in pool.imap(check, pending):
            done[row["file"]] = row
            sink.write(json.dumps(row, default=str) + "\n")
            sink.flush()
            print(f"{'exact' if row['exact'] else 'DIFF '} {row['seconds']:6.1f}s {row.get('notes', '?'):>6} notes  "
                  f"{Path(row['file']).name}" + "".join(f"\n        {w}" for w in row["why"][:3]), flush=True)
    summary(todo, done, corpus_of)


def summary(todo, done, corpus_of) -> None:
    print("\ncorpus      files  exact  not exact")
    for corpus in dict.fromkeys(c for c, _ in todo):
        rows = [done[str(f)] for c, f in todo if c == corpus and str(f) in done]
        exact = sum(r["exact"] for r in rows)
        print(f"{corpus:10} {len(rows):6} {exact:6} {len(rows) - exact:10}")
    bad = [done[str(f)] for _, f in todo if str(f) in done and not done[str(f)]["exact"]]
    if bad:
        print("\nnot exact, with why:")
        for row in bad:
            print(f"  {corpus_of.get(row['file'], '')}: {Path(row['file']).name}: {' | '.join(row['why'][:2])}")


if __name__ == "__main__":
    main()
