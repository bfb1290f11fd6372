"""How a take reads in the take list: one translated line (the take itself is composer.proposals.takes.Take).

The line leads with "✓ kept" while the take is kept (a Keep not undone), and
with a close-match warning when the originality check found one, so the
list's default width never cuts either off.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from app.i18n import fill
from app.i18n.terms import task_label
from app.proposals import originality_badge
from composer.proposals.takes import Take

KEPT_MARK = QT_TRANSLATE_NOOP("Take", "✓ kept · ")


def take_label(take: Take) -> str:
    """One line for the take list: kept or not, what, where, seed and how adventurous."""
    translate = QCoreApplication.translate
    first, last = take.bars
    where = fill(translate("Take", "bar %1"), first + 1) if first == last else \
        fill(translate("Take", "bars %1–%2"), first + 1, last + 1)
    parts = [task_label(take.task), where, fill(translate("Take", "seed %1"), take.seed)]
    adventure = take.controls.get("adventure")
    if adventure is not None:
        parts.append(fill(translate("Take", "adv %1"), adventure))
    badge = originality_badge.badge_text(take.stats)   # a close match leads (never cut off), "original" ends
    if badge and originality_badge.is_close(take.stats):
        parts.insert(0, "⚠ " + badge)
    elif badge:
        parts.append(badge)
    return (translate("Take", KEPT_MARK) if take.kept else "") + " · ".join(parts)
