"""Read a sketch brief ("tense chase in D minor, 140 bpm, strings and taiko, 32 bars") into attributes.

Deterministic, offline and instant: patterns take the phrases that carry a
number or a note name (tempo, meter, key, bars, sections with lengths, hit
points), then the rest is matched against the lexicon (composer.brief.lexicon)
longest phrase first, word by word in English and character by character in
Chinese. Whatever matches nothing is listed in `Brief.not_understood` and
never guessed at. Reading says only what the text says; the defaults that
fill the gaps (from the style and the mood) are `composer.brief.settings`'s.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from composer.brief.lexicon import CHINESE, ENGLISH, SECTION_BARS
from engine.pitch import parse_pitch_class

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"(\d{1,3}|[零〇一二两三四五六七八九十百]{1,4})"
_EN_SECTION = r"(intro|verse|pre-?chorus|chorus|bridge|interlude|solo|breakdown|outro|coda|ending|refrain)"
_CN_SECTION = r"(前奏|引子|主歌|导歌|预副歌|副歌|桥段|间奏|独奏段|尾奏|结尾|尾声|过门)"
_EN_BAR = r"(?:bars?|measures?|mm\.?)"
_HIT_EN = r"(?:hit|hits|climax|peak|impact|accent|sting|stinger|high point|crash|drop|explosion|big moment)"
_HIT_CN = r"(?:高潮|重音|冲击点|冲击|爆点|打点|强音)"
_CJK = re.compile(r"[\u3400-\u9fff]")
MAX_CN_PHRASE = 6
MAX_EN_PHRASE = 4


@dataclass(frozen=True)
class Section:
    name: str     # intro, verse, chorus, ... or a form letter (A, B, ...)
    bars: int


@dataclass(frozen=True)
class Brief:
    """What the text said, and only that (None / empty where it said nothing)."""
    text: str
    style: str | None = None
    tonic: int | None = None
    mode: str | None = None
    tempo: float | None = None
    meter: tuple[int, int] | None = None
    bars: int | None = None
    sections: tuple[Section, ...] = ()
    instruments: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    energy: str | None = None          # build / fade / arc / steady
    peaks: tuple[int, ...] = ()        # bars (1-based) with a hit point
    dropped: tuple[str, ...] = ()      # parts the brief leaves out ("no drums")
    only: tuple[str, ...] = ()         # the only parts it wants ("melody only")
    not_understood: tuple[str, ...] = ()

    @property
    def mood(self) -> str | None:
        return self.moods[0] if self.moods else None


def chinese_number(text: str) -> int:
    """'16', '十六', '三十二', '一百二十', '两' -> the number (what Chinese briefs write for bars and tempi)."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = current * 10 + _CN_DIGITS[char]
    return total + current


@dataclass
class _Reading:
    """The facts found so far, each with where it was found (sections keep the text's order)."""
    text: str
    found: dict = field(default_factory=dict)
    sections: list[tuple[int, Section]] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    moods: list[str] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    only: list[str] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)

    def once(self, name: str, value) -> None:
        """The first mention wins: a later, different one is not a silent override."""
        self.found.setdefault(name, value)

    def take(self, pattern: str, handle, flags: int = 0) -> None:
        """Run `handle(match)` on every match of `pattern` and blank the matched text out (offsets kept)."""
        def blank(match: re.Match) -> str:
            handle(match)
            return " " * len(match.group(0))
        self.text = re.sub(pattern, blank, self.text, flags=flags)

    def fact(self, offset: int, kind: str, value) -> None:
        if kind == "style":
            self.once("style", value)
        elif kind == "instrument" and value not in self.instruments:
            self.instruments.append(value)
        elif kind == "mood" and value not in self.moods:
            self.moods.append(value)
        elif kind in ("tempo_word", "meter", "energy", "mode"):
            self.once(kind, value)
        elif kind == "section":
            self.sections.append((offset, Section(value, SECTION_BARS[value])))
        elif kind == "drop" and value not in self.dropped:
            self.dropped.append(value)
        elif kind == "only" and value not in self.only:
            self.only.append(value)


def read_brief(text: str) -> Brief:
    """The attributes `text` states (see the module docstring); never raises on words it does not know."""
    reading = _Reading(unicodedata.normalize("NFKC", text))
    _read_form(reading)
    _read_keys(reading)
    reading.text = reading.text.lower()
    _read_numbers(reading)
    _read_words(reading)
    found = reading.found
    tempo = found.get("tempo", found.get("tempo_word"))
    mode = found.get("key_mode") or found.get("mode")
    unknown = tuple(word for _, word in sorted(reading.unknown))
    return Brief(text=text, style=found.get("style"), tonic=found.get("tonic"), mode=mode,
                 tempo=None if tempo is None else float(tempo), meter=found.get("meter"), bars=found.get("bars"),
                 sections=tuple(s for _, s in sorted(reading.sections, key=lambda item: item[0])),
                 instruments=tuple(reading.instruments), moods=tuple(reading.moods), energy=found.get("energy"),
                 peaks=tuple(sorted(set(reading.peaks))), dropped=tuple(reading.dropped), only=tuple(reading.only),
                 not_understood=unknown)


FORM_SECTION_BARS = 8


def _read_form(reading: _Reading) -> None:
    """A form in letters ('AABA', 'ABA form'): one 8-bar section per letter (capitals only: 'aba' is no form)."""
    def form(m: re.Match) -> None:
        for i, letter in enumerate(m.group(1)):
            reading.sections.append((m.start() + i, Section(letter, FORM_SECTION_BARS)))
    reading.take(r"\b([A-D]{3,8})\b(?:\s*form)?", form)


def _read_keys(reading: _Reading) -> None:
    """Keys, read before lower-casing: 'Am' is A minor but 'am' is a word; 'B' is a note, 'b' a flat."""
    accidental = r"(#|♯|♭|b|-sharp|-flat| sharp| flat)?"

    def key(letter: str, sign: str | None, mode: str | None) -> None:
        tonic, _ = parse_pitch_class(letter.upper())
        sign = (sign or "").strip().lstrip("-")
        tonic = (tonic + (1 if sign in ("#", "♯", "sharp") else -1 if sign in ("b", "♭", "flat") else 0)) % 12
        reading.once("tonic", tonic)
        if mode is not None:
            reading.once("key_mode", mode)

    def mode_of(word: str) -> str:
        word = word.lower()
        return "minor" if word in ("minor", "min", "m", "小调") else "major"

    reading.take(r"(降|升)\s*([A-Ga-g])\s*(大调|小调|调)",
                 lambda m: key(m.group(2), "b" if m.group(1) == "降" else "#", mode_of(m.group(3))))
    reading.take(r"([A-Ga-g])\s*(#|♯|♭|b)?\s*(大调|小调|调)", lambda m: key(m.group(1), m.group(2), mode_of(m.group(3))))
    reading.take(rf"\b([A-Ga-g]){accidental}[\s-]*(major|minor|maj|min)\b",
                 lambda m: key(m.group(1), m.group(2), mode_of(m.group(3))), re.IGNORECASE)
    reading.take(r"\b([A-G])(#|♯|♭|b)?m\b", lambda m: key(m.group(1), m.group(2), "minor"))
    # "in F", "G调": a key named without a mode is major, as musicians read it (1=G in Chinese numbered notation)
    reading.take(r"\b(?:in|key of|key)\s+([A-G])(#|♯|♭|b)?(?![\w#♯♭])", lambda m: key(m.group(1), m.group(2), "major"),
                 re.IGNORECASE)


def _read_numbers(reading: _Reading) -> None:
    """Tempo, meter, hit points, sections with lengths and the total bars: the phrases that carry a number."""
    def tempo(m: re.Match) -> None:
        value = chinese_number(m.group(1))
        if 20 <= value <= 320:
            reading.once("tempo", value)
        else:
            reading.unknown.append((m.start(), m.group(0).strip()))

    reading.take(r"(?:♩|q|quarter|crotchet)\s*=\s*" + _NUM, tempo)
    reading.take(_NUM + r"\s*(?:bpm|beats per minute|beats a minute|拍每分钟|拍/分钟|拍/分|拍每分)", tempo)
    reading.take(r"每分钟\s*" + _NUM + r"\s*拍", tempo)
    reading.take(r"(?:tempo|速度)\s*(?:of|at|为|是|:)?\s*" + _NUM + r"(?!\s*(?:bars?|小节))", tempo)

    def meter(numerator: int, denominator: int, m: re.Match) -> None:
        if numerator >= 1 and denominator in (2, 4, 8, 16):
            reading.once("meter", (numerator, denominator))
        else:
            reading.unknown.append((m.start(), m.group(0).strip()))

    reading.take(r"(\d{1,2})\s*/\s*(\d{1,2})(?:\s*(?:拍子|拍|time|meter))?",
                 lambda m: meter(int(m.group(1)), int(m.group(2)), m))
    reading.take(r"([二三四五六七八九十]{1,2})([二四八])拍",
                 lambda m: meter(chinese_number(m.group(1)), chinese_number(m.group(2)), m))
    reading.take(r"([二三四六])拍子", lambda m: meter(chinese_number(m.group(1)), 8 if m.group(1) == "六" else 4, m))
    for words, value in ((r"in three|triple (?:meter|time)|三拍", (3, 4)), (r"common time|in four", (4, 4)),
                         (r"cut time|in two", (2, 2)), (r"compound (?:meter|time)", (6, 8))):
        reading.take(words, lambda m, value=value: reading.once("meter", value))

    peak = lambda m: reading.peaks.append(chinese_number(m.group(1)))  # noqa: E731
    reading.take(_HIT_EN + r"\s*(?:point\s*)?(?:at|on|in|by)\s*(?:the\s*)?(?:start of\s*)?" + _EN_BAR + r"\s*(\d{1,3})",
                 peak)
    reading.take(r"(?:at|on|by)\s*" + _EN_BAR + r"\s*(\d{1,3})", peak)
    reading.take(_HIT_CN + r"\s*(?:在|位于|于|落在|放在)\s*第\s*" + _NUM + r"\s*小节", peak)
    reading.take(r"(?:在)?第\s*" + _NUM + r"\s*小节\s*(?:处|时|的)?\s*(?:有|出现|达到|是|为|来|进入)?\s*(?:一个)?\s*"
                 + _HIT_CN, peak)
    reading.take(r"(?:在)?第\s*" + _NUM + r"\s*小节", peak)

    def section(name: str, length: str, m: re.Match) -> None:
        canonical = _SECTION_WORDS.get(name, name)
        reading.sections.append((m.start(), Section(canonical, chinese_number(length))))

    reading.take(_EN_SECTION + r"\s*(?:of\s*)?\(?\s*(\d{1,2})\s*(?:-?\s*" + _EN_BAR + r")?\s*\)?",
                 lambda m: section(m.group(1), m.group(2), m))
    reading.take(r"(\d{1,2})\s*-?\s*(?:" + _EN_BAR + r")?\s*" + _EN_SECTION,
                 lambda m: section(m.group(2), m.group(1), m))
    reading.take(_CN_SECTION + r"\s*(?:为|是|:)?\s*" + _NUM + r"\s*(?:个)?\s*(?:小节)?",
                 lambda m: section(m.group(1), m.group(2), m))
    reading.take(_NUM + r"\s*(?:个)?\s*小节\s*(?:的)?\s*" + _CN_SECTION, lambda m: section(m.group(2), m.group(1), m))

    reading.take(r"(\d{1,3})\s*-?\s*" + _EN_BAR + r"(?![a-z])", lambda m: reading.once("bars", int(m.group(1))))
    reading.take(r"(?:共|一共|总共|长度)?\s*" + _NUM + r"\s*(?:个)?\s*小节",
                 lambda m: reading.once("bars", chinese_number(m.group(1))))


_SECTION_WORDS = {"prechorus": "pre-chorus", "pre-chorus": "pre-chorus", "coda": "outro", "ending": "outro",
                  "refrain": "chorus", "前奏": "intro", "引子": "intro", "主歌": "verse", "导歌": "pre-chorus",
                  "预副歌": "pre-chorus", "副歌": "chorus", "桥段": "bridge", "间奏": "interlude", "尾奏": "outro",
                  "结尾": "outro", "尾声": "outro", "过门": "breakdown", "独奏段": "solo"}


def _read_words(reading: _Reading) -> None:
    """The lexicon's phrases, longest first; Latin words and Chinese characters each their own way."""
    text = reading.text
    for chunk in re.finditer(r"[^\s,.;:!?()\[\]{}、。;!?\"“”'‘’/+&~·…—–]+(?:[ \-][^\s,.;:!?()\[\]{}、。;!?\"“”'‘’/+&~·…—–]+)*",
                             text):
        _read_chunk(reading, chunk.start(), chunk.group(0))


def _read_chunk(reading: _Reading, offset: int, chunk: str) -> None:
    """One run of text between punctuation: Latin phrases by words, Chinese by characters, mixed as they come."""
    pieces = [(m.start(), m.group(0)) for m in re.finditer(r"[a-z0-9][a-z0-9'+\-]*|[\u3400-\u9fff]+|\S", chunk)]
    i = 0
    while i < len(pieces):
        start, piece = pieces[i]
        if _CJK.match(piece):
            _read_chinese(reading, offset + start, piece)
            i += 1
            continue
        used = _read_latin(reading, offset, pieces, i)
        i += used


def _read_latin(reading: _Reading, offset: int, pieces: list[tuple[int, str]], i: int) -> int:
    """Match the longest English phrase starting at word `i`; returns how many pieces it used."""
    for length in range(min(MAX_EN_PHRASE, len(pieces) - i), 0, -1):
        words = [p for _, p in pieces[i:i + length]]
        if any(_CJK.match(w) for w in words):
            continue
        for phrase in (" ".join(words), "-".join(words)):
            facts = _english_facts(phrase)
            if facts is not None:
                for kind, value in facts:
                    reading.fact(offset + pieces[i][0], kind, value)
                return length
    start, word = pieces[i]
    parts = word.split("-")
    if len(parts) > 1 and all(_english_facts(p) is not None for p in parts):
        for part in parts:
            for kind, value in _english_facts(part):
                reading.fact(offset + start, kind, value)
        return 1
    if word.strip("'") and not re.fullmatch(r"[\W_]+", word):
        reading.unknown.append((offset + start, word))
    return 1


def _english_facts(phrase: str):
    """The facts of an English phrase, trying a plural's singular too; None when the lexicon lacks it."""
    for form in (phrase, phrase[:-1] if phrase.endswith("s") else None, phrase[:-2] if phrase.endswith("es") else None):
        if form and form in ENGLISH:
            return ENGLISH[form]
    return None


def _read_chinese(reading: _Reading, offset: int, run: str) -> None:
    """Greedy longest match over a run of Chinese characters; what no phrase covers is one unknown fragment."""
    i, stray = 0, ""
    while i < len(run):
        for length in range(min(MAX_CN_PHRASE, len(run) - i), 0, -1):
            facts = CHINESE.get(run[i:i + length])
            if facts is not None:
                if stray:
                    reading.unknown.append((offset + i - len(stray), stray))
                    stray = ""
                for kind, value in facts:
                    reading.fact(offset + i, kind, value)
                i += length
                break
        else:
            stray += run[i]
            i += 1
    if stray:
        reading.unknown.append((offset + len(run) - len(stray), stray))
