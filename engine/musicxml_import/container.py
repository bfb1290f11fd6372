"""Bytes of the score: a plain `.musicxml`/`.xml` file, or the score inside a compressed `.mxl` zip.

The content decides, not the extension: a `.musicxml` that is really a zip
opens as one, and an `.mxl` that is plain XML opens as XML. A compressed file
names its score in META-INF/container.xml (the first `rootfile`); when that is
missing, the first .musicxml/.xml member outside META-INF is the score.
Sizes are capped before anything is unpacked, so a zip bomb or a mistaken
path (a disk image) is refused in one line instead of filling memory.
"""
from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET
from os import PathLike

from engine.input_file import read_input_file
from engine.musicxml_import.errors import MusicXmlFileError

MAX_FILE_BYTES = 64 * 1024 * 1024    # the biggest real compressed symphony is ~1 MB, its XML ~30 MB
MAX_SCORE_BYTES = 512 * 1024 * 1024  # unpacked XML
ZIP_MAGIC = b"PK\x03\x04"


def score_bytes(path: str | PathLike[str]) -> bytes:
    """The XML text of the score at `path` (unpacked when it is a zip)."""
    data = _read_file(path)
    if data.startswith(ZIP_MAGIC):
        return _unzip_score(path, data)
    return data


def _read_file(path: str | PathLike[str]) -> bytes:
    data = read_input_file(path, MusicXmlFileError, "MusicXML file", MAX_FILE_BYTES)
    if not data.strip():
        raise MusicXmlFileError(path, "is empty")
    return data


def _unzip_score(path: str | PathLike[str], data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            member = _score_member(path, archive)
            info = archive.getinfo(member)
            if info.file_size > MAX_SCORE_BYTES:
                raise MusicXmlFileError(path, f"the score inside is too large ({info.file_size // 1_000_000} MB unpacked)")
            with archive.open(info) as stream:
                score = stream.read(MAX_SCORE_BYTES + 1)
    except MusicXmlFileError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, ValueError,
            OSError) as error:  # a damaged, encrypted or unsupported archive
        raise MusicXmlFileError(path, f"not a readable compressed MusicXML (.mxl) file: {error}") from None
    if len(score) > MAX_SCORE_BYTES:  # the size in the directory lied
        raise MusicXmlFileError(path, "the score inside is too large (over 512 MB unpacked)")
    return score


def _score_member(path: str | PathLike[str], archive: zipfile.ZipFile) -> str:
    names = archive.namelist()
    if "META-INF/container.xml" in names:
        try:
            container = ET.fromstring(archive.read("META-INF/container.xml")[:1_000_000])
        except ET.ParseError:
            container = None
        if container is not None:
            for element in container.iter():
                if element.tag.rsplit("}", 1)[-1] == "rootfile":
                    full_path = element.get("full-path", "")
                    if full_path in names and full_path.lower().endswith((".xml", ".musicxml")):
                        return full_path
    candidates = [name for name in names if not name.upper().startswith("META-INF/")
                  and name.lower().endswith((".musicxml", ".xml"))]
    if not candidates:
        raise MusicXmlFileError(path, "the compressed file holds no score (no .musicxml or .xml inside)")
    return candidates[0]
