"""The 规则方案 box of the settings page: fill the policy form from a shipped profile or a file,
export the form as a file, and show which profile the office started from and what differs.

Reading, validating and comparing profiles is :mod:`core.office.profiles`'s work; a file that
is refused changes nothing in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from core.errors import ValidationError
from core.office.policy import PolicyProfile
from core.office.profiles import (
    NamedProfile,
    differences,
    exported_profile,
    read_profile_file,
    shipped_profiles,
    write_profile_file,
)
from gui import dialogs


def _number(value: float, unit: str) -> str:
    """A setting as the form shows it: shares as percentages."""
    shown = f"{value * 100:g} %" if isinstance(value, float) else f"{value:g}"
    return f"{shown} {unit}".strip()


class ProfileBox(QGroupBox):
    """Choose, import and export policy profiles; ``chosen`` carries the profile to fill in."""

    chosen = Signal(object)

    def __init__(self, current: Callable[[], tuple[str, PolicyProfile]], today: date) -> None:
        super().__init__(self.tr("Rules profile"))
        self._current = current
        self._today = today
        self.profiles = shipped_profiles()
        self.base: NamedProfile = self.profiles[0]

        self.choice = QComboBox()
        for profile in self.profiles:
            self.choice.addItem(profile.name)
            self.choice.setItemData(
                self.choice.count() - 1, profile.source, Qt.ItemDataRole.ToolTipRole
            )
        self.fill_button = QPushButton(self.tr("Fill in the form"))
        self.fill_button.clicked.connect(lambda: self.chosen.emit(self.chosen_profile()))
        self.import_button = QPushButton(self.tr("Import profile…"))
        self.import_button.clicked.connect(self.import_profile)
        self.export_button = QPushButton(self.tr("Export profile…"))
        self.export_button.clicked.connect(self.export_profile)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Profile")))
        row.addWidget(self.choice)
        row.addWidget(self.fill_button)
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.export_button)

        self.base_label = QLabel()
        self.base_label.setWordWrap(True)
        self.changes_label = QLabel()
        self.changes_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.base_label)
        layout.addWidget(self.changes_label)

    def chosen_profile(self) -> NamedProfile:
        """The shipped profile selected in the list."""
        return self.profiles[self.choice.currentIndex()]

    def set_base(self, profile: NamedProfile, policy: PolicyProfile) -> None:
        """Show ``profile`` as the one started from and how ``policy`` differs from it."""
        self.base = profile
        self.base_label.setText(
            self.tr("Started from: {name} — {source}").format(
                name=profile.name, source=profile.source
            )
        )
        self.show_changes(policy)

    def show_changes(self, policy: PolicyProfile) -> None:
        """List the settings of ``policy`` that differ from the profile started from."""
        changed = differences(self.base.policy, policy)
        if not changed:
            self.changes_label.setText(self.tr("No setting differs from it."))
            return
        self.changes_label.setText(
            self.tr("Changed from it: {changes}").format(
                changes="；".join(
                    f"{d.label} {_number(d.base, d.unit)} → {_number(d.value, d.unit)}"
                    for d in changed
                )
            )
        )

    def import_profile(self) -> None:
        """Read a profile file and fill the form from it; a wrong file changes nothing."""
        path = dialogs.open_file(self, self.tr("Import a rules profile"), self._file_filter())
        if path is None:
            return
        try:
            profile = read_profile_file(path)
        except ValidationError as exc:
            dialogs.warn(
                self,
                self.tr("Profile not imported"),
                self.tr("Nothing was changed. The file has these problems:\n{problems}").format(
                    problems="\n".join(exc.messages())
                ),
            )
            return
        self.chosen.emit(profile)

    def _file_filter(self) -> str:
        return self.tr("Rule profiles (*.json)")

    def export_profile(self) -> None:
        """Write the rules as typed into a profile file another office can import."""
        name, policy = self._current()
        path = dialogs.save_file(
            self,
            self.tr("Export the rules as a profile"),
            self.tr("{name} rules.json").format(name=name),
            self._file_filter(),
        )
        if path is None:
            return
        try:
            write_profile_file(path, exported_profile(name, policy, self._today))
        except ValidationError as exc:
            dialogs.warn(
                self,
                self.tr("Profile not exported"),
                self.tr("Please correct the rules first:\n{problems}").format(
                    problems="\n".join(exc.messages())
                ),
            )
            return
        except OSError as exc:
            dialogs.warn(self, self.tr("Profile not exported"), str(exc))
            return
        dialogs.inform(
            self,
            self.tr("Profile exported"),
            self.tr("The rules were saved to {path}.").format(path=path),
        )
