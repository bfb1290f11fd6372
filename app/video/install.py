"""Puts the video into the window: its dock, File menu items, the frame-step keys, the View menu toggle.

Frame step is "," and "." (back and forward), the keys Pro Tools and Premiere
users know for nudging by a frame; Alt+Left/Right already switch AI takes and
the arrows move notes. They work in the whole window, even with the video
hidden, stepping by the song's timecode frames when there is no video.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from app.edit_menus import add_action
from app.video.controller import VideoController


def install_video(window: QMainWindow) -> VideoController:
    """The window's VideoController, with its menu items placed before File › Quit."""
    # The texts are the controller's (its context spelled out: lupdate would file `video.tr(...)` under "video").
    video = VideoController(window, window.files, window.transport)
    menu = window.file_menu.menu
    quit_separator = [action for action in menu.actions() if action.isSeparator()][-1]
    items = (  # (text, slot, shortcut, needs a video)
        (QCoreApplication.translate("VideoController", "Open &video…"), video.open_video, "Ctrl+Shift+O", False),
        (QCoreApplication.translate("VideoController", "&Place video…"), video.placement_dialog, None, True),
        (QCoreApplication.translate("VideoController", "Remove vi&deo"), video.remove_video, None, True),
    )
    for text, slot, shortcut, needs_video in items:
        action = add_action(window, menu, text, slot, shortcut)
        menu.removeAction(action)
        menu.insertAction(quit_separator, action)
        if needs_video:
            action.setEnabled(False)
            video.linkChanged.connect(lambda a=action: a.setEnabled(video.link is not None))
    menu.insertSeparator(quit_separator)
    window.transport_menu.addSeparator()
    back = QCoreApplication.translate("VideoController", "Back one frame")
    forward = QCoreApplication.translate("VideoController", "Forward one frame")
    add_action(window, window.transport_menu, back, lambda: video.step(-1), ",")
    add_action(window, window.transport_menu, forward, lambda: video.step(1), ".")
    window.menus.view.insertAction(window.history_dock.toggleViewAction(), video.dock.toggleViewAction())
    return video
