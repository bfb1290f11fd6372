"""The edit toolbar: tool buttons (1/2/3), snap grid, ghost notes, key and scale.

Tool buttons are the same QActions the number keys trigger (while the focus is
in the roll editor), in one exclusive group, so the toolbar always shows which
tool the roll is using.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar, QWidget

from app.i18n import fill
from app.key_selector import KeySelector
from app.roll.options import EditorOptions
from app.roll.piano_roll import PianoRoll
from app.roll.snap import SNAP_CHOICES, Snap
from app.session import Session

translate = QCoreApplication.translate

class EditToolBar(QToolBar):
    def __init__(self, session: Session, options: EditorOptions, roll: PianoRoll, scope: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit"))
        self.setObjectName("EditToolBar")
        self.options = options
        self.roll = roll
        self.tool_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for name, tool in roll.tools.items():
            action = QAction(translate("Tool", name), self, checkable=True)
            action.setShortcut(tool.shortcut)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)  # digits stay digits elsewhere
            scope.addAction(action)
            action.setToolTip(fill(self.tr("%1 tool (%2)"), translate("Tool", name), tool.shortcut))
            action.triggered.connect(lambda checked=False, n=name: roll.set_tool(n))
            group.addAction(action)
            self.addAction(action)
            self.tool_actions[name] = action
        roll.toolChanged.connect(lambda n: self.tool_actions[n].setChecked(True))
        self.tool_actions[roll.tool.name].setChecked(True)
        self.addSeparator()
        self.addWidget(QLabel(self.tr(" Snap ")))
        self.snap = QComboBox()
        self.snap.addItems([s.text for s in SNAP_CHOICES])
        self.snap.setToolTip(self.tr("Snap grid (hold Ctrl while dragging to place freely)"))
        self.snap.setCurrentIndex(SNAP_CHOICES.index(options.snap))
        self.snap.activated.connect(lambda i: options.set(snap=SNAP_CHOICES[i]))
        self.addWidget(self.snap)
        self.ghosts = QAction(self.tr("Ghosts"), self, checkable=True, checked=options.show_ghosts)
        self.ghosts.setToolTip(self.tr("Show other tracks' notes dimmed"))
        self.ghosts.toggled.connect(lambda on: options.set(show_ghosts=on))
        self.addAction(self.ghosts)
        self.addSeparator()
        self.key_selector = KeySelector(session, options)
        self.addWidget(self.key_selector)
        options.changed.connect(self._show_options)

    def _show_options(self) -> None:
        snap = self.options.snap
        if snap in SNAP_CHOICES:
            self.snap.setCurrentIndex(SNAP_CHOICES.index(snap))
        self.ghosts.setChecked(self.options.show_ghosts)
