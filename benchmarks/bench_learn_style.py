"""Benchmark: learning a style (budget and UI responsiveness), what a style costs a proposal, and how close it sits.

    # 20 pieces of about 3 minutes learned through the editor's dialog (a real offscreen QApplication), with the
    # event loop's delay measured while it learns beside the same measure with nothing running
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_learn_style.py budget [--pieces 20] [--seconds 180]
    # proposals with and without a learned style, interleaved on the same regions and seeds
    .venv/bin/python benchmarks/bench_learn_style.py cost --style NAME --pieces-folder DIR [--rounds 3]
    # a style against the base model on pieces it never saw: held-out loss and the product-path statistics,
    # pooled over seeds, each with a paired bootstrap 95% interval of (styled - base)
    .venv/bin/python benchmarks/bench_learn_style.py evaluate --style NAME --pieces-folder DIR [--cases 16] \
        [--seeds 1 2 3 4] [--takes 4] [--ablate all]
    # before learning anything: can the check resolve a difference on these pieces at all? The base model's
    # proposals against the pieces' own bars, per statistic (the power check of `evaluate`, without a style)
    .venv/bin/python benchmarks/bench_learn_style.py power --pieces-folder DIR [--cases 16] [--seeds 1 2] [--takes 2]

Styles are looked up in $CADENZA_DATA_DIR (else the editor's data folder).
`budget` takes POP909 songs of 150-240 s as
the user's pieces and learns them with `cadenza learn-style`'s defaults in
the dialog's spawned process; a 10 ms QTimer in the UI process records how
late each tick fires (the event loop's delay), first for `--idle` seconds with
nothing running (the baseline), then while learning. Every figure is printed
as JSON; timings depend on what else runs on the machine (docs/STYLES.md
says what ran beside each measurement).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DATASETS = Path(os.environ.get("CADENZA_DATASETS", Path(__file__).resolve().parents[2] / "shared" / "datasets"))
TICK_MS = 10


def budget_pieces(count: int, folder: Path) -> list[tuple[str, float]]:
    """Copy the first `count` POP909 songs of 150-240 s into `folder`; (id, seconds) of each. What is
    measured here is time, so whether the base model trained on them does not matter (POP909's validation
    split has only 12 songs of that length)."""
    from engine.files import load_song_file

    ids = sorted(p.name for p in (DATASETS / "pop909").iterdir() if p.name.isdigit())
    chosen = []
    for ident in ids:
        path = DATASETS / "pop909" / ident / f"{ident}.mid"
        seconds = load_song_file(path).song.duration_seconds
        if 150 <= seconds <= 240:
            shutil.copy(path, folder / f"{ident}.mid")
            chosen.append((ident, round(seconds, 1)))
        if len(chosen) == count:
            break
    return chosen


def lateness(app, seconds: float, until=None) -> dict:
    """How late a 10 ms timer's ticks fire (ms) for `seconds`, or until `until()` is true."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    delays, clock, last = [], QElapsedTimer(), [0]
    clock.start()

    def tick() -> None:
        now = clock.elapsed()
        delays.append(max(0, now - last[0] - TICK_MS))
        last[0] = now
        if (until is not None and until()) or now > seconds * 1000:
            app.quit()

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    app.exec()
    timer.stop()
    delays.sort()
    return {"ticks": len(delays), "mean_ms": round(statistics.fmean(delays), 2) if delays else None,
            "p99_ms": delays[int(len(delays) * 0.99)] if delays else None, "max_ms": delays[-1] if delays else None,
            "seconds": round(clock.elapsed() / 1000, 1)}


def run_budget(args) -> dict:
    from PySide6.QtWidgets import QApplication

    from app.proposals.learn_style import LearnStyleDialog

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-learn-style-"))
    (work / "pieces").mkdir()
    os.environ["CADENZA_DATA_DIR"] = str(work / "data")
    pieces = budget_pieces(args.pieces, work / "pieces")
    idle = lateness(app, args.idle)
    dialog = LearnStyleDialog(args.model, settings={"max_seconds": args.seconds})
    dialog.folder.setText(str(work / "pieces"))
    dialog.name.setText("bench")
    dialog.show()
    started = time.perf_counter()
    dialog.start()
    learning = lateness(app, 3600, until=lambda: dialog.outcome is not None)
    wall = time.perf_counter() - started
    summary = dialog.report.toPlainText() if dialog.outcome == "done" else dialog.status.text()
    style_file = work / "data" / "styles" / "bench.cadenza-style"
    report = {"pieces": len(pieces), "piece_seconds": [s for _, s in pieces], "outcome": dialog.outcome,
              "wall_seconds": round(wall, 1), "event_loop_delay_idle": idle, "event_loop_delay_learning": learning,
              "style_file_bytes": style_file.stat().st_size if style_file.exists() else None,
              "cpus": os.cpu_count(), "load_average_after": os.getloadavg()}
    if style_file.exists():
        from composer.style.store import read_style
        style = read_style(style_file)
        report.update(steps=style.settings["steps_done"], examples=style.settings["examples"],
                      train_seconds=style.settings["train_seconds"],
                      train_cpu_seconds=style.settings["train_cpu_seconds"],
                      heldout_loss_before=style.stats["heldout_loss_before"],
                      heldout_loss_after=style.stats["heldout_loss_after"])
    print(summary, file=sys.stderr)
    shutil.rmtree(work, ignore_errors=True)
    return report


def _pieces(folder: str):
    from composer.style.pieces import read_folder
    found = read_folder(folder)
    if not found.pieces:
        raise SystemExit(f"{folder}: no usable piece")
    return found


def run_cost(args) -> dict:
    """Median seconds of the same proposals with the base model and with the style, interleaved per case."""
    from composer.proposals.generate import propose
    from composer.proposals.loader import load_model
    from composer.proposals.spec import Controls
    from composer.style.apply import styled_model
    from composer.style.measure import pick_regions

    torch.set_num_threads(1)
    started = time.perf_counter()
    styled = styled_model(args.style, args.model)
    merge_seconds = time.perf_counter() - started
    models = {"base": load_model(args.model), "styled": styled}
    regions = pick_regions(_pieces(args.pieces_folder).pieces, args.cases, 0)
    seconds = {name: [] for name in models}
    per_token = {name: [] for name in models}   # what the weights cost, whatever each side chose to write
    for round_number in range(args.rounds):
        for number, (piece, region, task) in enumerate(regions):
            order = list(models) if (round_number + number) % 2 == 0 else list(reversed(models))
            for name in order:
                began = time.perf_counter()
                takes = propose(piece.song, region, task, Controls(seed=number, candidates=args.candidates),
                                models[name])
                seconds[name].append(time.perf_counter() - began)
                per_token[name].append(seconds[name][-1] / max(1, sum(t.stats.tokens for t in takes)))
    medians = {name: round(statistics.median(values), 3) for name, values in seconds.items()}
    token_ms = {name: round(1000 * statistics.median(values), 3) for name, values in per_token.items()}
    return {"cases": len(regions), "rounds": args.rounds, "candidates": args.candidates, "median_seconds": medians,
            "ratio_styled_over_base": round(medians["styled"] / medians["base"], 3),
            "median_ms_per_token": token_ms, "ratio_per_token": round(token_ms["styled"] / token_ms["base"], 3),
            "total_seconds": {name: round(sum(v), 2) for name, v in seconds.items()},
            "first_merge_seconds": round(merge_seconds, 2)}


def run_evaluate(args) -> dict:
    """The style and the base model on pieces never seen: held-out loss and product-path statistics, pooled over
    `--seeds`, each statistic with a paired bootstrap 95% interval of (styled - base) (benchmarks/style_closeness.py)."""
    from benchmarks.rule_ablation import rules_off
    from benchmarks.style_closeness import compare, loss_interval, print_table
    from composer.checkpoint import load_model as load_checkpoint
    from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
    from composer.style.apply import merge, styled_model
    from composer.style.measure import heldout_batches, heldout_loss, piece_degrees, region_cells
    from composer.style.pieces import STYLE_DATA, PieceCorpus
    from composer.style.store import find_style

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    base = args.model or DEFAULT_CHECKPOINT
    style = find_style(args.style)
    found = _pieces(args.pieces_folder)
    corpus = PieceCorpus([], found.pieces)
    base_model, _ = load_checkpoint(base)
    plain = merge(base, style, False).model
    models = {"base": load_model(base), "styled": styled_model(style, base)}
    losses, regions, batches = {"base": [], "styled": []}, [], []
    for seed in args.seeds or [args.seed]:
        for batch in heldout_batches(corpus, STYLE_DATA, base_model.config.block_size, args.sequences, seed):
            losses["base"].append(heldout_loss(base_model, [batch]))
            losses["styled"].append(heldout_loss(plain, [batch]))
            batches.append(batch)
        with rules_off(tuple(args.ablate)):
            regions += region_cells(models, found.pieces, args.cases, seed, takes=args.takes)
        print(f"seed {seed}: {len(regions)} regions so far ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    rows = compare(regions, piece_degrees(found.pieces), args.resamples)
    loss = loss_interval(losses, args.resamples)
    groups = {"base": loss_by_group(base_model, batches), "styled": loss_by_group(plain, batches)}
    print_table(args.style, args.pieces_folder, loss, rows, len(regions))
    print("fill-token loss by token group, base -> styled: " + ", ".join(
        f"{g} {groups['base'][g]} -> {groups['styled'][g]}" for g in groups["base"]), file=sys.stderr)
    return {"style": style.name, "pieces": len(found.pieces), "learned_from": style.stats.get("learned_pieces"),
            "seeds": args.seeds or [args.seed], "rules_off": args.ablate, "regions": len(regions), "loss": loss,
            "loss_by_group": groups, "proposals": rows}


def run_power(args) -> dict:
    """`evaluate`'s power check without a style: the base model's proposals into the pieces' regions against the
    pieces' own bars, the closest any style could write. A statistic whose interval holds 0 cannot show a style
    closer on these pieces, however well it learns; pick pieces where one resolves before learning."""
    from benchmarks.style_closeness import compare
    from composer.proposals.loader import DEFAULT_CHECKPOINT, load_model
    from composer.style.measure import piece_degrees, region_cells

    torch.set_num_threads(args.threads)
    found = _pieces(args.pieces_folder)
    model = load_model(args.model or DEFAULT_CHECKPOINT)
    regions = []
    for seed in args.seeds or [args.seed]:
        regions += region_cells({"base": model}, found.pieces, args.cases, seed, takes=args.takes)
    for region in regions:
        region.takes["styled"] = region.takes["base"]       # compare() pairs two sides; only the power is read
    rows = compare(regions, piece_degrees(found.pieces), args.resamples)
    print(f"\n{args.pieces_folder}: {len(found.pieces)} pieces, {rows[0]['count']} regions", file=sys.stderr)
    print("| statistic | base | the pieces' own bars | own bars - base, 95% interval | |\n|---|---|---|---|---|",
          file=sys.stderr)
    for row in rows[1:]:
        print(f"| {row['statistic']} | {row['base']} | {row.get('original', row.get('original_floor'))} | "
              f"{row['originals_minus_base_ci95']} | {'resolves' if row['resolvable'] else 'cannot resolve'} |",
              file=sys.stderr)
    return {"pieces": len(found.pieces), "seeds": args.seeds or [args.seed], "regions": rows[0]["count"],
            "power": [{k: r[k] for k in ("statistic", "base", "originals_minus_base_ci95", "resolvable")}
                      for r in rows[1:]]}


@torch.no_grad()
def loss_by_group(model, batches: list) -> dict:
    """Mean fill-token cross-entropy per token group of the target (PITCH, POS, DUR, the cell controls...):
    which decisions a style changes."""
    from composer.tokens.vocab import VOCAB
    from composer.training.losses import token_losses

    group_of = {i: name for name, ids in VOCAB.groups.items() for i in ids}
    sums, counts = {}, {}
    model.eval()
    for inputs, targets, weights in batches:
        losses = token_losses(model, inputs, targets, bf16=True)
        fill = weights == 1
        for target, value in zip(targets[fill].tolist(), losses[fill].tolist()):
            group = group_of[target]
            sums[group], counts[group] = sums.get(group, 0.0) + value, counts.get(group, 0) + 1
    return {g: round(sums[g] / counts[g], 4) for g in sorted(sums, key=lambda g: -counts[g]) if counts[g] >= 50}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="part", required=True)
    budget = sub.add_parser("budget")
    budget.add_argument("--pieces", type=int, default=20)
    budget.add_argument("--seconds", type=float, default=180.0, help="training time (the learner's default)")
    budget.add_argument("--idle", type=float, default=10.0, help="seconds of the baseline with nothing running")
    for part in (sub.add_parser("cost"), sub.add_parser("evaluate"), sub.add_parser("power")):
        part.add_argument("--pieces-folder", required=True)
        part.add_argument("--cases", type=int, default=8)
        part.add_argument("--seed", type=int, default=0)
    cost, evaluate, power = sub.choices["cost"], sub.choices["evaluate"], sub.choices["power"]
    for part in (cost, evaluate):
        part.add_argument("--style", required=True)
    cost.add_argument("--rounds", type=int, default=3)
    cost.add_argument("--candidates", type=int, default=4)
    evaluate.add_argument("--sequences", type=int, default=16)
    for part in (evaluate, power):
        part.add_argument("--threads", type=int, default=2)
        part.add_argument("--seeds", type=int, nargs="+", help="pool these seeds (each picks --cases regions)")
        part.add_argument("--resamples", type=int, default=2000, help="paired bootstrap resamples")
        part.add_argument("--takes", type=int, default=1, help="proposals a region and model (the panel shows 4)")
    evaluate.add_argument("--ablate", nargs="*", default=[], help="proposal rules off (benchmarks/rule_ablation.py)")
    for part in sub.choices.values():
        part.add_argument("--model", help="the base checkpoint (default: the shipped one)")
    args = parser.parse_args(argv)
    report = {"budget": run_budget, "cost": run_cost, "evaluate": run_evaluate, "power": run_power}[args.part](args)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
