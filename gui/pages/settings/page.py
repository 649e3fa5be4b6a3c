"""The settings page (设置): the office's name, the policy profile, the school calendar (term
dates, saved one term at a time), the printed paper (number prefixes of the notices and the
督办通知, signature and seal lines), language and the data file.

The 规则方案 box (:mod:`gui.pages.settings.profile_box`) fills the policy form from a shipped
or imported profile, exports it, and shows the profile the office started from and what differs;
the profile chosen is stored with the policy on saving.

The 督导与整改 box ends with the zones' own visits per school per month
(:mod:`gui.pages.settings.zone_counts`), for a group of schools such as 市直学校 kept in a zone of
its own.

The policy form is built from :class:`core.office.policy.PolicyProfile`'s field metadata (label,
unit, range, group), so a new setting appears here without touching this page. Saving goes through
:func:`core.reports.settings.save_office_and_report_settings`, which validates everything and
saves nothing when anything is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.changes import Change, changes_of
from core.enums import COMPULSORY_KINDS, SchoolKind
from core.errors import FieldError, ValidationError
from core.office.policy import VISITS, PolicyProfile
from core.office.profiles import NamedProfile
from core.office.settings import (
    OFFICE_NAME_MAX,
    load_base_profile,
    load_office_name,
    load_policy,
    load_six_minimum_kinds,
    load_zone_school_visits,
)
from core.reports.settings import (
    NOTICE_PREFIX_MAX,
    SEAL_MAX,
    SIGNATURE_MAX,
    ReportSettings,
    read_report_settings,
    save_office_and_report_settings,
    tidy_report_settings,
)
from core.roster.schools import zone_rows
from db.engine import Database
from gui import dialogs
from gui.pages.settings.profile_box import ProfileBox
from gui.pages.settings.terms_box import TermsBox
from gui.pages.settings.zone_counts import ZoneCounts
from gui.preferences import CHINESE, ENGLISH, language, set_language
from gui.worker import DbWorker, report_failure

SETTINGS_CHANGED = frozenset({Change.SETTINGS})
NOTICE_EXAMPLE = (2026, 3)
"""The year and number shown in the example notice number."""


Loaded = tuple[str, PolicyProfile, ReportSettings, frozenset[str], dict[int, int]]
"""The office's name, policy, report settings, 六个至少 kinds and zones' own counts."""
SIX_KIND_COLUMNS = 3
SHARES = frozenset(f.name for f in fields(PolicyProfile) if isinstance(f.default, float))
"""Settings that are shares (0–1), edited as percentages."""


class SettingsPage(QWidget):
    """Edit and save the office's settings."""

    def __init__(
        self,
        db: Database,
        worker: DbWorker,
        backup_action: QAction,
        restore_action: QAction,
        open_folder_action: QAction,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.worker = worker
        self._loaded: Loaded | None = None
        self._chosen: NamedProfile | None = None
        """A profile filled into the form and not saved yet."""

        self.office_name = QLineEdit()
        self.office_name.setMaxLength(OFFICE_NAME_MAX)
        self.office_name.setPlaceholderText(
            self.tr("e.g. Education Supervision Office of … County")
        )
        office_box = QGroupBox(self.tr("Office"))
        office_form = QFormLayout(office_box)
        office_form.addRow(self.tr("Office name (printed on reports)"), self.office_name)

        self.policy_inputs: dict[str, QSpinBox | QDoubleSpinBox] = {}
        policy_boxes = self._policy_boxes()
        self.profile_box = ProfileBox(
            lambda: (self.office_name.text().strip(), self.policy_from_form()), today()
        )
        self.profile_box.chosen.connect(self.fill_profile)
        for spin in self.policy_inputs.values():
            spin.valueChanged.connect(self._show_changes)
        paper_box = self._paper_box()
        self.terms_box = TermsBox(db, worker, today())

        self.language = QComboBox()
        self.language.addItem("中文（简体）", CHINESE)
        self.language.addItem("English", ENGLISH)
        self.language.setCurrentIndex(self.language.findData(language()))
        self.language.currentIndexChanged.connect(self._language_chosen)
        language_box = QGroupBox(self.tr("Language"))
        language_form = QFormLayout(language_box)
        language_form.addRow(self.tr("Interface language"), self.language)

        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        location = QLabel(self.tr("Database: {path}").format(path=db.describe()))
        location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        location.setWordWrap(True)
        data_layout.addWidget(location)
        data_buttons = QHBoxLayout()
        for action in (backup_action, restore_action, open_folder_action):
            button = QToolButton()
            button.setDefaultAction(action)
            data_buttons.addWidget(button)
        data_buttons.addStretch(1)
        data_layout.addLayout(data_buttons)
        if not db.is_sqlite:
            data_layout.addWidget(
                QLabel(self.tr("A server database is backed up with the server's own tools."))
            )

        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.hide()
        self.status = QLabel()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.revert)
        self.defaults_button = QPushButton(self.tr("Restore default rules"))
        self.defaults_button.clicked.connect(self.fill_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(32, 24, 32, 24)
        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("pageTitle")
        content_layout.addWidget(heading)
        content_layout.addWidget(office_box)
        content_layout.addWidget(self.profile_box)
        for box in policy_boxes:
            content_layout.addWidget(box)
        content_layout.addWidget(self.terms_box)
        content_layout.addWidget(paper_box)
        content_layout.addWidget(language_box)
        content_layout.addWidget(data_box)
        content_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)

        footer = QWidget()
        footer_layout = QVBoxLayout(footer)
        footer_layout.setContentsMargins(32, 8, 32, 16)
        footer_layout.addWidget(self.errors)
        footer_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(footer)

        worker.data_changed.connect(self._data_changed)
        self.revert()

    def _policy_boxes(self) -> list[QGroupBox]:
        boxes: dict[str, QFormLayout] = {}
        widgets: list[QGroupBox] = []
        for f in fields(PolicyProfile):
            group = f.metadata["group"]
            meta = PolicyProfile.describe(f.name)
            if group not in boxes:
                box = QGroupBox(meta["group"])
                form = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
                boxes[group] = form
                widgets.append(box)
            spin: QSpinBox | QDoubleSpinBox
            if f.name in SHARES:
                spin = QDoubleSpinBox()
                spin.setDecimals(0)
                spin.setRange(meta["min"] * 100, meta["max"] * 100)
                spin.setSuffix(" %")
            else:
                spin = QSpinBox()
                spin.setRange(int(meta["min"]), int(meta["max"]))
                if meta["unit"]:
                    spin.setSuffix(f" {meta['unit']}")
            spin.setObjectName(f.name)
            spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
            spin.setMinimumWidth(140)
            self.policy_inputs[f.name] = spin
            boxes[group].addRow(meta["label"], spin)
        boxes[VISITS].addRow(self.tr("Schools asked for the six minimums"), self._six_kinds())
        self.zone_counts = ZoneCounts()
        boxes[VISITS].addRow(
            self.tr("Own visits per school per month, by zone"),
            self.zone_counts,
        )
        return widgets

    def _six_kinds(self) -> QWidget:
        """A box per school kind: those ticked are asked for the 六个至少."""
        self.six_kind_boxes: dict[str, QCheckBox] = {}
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, kind in enumerate(SchoolKind):
            box = QCheckBox(kind.label)
            self.six_kind_boxes[kind.value] = box
            grid.addWidget(box, *divmod(index, SIX_KIND_COLUMNS))
        return grid_widget

    def six_kinds_from_form(self) -> frozenset[str]:
        """The school kinds ticked as asked for the 六个至少."""
        return frozenset(k for k, box in self.six_kind_boxes.items() if box.isChecked())

    def fill_six_kinds(self, kinds: frozenset[str]) -> None:
        """Tick the school kinds asked for the 六个至少."""
        for kind, box in self.six_kind_boxes.items():
            box.setChecked(kind in kinds)

    def _paper_box(self) -> QGroupBox:
        """Notice number prefix (文号前缀), signature line (落款) and seal line (印章)."""
        self.notice_prefix = QLineEdit()
        self.notice_prefix.setMaxLength(NOTICE_PREFIX_MAX)
        self.notice_prefix.setPlaceholderText(ReportSettings().notice_prefix)
        self.notice_example = QLabel()
        self.notice_prefix.textChanged.connect(self._show_notice_example)
        self.signature = QLineEdit()
        self.signature.setMaxLength(SIGNATURE_MAX)
        self.signature.setPlaceholderText(self.tr("Empty: the office name"))
        self.seal = QLineEdit()
        self.seal.setMaxLength(SEAL_MAX)
        self.seal.setPlaceholderText(self.tr("Empty: no seal line"))
        self.supervision_prefix = QLineEdit()
        self.supervision_prefix.setMaxLength(NOTICE_PREFIX_MAX)
        self.supervision_prefix.setPlaceholderText(ReportSettings().supervision_prefix)
        self.supervision_example = QLabel()
        self.supervision_prefix.textChanged.connect(self._show_notice_example)
        box = QGroupBox(self.tr("Printed reports and notices"))
        form = QFormLayout(box)
        form.addRow(self.tr("Notice number prefix"), self.notice_prefix)
        form.addRow("", self.notice_example)
        form.addRow(self.tr("Supervision notice number prefix"), self.supervision_prefix)
        form.addRow("", self.supervision_example)
        form.addRow(self.tr("Signature line"), self.signature)
        form.addRow(self.tr("Seal line"), self.seal)
        self._show_notice_example()
        return box

    def _show_notice_example(self) -> None:
        default = ReportSettings()
        example = ReportSettings(
            notice_prefix=self.notice_prefix.text().strip() or default.notice_prefix,
            supervision_prefix=self.supervision_prefix.text().strip() or default.supervision_prefix,
        )
        self.notice_example.setText(
            self.tr("Notices are numbered like {number}").format(
                number=example.notice_number(*NOTICE_EXAMPLE)
            )
        )
        self.supervision_example.setText(
            self.tr("Supervision notices are numbered like {number}").format(
                number=example.supervision_number(*NOTICE_EXAMPLE)
            )
        )

    def report_settings_from_form(self) -> ReportSettings:
        """The report settings as currently typed (tidied as stored, not validated)."""
        return tidy_report_settings(
            notice_prefix=self.notice_prefix.text(),
            signature=self.signature.text(),
            seal=self.seal.text(),
            supervision_prefix=self.supervision_prefix.text(),
        )

    def fill_report_settings(self, settings: ReportSettings) -> None:
        """Show the report settings in the form."""
        self.notice_prefix.setText(settings.notice_prefix)
        self.signature.setText(settings.signature)
        self.seal.setText(settings.seal)
        self.supervision_prefix.setText(settings.supervision_prefix)

    def policy_from_form(self) -> PolicyProfile:
        """The policy profile as currently typed (not validated)."""
        values = {}
        for name, spin in self.policy_inputs.items():
            values[name] = round(spin.value() / 100, 4) if name in SHARES else spin.value()
        return PolicyProfile().with_changes(**values)

    def fill(self, office_name: str, policy: PolicyProfile) -> None:
        """Show ``office_name`` and ``policy`` in the form."""
        self.office_name.setText(office_name)
        for name, value in policy.as_dict().items():
            spin = self.policy_inputs[name]
            spin.setValue(value * 100 if name in SHARES else value)

    def is_modified(self) -> bool:
        """Whether the form differs from what was last loaded or saved."""
        if self._loaded is None:
            return False
        typed = (
            self.office_name.text(),
            self.policy_from_form(),
            self.report_settings_from_form(),
            self.six_kinds_from_form(),
            self.zone_counts.counts(),
        )
        return typed != self._loaded or self._chosen is not None

    def revert(self) -> None:
        """Load the stored settings into the form (discarding edits)."""
        db = self.db
        self.worker.submit(
            lambda: (
                (
                    load_office_name(db),
                    load_policy(db),
                    read_report_settings(db),
                    load_six_minimum_kinds(db),
                    load_zone_school_visits(db),
                ),
                load_base_profile(db),
                [(z.id, z.name) for z in zone_rows(db)],
            ),
            on_done=self._show_loaded,
        )

    def _show_loaded(self, loaded: tuple[Loaded, NamedProfile, list[tuple[int, str]]]) -> None:
        self._loaded, base, zones = loaded
        name, policy, report, six_kinds, zone_counts = self._loaded
        self.fill_six_kinds(six_kinds)
        self.zone_counts.set_zones(zones, zone_counts)
        self._chosen = None
        self.fill(name, policy)
        self.profile_box.set_base(base, policy)
        self.fill_report_settings(report)
        self._show_errors([])
        self.status.clear()

    def _data_changed(self, changes: frozenset[str]) -> None:
        if changes != SETTINGS_CHANGED and not self.is_modified():
            self.revert()
        if Change.SETTINGS in changes:
            self.terms_box.refresh()

    def fill_profile(self, profile: NamedProfile) -> None:
        """Put a profile's rules into the form; they (and the profile) are stored when saved."""
        self._chosen = profile
        self.fill(self.office_name.text(), profile.policy)
        self.profile_box.set_base(profile, profile.policy)
        self.status.setText(
            self.tr("Rules of {name} filled in; press Save to keep them.").format(name=profile.name)
        )

    def _show_changes(self) -> None:
        self.profile_box.show_changes(self.policy_from_form())

    def fill_defaults(self) -> None:
        """Put the default rules into the form; they are stored only when saved."""
        self.fill(self.office_name.text(), PolicyProfile())
        self.fill_six_kinds(COMPULSORY_KINDS)
        self.zone_counts.fill({})
        self.status.setText(self.tr("Default rules filled in; press Save to keep them."))

    def save(self) -> None:
        """Validate and store the form; on errors nothing is saved and every problem is listed."""
        name, policy = self.office_name.text(), self.policy_from_form()
        report, chosen = self.report_settings_from_form(), self._chosen
        six_kinds, zone_counts = self.six_kinds_from_form(), self.zone_counts.counts()
        self.save_button.setEnabled(False)
        self.worker.submit(
            lambda: save_office_and_report_settings(
                self.db,
                office_name=name,
                policy=policy,
                report=report,
                base=chosen,
                six_minimum_kinds=six_kinds,
                zone_school_visits=zone_counts,
            ),
            on_done=lambda stored: self._saved(stored, policy, six_kinds, zone_counts),
            on_error=self._save_failed,
            changes=changes_of(save_office_and_report_settings),
        )

    def _saved(
        self,
        stored: tuple[str, ReportSettings],
        policy: PolicyProfile,
        six_kinds: frozenset[str],
        zone_counts: dict[int, int],
    ) -> None:
        stored_name, report = stored
        self.save_button.setEnabled(True)
        self._loaded = (stored_name, policy, report, six_kinds, zone_counts)
        self._chosen = None
        self.office_name.setText(stored_name)
        self.fill_report_settings(report)
        self._show_errors([])
        self.status.setText(self.tr("Settings saved."))

    def _save_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            report_failure(exc)
            return
        self._show_errors(exc.errors)
        dialogs.warn(
            self,
            self.tr("Settings not saved"),
            self.tr("Nothing was saved. Please correct:\n{problems}").format(
                problems="\n".join(exc.messages())
            ),
        )

    def _show_errors(self, errors: list[FieldError]) -> None:
        self.errors.setText("\n".join(e.message for e in errors))
        self.errors.setVisible(bool(errors))
        wrong = {e.field for e in errors}
        inputs: dict[str, QWidget] = {
            "office_name": self.office_name,
            **self.policy_inputs,
            "notice_prefix": self.notice_prefix,
            "signature": self.signature,
            "seal": self.seal,
            "supervision_prefix": self.supervision_prefix,
        }
        for name, widget in inputs.items():
            widget.setProperty("invalid", name in wrong)
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def _language_chosen(self) -> None:
        code = self.language.currentData()
        if code == language():
            return
        set_language(code)
        dialogs.inform(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of the app."),
        )
