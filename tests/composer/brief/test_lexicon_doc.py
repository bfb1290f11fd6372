"""docs/BRIEF-LEXICON.md is what the reader knows: regenerated from the tables, it must not change."""
from pathlib import Path

from composer.brief.lexicon_doc import document

DOC = Path(__file__).resolve().parents[3] / "docs" / "BRIEF-LEXICON.md"


def test_the_lexicon_document_is_current():
    assert DOC.read_text(encoding="utf-8") == document(), \
        "run: python -m composer.brief.lexicon_doc > docs/BRIEF-LEXICON.md"
