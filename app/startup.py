"""From a QApplication to a shown window: language, theme, main window, the file from the command line, screenshot mode."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app import theme
from app.i18n import install_translators
from app.main_window import WINDOW_SIZE, MainWindow


def run(app: QApplication, path: str | None, screenshot: str | None) -> int:
    app.setApplicationName("Cadenza")
    app.setOrganizationName("Cadenza")
    install_translators(app)
    theme.apply_dark_palette(app)
    window = MainWindow(interactive=not screenshot)
    window.resize(*WINDOW_SIZE)
    window.show()
    window.start(path)
    if screenshot:
        return save_screenshot(app, window, screenshot)
    return app.exec()


def save_screenshot(app: QApplication, window: MainWindow, out: str) -> int:
    """Render the window as a user would see it, after layout and the first paint settle."""
    for _ in range(3):
        app.processEvents()
    window.editor.show_notes()
    app.processEvents()
    ok = window.grab().save(out)
    window.files.close()
    window.midi.close()
    window.transport.close()
    return 0 if ok else 1
