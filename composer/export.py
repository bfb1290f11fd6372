"""`python -m composer.export CHECKPOINT [TARGET]`: write the small checkpoint the app ships.

    .venv/bin/python -m composer.export ~/.cache/cadenza/runs/composer-8m/checkpoint.pt resources/composer.pt

Keeps the averaged (EMA) weights in bf16 (a few MB instead of the ~50 MB
training checkpoint with optimizer state), with the config, tokens and data
hash; prints what it wrote as JSON. See composer.checkpoint.export_weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.checkpoint import export_weights
from engine.errors import CadenzaError

SHIPPED = Path(__file__).resolve().parents[1] / "resources" / "composer.pt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("target", type=Path, nargs="?", default=SHIPPED)
    args = parser.parse_args(argv)
    try:
        info = export_weights(args.checkpoint, args.target)
    except CadenzaError as error:
        print(f"composer.export: {error}", file=sys.stderr)
        return 2
    print(json.dumps({"target": str(args.target), "bytes": args.target.stat().st_size, **info}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
