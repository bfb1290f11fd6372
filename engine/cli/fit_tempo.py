"""`cadenza fit-tempo PROJECT`: fit the tempo so the project's hit points land on beats (engine.fit_tempo).

Without --hit every hit point in the project goes to its nearest downbeat (under
the tempo the project has now). `--hit WHICH=TARGET` chooses hits and targets:
WHICH is the hit's name or its timecode as the ruler shows it, TARGET a bar
(`9`), a bar and beat (`9.3`) or `down` (the nearest downbeat). The project is
rewritten atomically unless --dry-run; each hit's remaining error is printed,
in milliseconds and frames at the project's frame rate. A fit outside 20-400
BPM, an unknown hit or a bad target is one line on stderr, exit 2, and the
file is left as it was.
"""
from __future__ import annotations

import argparse
import re

from engine.errors import CadenzaError
from engine.song import Marker, Song


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fit-tempo", help="fit a project's tempo so its hit points land on beats",
        description="Replace a Cadenza project's tempo map with one constant tempo (least squares) or a ramp "
                    "(--ramp: linear in BPM between the first and last hit) so that its hit points land on their "
                    "targets, print each hit's remaining error in ms and frames, and save the project.")
    parser.add_argument("project", metavar="PROJECT", help="a .cadenza project with hit points")
    parser.add_argument("--ramp", action="store_true", help="fit a tempo ramp instead of one constant tempo")
    parser.add_argument("--hit", action="append", default=[], metavar="WHICH=TARGET",
                        help="a hit (its name or timecode) and its target: BAR, BAR.BEAT or 'down' for the "
                             "nearest downbeat (default: every hit to its nearest downbeat); repeatable")
    parser.add_argument("--dry-run", action="store_true", help="print the fit but do not save the project")
    parser.set_defaults(func=run)


class HitSpecError(CadenzaError):
    """A --hit that names no hit point or no target."""


def run(args: argparse.Namespace) -> int:
    from engine.fit_tempo import fit_tempo
    from engine.project import load_project, save_project

    project = load_project(args.project)
    song = project.song
    targets = parse_hits(song, args.hit)
    fit = fit_tempo(song, targets, ramp=args.ramp)
    fitted = fit.edit(song).apply(song)
    for line in report_lines(song, fit):
        print(line)
    if not args.dry_run:
        save_project(project.with_(song=fitted), args.project)
        print(f"wrote {args.project}")
    return 0


def parse_hits(song: Song, specs: list[str]) -> dict[Marker, object]:
    """{hit point: BarBeat or None (nearest downbeat)} from --hit arguments (all hits when there are none)."""
    from engine.fit_tempo import BarBeat
    from engine.markers import hit_points

    hits = hit_points(song)
    if not specs:
        return {hit: None for hit in hits}
    targets: dict[Marker, object] = {}
    for spec in specs:
        which, _, target = spec.rpartition("=") if "=" in spec else (spec, "", "down")
        hit = _find_hit(song, hits, which.strip())
        match = re.fullmatch(r"\s*(\d+)(?:\.(\d+))?\s*", target)
        if target.strip().lower() in ("down", "downbeat"):
            targets[hit] = None
        elif match:
            targets[hit] = BarBeat(int(match.group(1)), int(match.group(2) or 1))
        else:
            raise HitSpecError(f"--hit {spec}: target {target!r} is not BAR, BAR.BEAT or 'down'")
    return targets


def _find_hit(song: Song, hits: tuple[Marker, ...], which: str) -> Marker:
    named = [h for h in hits if h.text == which or song.timecode.text_at(h.seconds) == which]
    if not named:
        known = ", ".join(f"{h.text!r} at {song.timecode.text_at(h.seconds)}" for h in hits) or "none"
        raise HitSpecError(f"no hit point named or at {which!r} (hit points: {known})")
    if len(named) > 1:
        raise HitSpecError(f"{len(named)} hit points are named {which!r}: name one by its timecode")
    return named[0]


def report_lines(song: Song, fit) -> list[str]:
    """One line per hit, then the tempo."""
    lines = []
    for result in fit.results:
        hit = result.hit
        lines.append(f"{hit.text or '(hit)'} at {song.timecode.text_at(hit.seconds)} -> bar {result.target.bar} "
                     f"beat {result.target.beat}: {result.error_ms:+.1f} ms ({result.error_frames:+.2f} frames)")
    if fit.ramp:
        lines.append(f"tempo: ramp {fit.bpm_start:.2f} -> {fit.bpm_end:.2f} BPM ({len(fit.tempos)} tempo changes)")
    else:
        lines.append(f"tempo: {fit.bpm_start:.2f} BPM")
    return lines
