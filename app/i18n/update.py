"""Keep the translation files in step with the code: `python -m app.i18n.update`.

Runs `pyside6-lupdate` over app/ into cadenza_zh_CN.ts (every string) and
cadenza_en.ts (only the %n plural forms), then `pyside6-lrelease` to the .qm
files the app loads. New or changed strings come out unfinished in the .ts:
translate them (pyside6-linguist, or any editor) and run this again. The
tests (tests/app/test_i18n_sources.py) run the same commands, from here.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP = HERE.parent
BIN = Path(sys.executable).parent
# language -> the extra lupdate options for its file
SOURCES = {"zh_CN": [], "en": ["-pluralonly"]}


# Interface words written outside app/: the proposal tasks' table (its QT_TRANSLATE_NOOP is a plain function).
MARKED_ELSEWHERE = (APP.parent / "composer" / "proposals" / "tasks.py",)


def lupdate_command(language: str, ts: Path) -> list[str]:
    return [str(BIN / "pyside6-lupdate"), "-silent", "-extensions", "py", str(APP),
            *(str(path) for path in MARKED_ELSEWHERE), "-no-obsolete",
            "-locations", "relative", "-source-language", "en", "-target-language", language,
            *SOURCES[language], "-ts", str(ts)]


def lrelease_command(ts: Path, qm: Path) -> list[str]:
    return [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)]


def main() -> int:
    for language in SOURCES:
        ts = HERE / f"cadenza_{language}.ts"
        subprocess.run(lupdate_command(language, ts), check=True)
        subprocess.run(lrelease_command(ts, ts.with_suffix(".qm")), check=True)
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
