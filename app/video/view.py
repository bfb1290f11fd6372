"""The picture: the current frame scaled to fit, black bars around it, a line saying which frame it is,
and the video's sound controls (app.video.sound).

The view paints what the decode thread last delivered and nothing else; which
frame that should be is the controller's business (app.video.controller).
Before the picture starts or with no video, it is black with a short note,
as a DAW's video window is.
"""
from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.video.sound import SoundRow


class PictureView(QWidget):
    """Paints one QImage, aspect kept, centred on black."""

    resized = Signal()  # the frames should be decoded at the new size

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.index: int | None = None  # the frame number of `image`
        self.note = ""  # shown instead of a picture (no video, before its start)
        self.setMinimumSize(160, 90)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setAttribute(Qt.WA_OpaquePaintEvent)

    def sizeHint(self) -> QSize:
        return QSize(480, 270)

    def show_frame(self, index: int, image: QImage) -> None:
        self.index, self.image, self.note = index, image, ""
        self.update()

    def show_note(self, note: str) -> None:
        self.index, self.image, self.note = None, None, note
        self.update()

    def fitting_width(self, width: int, height: int) -> int:
        """The width, in device pixels, at which a width x height picture fills the view without scaling."""
        ratio = self.devicePixelRatioF()
        return max(2, round(min(self.width(), self.height() * width / height) * ratio))

    def picture_rect(self) -> QRect:
        """Where the picture is painted: as large as fits, centred (empty without one)."""
        if self.image is None or self.image.isNull():
            return QRect()
        size = self.image.size().scaled(self.size(), Qt.KeepAspectRatio)
        if abs(size.width() - self.image.width()) <= 2 and abs(size.height() - self.image.height()) <= 2:
            size = self.image.size()  # decoded to fit: painted as it is, a copy and not a resample
        return QRect((self.width() - size.width()) // 2, (self.height() - size.height()) // 2,
                     size.width(), size.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.black)
        if self.image is not None:
            rect = self.picture_rect()
            if rect.size() != self.image.size():  # decoded for another size (the dock is being resized)
                painter.setRenderHint(QPainter.SmoothPixmapTransform)
            painter.drawImage(rect, self.image)
        elif self.note:
            painter.setPen(QColor(160, 160, 160))
            painter.drawText(self.rect().adjusted(8, 8, -8, -8), Qt.AlignCenter | Qt.TextWordWrap, self.note)
        painter.end()


class VideoPanel(QWidget):
    """The picture and, under it, the file, frame number and timecode, then the film sound's mute and level."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture = PictureView(self)
        self.caption = QLabel(self)
        self.caption.setStyleSheet("padding: 2px 4px;")
        self.caption.setTextInteractionFlags(Qt.TextSelectableByMouse)
        # A caption that changes with every frame must not ask the window to lay itself out again each time.
        self.caption.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self.sound = SoundRow(self)
        layout.addWidget(self.sound)
