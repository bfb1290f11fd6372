"""The editor in Simplified Chinese: every window, menu and dialog offscreen, no English left, nothing clipped.

Each test here runs with Cadenza's and Qt's zh_CN translations installed
(app.i18n.install_translators, as start-up does) before the window is built,
over the editor tests' song with Chinese track names (a user's own data in
their language). English still on screen is found word by word
(i18n_helpers.english_words, with its allow-list: MIDI, BPM, note names, chord
symbols, key names, units). Clipping is measured with the CJK font setup.sh
installs (fonts-noto-cjk); without one the check is skipped, saying why.
"""
from __future__ import annotations

import pytest
from editor_helpers import key, make_song
from i18n_helpers import clipped, english_in, english_words, menu_texts
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from app.i18n import install_translators, language_preference, remove_translators, resolve
from app.i18n.shots import dialogs

# Texts allowed to stay in Latin letters although they are words: each language named in itself.
LANGUAGE_NAMES = ("'English'",)


@pytest.fixture(autouse=True)
def zh_cn(qapp):
    """Chinese for the whole test, installed before any window is built (autouse fixtures come first)."""
    assert install_translators(qapp, "zh_CN") == "zh_CN"
    yield
    remove_translators(qapp)


@pytest.fixture
def song():
    """The editor tests' song; its tracks named in Chinese, as a Chinese user names them."""
    base = make_song()
    return base.with_(tracks=tuple(t.with_(name=n) for t, n in zip(base.tracks, ("主旋律", "低音"))))


def cjk_font_or_skip() -> None:
    if not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        pytest.skip("no CJK font installed (setup.sh installs fonts-noto-cjk): clipping cannot be measured")


def no_english(widget) -> list[str]:
    return [line for line in english_in(widget) if not any(name in line for name in LANGUAGE_NAMES)]


def test_the_main_window_with_every_menu_and_panel_speaks_chinese(midi_window):
    window = midi_window
    assert window.menuBar().actions()[0].text() == "文件(&F)"      # the accelerator after the word
    assert no_english(window) == []
    context = menu_texts(window.compose.context_menu(), "context menu")
    assert [(where, text) for where, text in context if english_words(text)] == []


def test_the_main_window_is_not_clipped_in_chinese(window):
    cjk_font_or_skip()
    QApplication.processEvents()
    assert clipped(window) == []


def shown_dialogs(window, qtbot):
    """Each dialog shown (laid out as the user sees it), then closed."""
    for name, dialog in dialogs(window):
        dialog.show()
        qtbot.waitExposed(dialog)
        yield name, dialog
        dialog.close()
        dialog.deleteLater()


def test_every_dialog_speaks_chinese(midi_window, qtbot):
    seen = [(name, no_english(dialog)) for name, dialog in shown_dialogs(midi_window, qtbot)]
    assert len(seen) == 7 and [(name, found) for name, found in seen if found] == []


def test_no_dialog_is_clipped_in_chinese(midi_window, qtbot):
    cjk_font_or_skip()
    seen = [(name, clipped(dialog)) for name, dialog in shown_dialogs(midi_window, qtbot)]
    assert len(seen) == 7 and [(name, found) for name, found in seen if found] == []


def test_message_boxes_and_qts_own_buttons_speak_chinese(window):
    window.session.replace_notes(window.session.song.track(1).notes[:1], (), "删除")
    seen = {}

    def read_and_cancel():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_cancel)
            return
        seen.update(title=box.windowTitle(), text=box.text(), buttons=[b.text() for b in box.buttons()])
        box.button(QMessageBox.Cancel).click()

    QTimer.singleShot(20, read_and_cancel)
    assert not window.files.confirm_discard()                  # the unsaved-changes question, cancelled
    assert len(seen["buttons"]) == 3                           # Save, Discard, Cancel: Qt's, from qtbase_zh_CN
    assert [english_words(t) for t in (seen["title"], seen["text"], *seen["buttons"])] == [[]] * 5
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert [english_words(b.text()) for b in box.buttons()] == [[], []]


def test_status_messages_and_the_undo_history_speak_chinese(window):
    roll, session = window.editor.roll, window.session
    shown = []
    session.message.connect(shown.append)
    key(roll, Qt.Key_Q)                                 # nothing selected: the status bar says so
    key(roll, Qt.Key_A, Qt.ControlModifier)
    key(roll, Qt.Key_C, Qt.ControlModifier)
    key(roll, Qt.Key_Delete)
    window.track_list.delete_track()                    # an undo step the engine names ("Delete track")
    window.transport_bar.set_tempo(96)
    assert len(shown) == 2 and all(english_words(m) == [] for m in shown)
    stack = session.undo_stack
    steps = [stack.text(i) for i in range(stack.count())]
    assert len(steps) == 3 and all(english_words(s) == [] for s in steps)
    assert english_words(window.history.emptyLabel()) == []
    undo = next(a for a in window.actions() if a.shortcut() == QKeySequence(QKeySequence.Undo))
    assert steps[-1] in undo.text() and english_words(undo.text()) == []
    assert english_words(window.counts.text()) == []


def shortcuts(window) -> list[tuple[str, ...]]:
    """Every shortcut the window and its editor answer to, as portable key names, sorted."""
    actions = window.actions() + window.editor.actions()
    return sorted(tuple(s.toString(QKeySequence.PortableText) for s in a.shortcuts()) for a in actions
                  if a.shortcuts())


def test_shortcuts_are_the_same_keys_in_both_languages_and_work_in_chinese(qapp, window, qtbot):
    from app.main_window import MainWindow
    from editor_helpers import offline_player

    chinese = shortcuts(window)
    remove_translators(qapp)
    english_window = MainWindow(window.session.song, player_factory=offline_player)
    english = shortcuts(english_window)
    english_window.close()
    english_window.deleteLater()
    install_translators(qapp, "zh_CN")
    assert chinese == english and len(chinese) > 40
    rows = window.menus.shortcut_rows()                  # the F1 list names actions without "(&S)" accelerators
    assert [name for name, _ in rows if "&" in name or name.endswith(")") and name[-3] == "("] == []
    roll, session = window.editor.roll, window.session
    before = session.song
    key(roll, Qt.Key_A, Qt.ControlModifier)              # standard keys (QKeySequence.SelectAll, Undo)
    key(roll, Qt.Key_Delete)
    assert not session.song.track(1).notes
    key(roll, Qt.Key_Z, Qt.ControlModifier)
    assert session.song == before
    key(roll, Qt.Key_2)                                  # a single key, scoped to the roll: the Select tool
    assert roll.tool.name == "Select"


def test_counts_use_plural_forms_in_both_languages(qapp, window):
    assert window.counts.text() == "2 条轨道 · 4 个音符"
    install_translators(qapp, "en")
    window._show_counts()
    assert window.counts.text() == "2 tracks · 4 notes"
    window.track_list.delete_track()
    assert window.counts.text() == "1 track · 1 note"


def test_general_midi_names_scales_roles_and_tasks_are_shown_in_chinese():
    from app.i18n.terms import ROLE_NAMES, SCALE_NAMES, role_name, scale_name, task_label
    from composer.proposals.tasks import TASKS
    from app.tracks.gm import DRUM_NAMES, FAMILIES, drum_label, family_name, program_name

    names = [program_name(p) for p in range(128)] + [program_name(0, drums=True)]
    names += [family_name(f) for f in range(len(FAMILIES))] + [drum_label(p) for p in DRUM_NAMES]
    names += [scale_name(s) for s in SCALE_NAMES] + [role_name(r) for r in ROLE_NAMES]
    names += [task_label(t.value) for t in TASKS]
    assert [n for n in names if english_words(n)] == []
    assert len(set(program_name(p) for p in range(128))) == 128        # no two instruments share a name


def test_the_language_preference_overrides_the_system_locale(window):
    assert resolve("system", QLocale("zh_CN")) == "zh_CN"
    assert resolve("system", QLocale("zh_TW")) == "zh_CN"
    assert resolve("system", QLocale("de_DE")) == "en"
    assert resolve("en", QLocale("zh_CN")) == "en"
    assert language_preference() == "system"
    menu = window.language_menu
    shown = []
    window.session.message.connect(shown.append)
    menu.actions["en"].trigger()                         # View > Language > English
    assert language_preference() == "en" and menu.actions["en"].isChecked()
    assert len(shown) == 1 and english_words(shown[0]) == []    # said in the language on screen, until restart
    assert resolve(language_preference(), QLocale("zh_CN")) == "en"


def test_without_midi_on_the_machine_the_status_says_so_in_chinese(qtbot, window):
    """The real rtmidi backend (no ALSA sequencer here or in CI): the lead is Chinese, the system's reason follows."""
    from engine.live.errors import MidiInputUnavailable
    from engine.live.rtmidi_port import check_midi_input

    reason = check_midi_input()
    if not reason:
        pytest.skip("this machine has MIDI input")
    window.midi.start()
    qtbot.waitUntil(lambda: window.midi.status.text() != "", timeout=5000)
    assert english_words(window.midi.status.text()) == []
    system_words = reason.removeprefix(MidiInputUnavailable("").args[0])
    line = window.midi.menu.devices.actions()[0].text()
    assert line.endswith(system_words) and english_words(line.removesuffix(system_words)) == []


def test_a_generated_take_is_listed_and_reported_in_chinese(qtbot, window, proposal_checkpoint):
    """Generate with the tests' real tiny checkpoint: the status line, the take list and its tooltips."""
    from editor_helpers import seeded_proposals, select_bars

    composer = seeded_proposals(window, proposal_checkpoint, takes=2)
    select_bars(window, 0, 0)
    with qtbot.waitSignal(composer.jobFinished, timeout=120_000) as finished:
        composer.generate("melody")
    assert finished.args[0] == "done"
    panel = composer.panel
    warnings = [w for t in composer.takes for w in t.warnings]      # the composer's own notes stay English
    shown = [panel.status.text(), panel.region_label.text(), window.statusBar().currentMessage()]
    shown += [panel.takes_list.item(i).text() for i in range(panel.takes_list.count())]
    shown += [panel.takes_list.item(i).toolTip() for i in range(panel.takes_list.count())]
    for warning in warnings:
        shown = [text.replace(warning, "") for text in shown]
    assert len(composer.takes) == 2 and [t for t in shown if english_words(t)] == []
    composer.keep()
    assert english_words(panel.status.text()) == []
    from app.proposals.takes import take_label
    assert [take_label(t).startswith("✓ 已采用") for t in composer.takes] == [True, False]


def test_bar_counts_read_as_a_plural_in_both_languages_and_take_typed_numbers(qapp, qtbot):
    from PySide6.QtTest import QTest

    from app.count_spin import BarCountSpinBox

    box = BarCountSpinBox(0, 8)
    box.setSpecialValueText("= 乐句")
    box.show()
    qtbot.waitExposed(box)
    shown = {}
    for value in (0, 1, 4):
        box.setValue(value)
        shown[value] = box.text()
    assert shown == {0: "= 乐句", 1: "1 小节", 4: "4 小节"}
    install_translators(qapp, "en")
    box.setValue(1)
    one = box.text()
    box.setValue(3)
    assert (one, box.text()) == ("1 bar", "3 bars")
    box.lineEdit().selectAll()
    QTest.keyClicks(box, "6")
    QTest.keyClick(box, Qt.Key_Return)
    assert box.value() == 6 and box.text() == "6 bars"
