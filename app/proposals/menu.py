"""The Compose menu, its shortcuts, the context menus (ruler region, roll) and the proposal dock.

One set of QActions serves the menu bar, the context menus and the keys, so a
shortcut shown in a menu is the one that works. Take keys ([ ], Alt+Left/Right,
Keep, Discard) are window-wide: after clicking Generate the focus is often in
the panel, and text fields keep their own keys (Qt gives them the override).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QMenu

from app.edit_menus import add_action
from app.i18n import fill
from app.proposals import originality_badge
from app.proposals.controller import ProposalController
from app.proposals.learn_style import LearnStyleDialog, style_names
from app.proposals.panel import ProposalPanel
from app.proposals.sketch import SketchDialog
from composer.proposals.tasks import TASKS

class ComposeMenu(QObject):
    def __init__(self, window: QMainWindow, controller: ProposalController, panel: ProposalPanel) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.panel = panel
        menu = window.menuBar().addMenu(self.tr("&Compose"))
        self.menu = menu
        self.actions = {}
        self.actions["generate"] = add_action(window, menu, self.tr("&Generate (panel settings)"), controller.generate,
                                              "Ctrl+G")
        for task, spec in TASKS.items():    # composer.proposals.tasks: one entry per task
            text = QCoreApplication.translate("ComposeMenu", spec.menu_text)
            self.actions[task.value] = add_action(window, menu, text, lambda t=task.value: controller.generate(t),
                                                  spec.shortcut)
        menu.addSeparator()
        self.actions["previous"] = add_action(window, menu, self.tr("&Previous take"), lambda: controller.step(-1),
                                              ["[", "Alt+Left"])
        self.actions["next"] = add_action(window, menu, self.tr("&Next take"), lambda: controller.step(1),
                                          ["]", "Alt+Right"])
        self.actions["audition"] = add_action(window, menu, self.tr("A&udition take"),
                                              lambda: controller.set_audition(not controller.auditioning),
                                              "Ctrl+Shift+A")
        self.actions["keep"] = add_action(window, menu, self.tr("&Keep take"), controller.keep, "Ctrl+Return")
        self.actions["discard"] = add_action(window, menu, self.tr("&Discard take"), controller.discard,
                                             "Ctrl+Backspace")
        self.actions["cancel"] = add_action(window, menu, self.tr("Cancel generation"), controller.cancel, "Ctrl+.")
        menu.addSeparator()
        self.actions["lock"] = add_action(window, menu, self.tr("&Lock selected notes"),
                                          lambda: self.lock_selection(True),
                                          "Ctrl+Shift+L")
        self.actions["unlock"] = add_action(window, menu, self.tr("&Unlock selected notes"),
                                            lambda: self.lock_selection(False))
        self.actions["clear"] = add_action(window, menu, self.tr("Clear region"), controller.region.clear,
                                           "Shift+Escape")
        menu.addSeparator()
        self.actions["sketch"] = add_action(window, menu, self.tr("New &sketch…"), self.sketch_dialog)
        panel.sketch.clicked.connect(self.sketch_dialog)
        self.actions["learn_style"] = add_action(window, menu, self.tr("Learn a st&yle…"), self.learn_style_dialog)
        self.actions["reference"] = add_action(window, menu, self.tr("Originality &reference folder…"),
                                               self.reference_folder_dialog)
        self.actions["clear_reference"] = add_action(window, menu, self.tr("No originality reference folder"),
                                                     self.clear_reference_folder)
        self.dock = QDockWidget(self.tr("Proposals"), window)
        self.dock.setObjectName("ProposalDock")
        self.dock.setWidget(panel)
        self.dock.setFeatures(QDockWidget.DockWidgetClosable | QDockWidget.DockWidgetMovable)
        window.addDockWidget(Qt.RightDockWidgetArea, self.dock)
        menu.addAction(self.dock.toggleViewAction())
        menu.aboutToShow.connect(self._enable)      # the reference folder may have been set elsewhere
        controller.takesChanged.connect(self._enable)
        controller.jobFinished.connect(lambda *_: self._enable())
        self._enable()

    def lock_selection(self, locked: bool) -> None:
        session = self.controller.session
        track = session.current_track_id
        if track is None or not session.selection:
            self.controller._say(self.tr("Select some notes to lock first"))
            return
        self.controller.region.lock_notes(track, session.selection, locked)
        count = len(session.selection)
        self.controller._say(self.tr("Locked %n note(s): proposals keep locked notes", "", count) if locked
                             else self.tr("Unlocked %n note(s): proposals keep locked notes", "", count))

    def sketch_dialog(self) -> bool:
        dialog = SketchDialog(self.window)
        dialog.start_from(self.controller.session.song)
        if dialog.exec() != QDialog.Accepted:
            return False
        request = dialog.request(self.panel.next_seed(), self.panel.adventure.value(), self.controller.model_path)
        if request is None:
            self.controller._say(self.tr("Choose at least one part"), error=True)
            return False
        return self.controller.new_sketch(request)

    def reference_folder_dialog(self) -> None:
        """Choose a folder of the user's own songs: every take is also checked against them."""
        folder = originality_badge.choose_reference_folder(self.window)
        if folder:
            self.controller._say(fill(self.tr("Takes are also checked against the songs in %1"), folder))
        self._enable()

    def clear_reference_folder(self) -> None:
        originality_badge.clear_reference_folder()
        self.controller._say(self.tr("Takes are checked against the training data only"))
        self._enable()

    def learn_style_dialog(self) -> LearnStyleDialog:
        """Compose › Learn a style…: a style learned there is offered in the panel at once."""
        dialog = LearnStyleDialog(self.controller.model_path, self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.styleLearned.connect(lambda name: self.panel.show_styles(style_names(), self.panel.style.currentData()))
        dialog.show()
        return dialog

    def context_menu(self) -> QMenu:
        """What right-click on the region (ruler) or in the roll (Select and Erase tools) offers."""
        menu = QMenu(self.window)
        for task in TASKS:
            menu.addAction(self.actions[task.value])
        menu.addSeparator()
        for name in ("previous", "next", "audition", "keep", "discard"):
            menu.addAction(self.actions[name])
        menu.addSeparator()
        for name in ("lock", "unlock", "clear"):
            menu.addAction(self.actions[name])
        return menu

    def _enable(self) -> None:
        controller = self.controller
        has_take = controller.current_take is not None
        for name in ("audition", "keep", "discard"):
            self.actions[name].setEnabled(has_take)
        for name in ("previous", "next"):
            self.actions[name].setEnabled(bool(controller.takes))
        self.actions["cancel"].setEnabled(controller.running)
        self.actions["clear_reference"].setEnabled(originality_badge.reference_folder() is not None)
