"""The interface language: Cadenza's own translations plus Qt's, chosen from the preference or the system locale.

Every user-visible string in app/ goes through Qt's translation system
(`self.tr` in QObject subclasses, `QCoreApplication.translate("Context", ...)`
elsewhere, `QT_TRANSLATE_NOOP` for tables translated when shown). The sources
are `cadenza_zh_CN.ts` (every string) and `cadenza_en.ts` (only the `%n` plural
forms, so English says "1 take" / "2 takes"); `pyside6-lupdate` keeps them in
step with the code and `pyside6-lrelease` compiles them to the `.qm` files
beside them, which are committed (tests/app/test_i18n_sources.py checks both
steps are current). Qt's own `qtbase_<lang>.qm` is loaded too, so standard
buttons and file dialogs speak the same language.

The choice (`LANGUAGE_KEY` in the settings: "system", "en" or "zh_CN") is read
once, at start: the interface is built in one language and a new choice
applies the next time Cadenza starts, which the menu that sets it says.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator, QT_TRANSLATE_NOOP

HERE = Path(__file__).resolve().parent
LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
# (setting, name shown in the Language menu). Languages are named in themselves, as every app does,
# so a user who cannot read the current one still finds their own.
LANGUAGES = ((SYSTEM, QT_TRANSLATE_NOOP("Language", "Follow the system")), ("en", "English"), ("zh_CN", "简体中文"))
SUPPORTED = tuple(code for code, _ in LANGUAGES if code != SYSTEM)


def fill(template: str, *values: object) -> str:
    """`template` with %1, %2... replaced by `values` in one pass (Qt's QString.arg for Python strings).

    Translations reorder the placeholders; a value that itself contains "%2" is never substituted again."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]) if 0 < int(m.group(1)) <= len(values)
                  else m.group(0), template)


def language_preference() -> str:
    """The stored choice: "system" (the default), "en" or "zh_CN"; anything else reads as "system"."""
    from app.settings import settings

    value = str(settings().value(LANGUAGE_KEY, SYSTEM))
    return value if value in SUPPORTED else SYSTEM


def set_language_preference(code: str) -> None:
    from app.settings import settings

    if code != SYSTEM and code not in SUPPORTED:
        raise ValueError(f"unknown interface language {code!r}")
    store = settings()
    store.setValue(LANGUAGE_KEY, code)
    store.sync()


def resolve(choice: str, locale: QLocale | None = None) -> str:
    """The language to show for `choice`: itself, or (system) Chinese for any Chinese locale, else English.

    Traditional-Chinese locales get Simplified Chinese too: closer for them than English."""
    if choice in SUPPORTED:
        return choice
    locale = locale or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Chinese else "en"


def qm_path(language: str) -> Path:
    return HERE / f"cadenza_{language}.qm"


def remove_translators(app: QCoreApplication) -> None:
    """Back to the source strings (English, "(s)" plurals) and the system locale."""
    for old in app.findChildren(QTranslator, "cadenza-translator"):
        QCoreApplication.removeTranslator(old)
        old.setParent(None)
    QLocale.setDefault(QLocale.system())


def install_translators(app: QCoreApplication, choice: str | None = None) -> str:
    """Load the translations for `choice` (default: the stored preference) into `app`; returns the language.

    Translators installed by an earlier call are removed first, so tests can switch languages."""
    language = resolve(language_preference() if choice is None else choice)
    remove_translators(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"cadenza_{language}", str(HERE))):
        translator = QTranslator(app)
        translator.setObjectName("cadenza-translator")
        if translator.load(name, folder):
            QCoreApplication.installTranslator(translator)
        else:
            translator.deleteLater()
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    elif QLocale.system().language() == QLocale.Chinese:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    return language
