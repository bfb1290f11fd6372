"""`cadenza generate IN OUT --task T --bars A-B ...`: propose into a region of a file, write the candidates.

Bars are 1-based and inclusive, in the song's own meter (`+N` appends N bars
for `--task continue`). Tracks are named as in the file; without `--tracks`
a melody/bass/accompaniment/drums task writes into the first track of that
role, or a new one added at the end. OUT keeps every track of IN (names,
order, programs); only the region changes. With K > 1 candidates the files
are OUT's stem with -1 .. -K. One JSON line per candidate goes to stdout; its
"originality" list holds each track's closest match to the training data
(and to --against FOLDER), closest first (composer.originality).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from composer.cli import args as types
from composer.proposals.spec import DENSITIES, Controls, ProposalError, Region, Task
from composer.proposals.tasks import TASKS
from composer.tokens.vocab import STYLES
from engine.track import TrackRole


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "generate", help="fill bars of a MIDI file, MusicXML score or project file with the composer model",
        description="Write new material into bars A-B of some tracks of IN (everything else stays) and save it as "
                    "OUT (MIDI or .cadenza); K candidates go to OUT-1 .. OUT-K.")
    parser.add_argument("input", metavar="IN",
                        help="a MIDI file, a MusicXML score (.musicxml/.xml/.mxl, repeats played out) or a Cadenza project")
    parser.add_argument("output", metavar="OUT", help="the file to write (.mid, .cadenza or MusicXML)")
    parser.add_argument("--task", required=True, choices=[t.value for t in TASKS], help="what to write")
    parser.add_argument("--bars", required=True, type=types.bars, metavar="A-B",
                        help="1-based bars, both included (e.g. 5-12); +N appends N bars (continue)")
    parser.add_argument("--tracks", metavar="NAME,...", help="tracks by name (default: by the task's role)")
    parser.add_argument("--candidates", type=types.positive_int, default=1, metavar="K")
    parser.add_argument("--seed", type=types.seed, default=0)
    parser.add_argument("--temperature", type=types.number, default=1.0)
    parser.add_argument("--top-p", type=types.number, default=0.95)
    parser.add_argument("--key", type=types.key, help='e.g. "A minor": only its notes (see --soft-key)')
    parser.add_argument("--soft-key", action="store_true", help="prefer the key's notes instead of requiring them")
    parser.add_argument("--density", choices=DENSITIES)
    parser.add_argument("--range", type=types.pitch_range, metavar="LOW-HIGH", help="pitches, e.g. C4-C6 or 60-84")
    parser.add_argument("--chord-following", choices=("off", "soft", "strict"), default="soft",
                        help="how closely notes keep to the chord lane, and chords to the notes under them")
    parser.add_argument("--style", metavar="NAME", help=f"a built-in style said to the model ({','.join(STYLES)}) "
                                                        "or a style you learned (cadenza learn-style); default: none")
    parser.add_argument("--model", metavar="PATH", help="a composer checkpoint (default: the shipped one)")
    parser.add_argument("--avoid-close-matches", action="store_true",
                        help="decode a candidate again when it comes as close to a training piece (or an --against "
                             "song) as real songs never do (docs/ORIGINALITY.md)")
    parser.add_argument("--against", metavar="FOLDER", help="also check candidates against the songs in FOLDER")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from composer.proposals.generate import propose
    from composer.style.apply import style_choice
    from engine.files import check_save_type, load_song_file, save_song_file

    task = Task(args.task)
    outputs = _outputs(Path(args.output), args.candidates)
    for path in outputs:
        check_save_type(path)
    if args.against:   # a folder that is not one, or holds no songs, is refused before any work
        from composer.originality.reference import song_files
        song_files(Path(args.against))
    said, model = style_choice(args.style, args.model)   # a learned style: refused before any work
    project = load_song_file(args.input)
    song = project.song
    song, track_ids = _tracks(song, task, args.tracks)
    region = _region(song, task, args.bars, track_ids)
    controls = Controls(temperature=args.temperature, top_p=args.top_p, seed=args.seed, candidates=args.candidates,
                        style=said,
                        key=args.key, key_strict=not args.soft_key, pitch_range=args.range, density=args.density,
                        chord_following=args.chord_following, avoid_close_matches=args.avoid_close_matches,
                        reference_folder=args.against)
    candidates = propose(song, region, task, controls, model)
    for number, candidate in enumerate(candidates):
        path = outputs[number]
        result = candidate.to_edit(song).apply(song)
        save_song_file(project.with_(song=result), path)
        print(json.dumps({"file": str(path), "seed": candidate.seed, **candidate.stats.to_dict(),
                          "warnings": list(candidate.warnings)}), flush=True)
    return 0


def _outputs(output: Path, count: int) -> list[Path]:
    if count == 1:
        return [output]
    return [output.with_name(f"{output.stem}-{k}{output.suffix}") for k in range(1, count + 1)]


def _tracks(song, task: Task, names: str | None):
    """(song, track ids): named tracks, or the task role's track (added when the song has none)."""
    if names:
        ids = []
        for name in (n.strip() for n in names.split(",")):
            matches = [t.id for t in song.tracks if t.name == name]
            if len(matches) != 1:
                known = ", ".join(repr(t.name) for t in song.tracks) or "none"
                raise ProposalError(f"track {name!r} {'is named twice' if matches else 'not found'} (tracks: {known})")
            ids.append(matches[0])
        return song, tuple(ids)
    spec = TASKS[task]
    role = spec.role
    if role is None:
        if spec.chord_lane:
            return song, ()
        if spec.appends:
            return song, tuple(t.id for t in song.tracks if t.notes)[:8]
        raise ProposalError(f"--task {task.value} needs --tracks")
    found = [t.id for t in song.tracks if t.role is TrackRole(role)]
    if found:
        return song, (found[0],)
    from composer.proposals.compose import add_part_track
    song, track_id = add_part_track(song, role)
    return song, (track_id,)


def _region(song, task: Task, bars, track_ids) -> Region:
    count = song.bar_count()
    appends = TASKS[task].appends
    if isinstance(bars, int):
        if not appends:
            raise ProposalError("+N bars is for --task continue")
        return Region(count, count + bars - 1, track_ids).with_song_locks(song)
    first, last = bars
    if not appends and last >= count:
        raise ProposalError(f"bars {first + 1}-{last + 1}: the song has {count} bars")
    return Region(first, last, track_ids).with_song_locks(song)
