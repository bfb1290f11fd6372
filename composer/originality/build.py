"""`python -m composer.originality.build`: the index of a model's training songs, and the base rate on held-out ones.

Reads the corpus the model was trained on (the sources and limit in the
checkpoint's own config, through composer.data's cache), indexes the
training split, measures the held-out split against it (composer.originality
.baseline), and writes one .npz whose meta holds the corpus's data hash, the
thresholds and the base rate. The data hash is computed as training computes
it (composer.training.examples.Corpus.data_hash), so an index and a model
built from the same songs carry the same one; a mismatch is reported.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from composer.originality.baseline import base_rate
from composer.originality.index import IndexBuilder

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_INDEX = ROOT / "resources" / "originality-index.npz"
SHIPPED_MODEL = ROOT / "resources" / "composer.pt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoint", type=Path, default=SHIPPED_MODEL, help="the model whose data to index")
    parser.add_argument("--datasets", type=Path, help="default: the checkpoint config's datasets folder")
    parser.add_argument("--out", type=Path, default=SHIPPED_INDEX)
    args = parser.parse_args(argv)

    from composer.checkpoint import CheckpointError, read_checkpoint_for_growth
    from composer.training.config import DataSection
    from composer.training.examples import Corpus

    try:
        record = read_checkpoint_for_growth(args.checkpoint)
    except CheckpointError as error:
        print(error, file=sys.stderr)
        return 2
    data = record["config"]["data"]
    datasets = args.datasets or Path(data.get("datasets", "../shared/datasets"))
    if not datasets.is_dir():
        print(f"no datasets folder at {datasets}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    corpus = Corpus(DataSection(datasets=str(datasets), limit=data.get("limit"), sources=dict(data["sources"])))
    data_hash = corpus.data_hash()
    if data_hash != record["data_hash"]:
        print(f"note: the corpus now hashes {data_hash}; {args.checkpoint.name} was trained on {record['data_hash']}",
              file=sys.stderr)
    builder = IndexBuilder()
    for source in sorted(corpus.songs["train"]):
        builder.add_all((song.key, song.song) for song in corpus.songs["train"][source])
    index = builder.build({"data_hash": data_hash, "model": args.checkpoint.name,
                           "model_data_hash": record["data_hash"]})
    held_out = [(song.key, song.song) for source in sorted(corpus.songs["validation"])
                for song in corpus.songs["validation"][source]]
    rate = base_rate(index, held_out)
    index.meta.update(thresholds=rate["thresholds"], base_rate=rate)
    index.save(args.out)
    print(json.dumps({"index": str(args.out), "bytes": args.out.stat().st_size, "pieces": len(index.pieces),
                      "note_rows": index.notes.rows, "chord_rows": index.chords.rows, "data_hash": data_hash,
                      "seconds": round(time.perf_counter() - started, 1), **rate}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
