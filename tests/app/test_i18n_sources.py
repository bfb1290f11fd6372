"""The translation sources are in step with the code, compiled, and keep to the glossary.

`pyside6-lupdate` is run over app/ into copies of the committed .ts files: a
string added, changed or removed in the code shows up as an unfinished or
obsolete entry. `pyside6-lrelease` of the committed .ts must give the committed
.qm byte for byte. The Chinese translations keep every placeholder, the
menu accelerator letter, the numbers, note names and chord symbols of their
source, and the glossary's words (docs/GLOSSARY.zh-CN.md).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.i18n.update import SOURCES, lrelease_command, lupdate_command

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "app" / "i18n"

# English word -> the Chinese the glossary gives it (outside the GM tables, whose names are the standard's).
GLOSSARY = {"melody": "旋律", "chord": "和弦", "chords": "和弦", "accompaniment": "伴奏", "bass": "贝斯",
            "drums": "鼓", "quantize": "量化", "metronome": "节拍器", "bar": "小节", "bars": "小节",
            "tempo": "速度", "track": "轨道", "tracks": "轨道", "velocity": "力度", "transpose": "移调",
            "undo": "撤销", "redo": "重做", "export": "导出", "take": "候选", "takes": "候选", "key": "调",
            "meter": "拍号", "seed": "种子", "audition": "试听"}
# Where an English word means something else than the glossary's music term.
GLOSSARY_EXCEPTIONS = {
    ("RecordController", "take"), ("PreferencesDialog", "take"),   # a recording take: 本次录音
    ("MidiMenu", "key"), ("KeySelector", "key"),                    # a key on the keyboard
}
GM_CONTEXTS = {"GmProgram", "GmFamily", "GmDrum"}


def messages(path: Path):
    """(context, source, [translations], attributes) of every message in a .ts file (attributes: the
    translation's, plus the message's "numerus")."""
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            yield name, message.findtext("source"), forms, {**translation.attrib, "numerus": message.get("numerus")}


def lupdate_into(tmp_path: Path, language: str) -> Path:
    copy = tmp_path / f"cadenza_{language}.ts"
    shutil.copy(I18N / copy.name, copy)
    subprocess.run(lupdate_command(language, copy), check=True, capture_output=True, text=True, timeout=120)
    return copy


@pytest.mark.parametrize("language", list(SOURCES))
def test_lupdate_over_the_code_leaves_nothing_unfinished_or_obsolete(tmp_path, language):
    updated = lupdate_into(tmp_path, language)
    stale = [f"{context}: {source!r} ({attrs.get('type')})" for context, source, _, attrs in messages(updated)
             if attrs.get("type") in ("unfinished", "obsolete", "vanished")]
    assert stale == [], "run python -m app.i18n.update and translate:\n" + "\n".join(stale)
    committed = {(c, s) for c, s, _, _ in messages(I18N / updated.name)}
    assert {(c, s) for c, s, _, _ in messages(updated)} == committed


@pytest.mark.parametrize("language", list(SOURCES))
def test_the_committed_qm_is_the_committed_ts_compiled(tmp_path, language):
    out = tmp_path / f"cadenza_{language}.qm"
    subprocess.run(lrelease_command(I18N / f"cadenza_{language}.ts", out), check=True, capture_output=True, timeout=120)
    assert out.read_bytes() == (I18N / out.name).read_bytes(), "run python -m app.i18n.update"


def zh_messages():
    return [(c, s, forms[0]) for c, s, forms, _ in messages(I18N / "cadenza_zh_CN.ts")]


def test_every_chinese_translation_keeps_placeholders_accelerators_and_numbers():
    wrong = []
    for context, source, zh in zh_messages():
        if sorted(re.findall(r"%\d|%n", source)) != sorted(re.findall(r"%\d|%n", zh)):
            wrong.append(f"{context}: placeholders of {source!r} -> {zh!r}")
        accelerator = re.search(r"&(\w)", source)
        if accelerator and f"(&{accelerator.group(1).upper()})" not in zh and f"&{accelerator.group(1)}" not in zh:
            wrong.append(f"{context}: accelerator of {source!r} -> {zh!r}")
        if not accelerator and "&" in zh.replace("&&", ""):
            wrong.append(f"{context}: accelerator added in {zh!r}")
        if sorted(re.findall(r"\d+", source)) != sorted(re.findall(r"\d+", zh)):
            wrong.append(f"{context}: numbers of {source!r} -> {zh!r}")
        for symbol in re.findall(r"\b[A-G][#b]?(?:m7|sus4|/[A-G]|\d)\b", source):    # E1, G3, Am7, F/C, Gsus4
            if symbol not in zh:
                wrong.append(f"{context}: {symbol} missing from {zh!r}")
    assert wrong == []


def test_the_chinese_keeps_to_the_glossary():
    wrong = []
    for context, source, zh in zh_messages():
        if context in GM_CONTEXTS:
            continue
        for word in re.findall(r"[A-Za-z]+", source.replace("&", "").replace("takes it back", "")):  # a verb
            term = GLOSSARY.get(word.lower())
            if term and (context, word.lower()) not in GLOSSARY_EXCEPTIONS and term not in zh:
                wrong.append(f"{context}: {source!r} -> {zh!r} (glossary: {word} = {term})")
    assert wrong == []


def test_the_glossary_document_lists_the_words_the_test_holds_the_translation_to():
    glossary = (ROOT / "docs" / "GLOSSARY.zh-CN.md").read_text(encoding="utf-8")
    missing = [f"{en} = {zh}" for en, zh in GLOSSARY.items() if not re.search(rf"\b{en}\b.*{zh}", glossary, re.I)]
    assert missing == []


def marked_in_code() -> set[tuple[str, str]]:
    """(file, source) of every string the code hands to tr(), translate() or QT_TRANSLATE_NOOP()."""
    import ast

    from app.i18n.update import MARKED_ELSEWHERE

    found = set()
    for path in [*(ROOT / "app").rglob("*.py"), *MARKED_ELSEWHERE]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            position = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}.get(name)
            if position is None or len(node.args) <= position:
                continue
            text = node.args[position]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add((path.relative_to(ROOT).as_posix(), text.value))
    return found


def test_lupdate_found_every_string_the_code_marks():
    """A call lupdate cannot read (say, a call in the count argument) would stay English without a warning."""
    extracted = {source for _, source, _, _ in messages(I18N / "cadenza_zh_CN.ts")}
    missed = sorted(f"{path}: {text!r}" for path, text in marked_in_code() if text not in extracted)
    assert missed == []


def test_no_translate_alias_is_named_tr():
    """lupdate reads `tr("Context", "text")` as QObject.tr("Context"): the text would never be translated."""
    import ast

    aliased = []
    for path in (ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and getattr(node.value, "attr", "") == "translate" and \
                    any(getattr(t, "id", "") == "tr" for t in node.targets):
                aliased.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert aliased == []


def test_every_count_is_a_plural_form_in_both_files():
    """lupdate marks a %n string plural only when it sees the count argument (QObject.tr(text, "", n))."""
    singular = [f"{path.name} {context}: {source!r}" for path in I18N.glob("cadenza_*.ts")
                for context, source, _, attrs in messages(path) if "%n" in source and attrs["numerus"] != "yes"]
    zh = {s for c, s, _, a in messages(I18N / "cadenza_zh_CN.ts") if a["numerus"] == "yes"}
    en = {s for c, s, _, a in messages(I18N / "cadenza_en.ts")}
    assert singular == [] and zh == en


def quick_start(readme: str) -> list[str]:
    """The commands of a README's first shell block (its quick start)."""
    block = re.search(r"```sh\n(.*?)```", (ROOT / readme).read_text(encoding="utf-8"), re.S).group(1)
    return [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_chinese_readme_starts_with_the_same_two_commands_and_is_linked():
    assert quick_start("README.zh-CN.md") == quick_start("README.md") == ["./setup.sh", "./setup.sh test"]
    assert "(README.zh-CN.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
