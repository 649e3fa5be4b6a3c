"""Errors of user input, with messages that name the field or the row (Chinese in the code, in
the chosen language when made: :mod:`core.i18n`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from core.i18n import Text, _, joined


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: its code name, its label and the message."""

    field: str
    label: str
    message: str


class ValidationError(Exception):
    """Input that cannot be saved; nothing was changed."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(str(self.text()))

    def messages(self) -> list[str]:
        """The messages, one per problem."""
        return [e.message for e in self.errors]

    def text(self) -> Text:
        """Every message on one line, in Chinese and in English."""
        return joined(e.message for e in self.errors)


def refusal(field: str, label: str, message: str) -> ValidationError:
    """A :class:`ValidationError` of one problem with one field."""
    return ValidationError([FieldError(field, label, message)])


class NotEmptyError(Exception):
    """An operation that needs an empty database found data in it."""


class StaleEditError(ValidationError):
    """A save made from an out-of-date view: someone else saved the row since it was opened.
    Nothing was changed; the message lists what the other clerk stored against what this one
    typed."""


Labels = dict[str, str | tuple[str, Callable[[Any], str]]]
"""Field name → its Chinese label, or the label and how to show a stored code."""


def field_values(row: Any, labels: Labels) -> dict[str, Any]:
    """The values of the labelled fields of ``row``."""
    return {field: getattr(row, field) for field in labels}


def stale_edit(
    what: str, labels: Labels, now: dict[str, Any], typed: dict[str, Any]
) -> StaleEditError:
    """The refusal of a save made from an older version of a row: names ``what`` and, for each
    labelled field that differs, the value stored ``now`` and the one ``typed``."""
    lines = []
    for field, how in labels.items():
        label, show = how if isinstance(how, tuple) else (how, str)
        if now[field] != typed[field]:
            stored, entered = _shown(now[field], show), _shown(typed[field], show)
            lines.append(
                _(
                    "{label}：现在是“{stored}”，您填的是“{entered}”",
                    label=label,
                    stored=stored,
                    entered=entered,
                )
            )
    detail = joined(lines) if lines else _("您填写的内容与现在保存的相同")
    message = _(
        "{what}已被他人修改（在您打开之后保存过），为免覆盖，本次没有保存。{detail}。请关闭后重新打开再修改。",
        what=what,
        detail=detail,
    )
    return StaleEditError([FieldError("version", _("版本"), message)])


def apply_unless_stale(
    session: Any,
    row: Any,
    version: int | None,
    labels: Labels,
    what: Callable[[dict[str, Any]], str],
    apply: Callable[[], None],
) -> None:
    """Put the clerk's input on ``row`` with ``apply``, unless the clerk opened an older
    ``version`` of it: then refuse (:func:`stale_edit`, ``what`` naming the row from its stored
    values) and let the caller's session roll back. A new row (no id yet) has nothing to clash
    with. Nothing is flushed while applying, so the stored values stay readable."""
    now = field_values(row, labels)
    with session.no_autoflush:
        apply()
    if version is not None and row.id is not None and row.version != version:
        raise stale_edit(what(now), labels, now, field_values(row, labels))


def _shown(value: Any, show: Callable[[Any], str]) -> str:
    return _("（空）") if value is None or value == "" else show(value)


def unprintable_errors(*fields: tuple[str, str, str]) -> list[FieldError]:
    """A problem for each (field, label, name) whose name has a character no report font
    prints — an emoji, a private-use character (see :func:`core.reports.fonts.unprintable`)."""
    from core.reports.fonts import unprintable_message  # ReportLab only when a name is checked

    found = ((key, label, unprintable_message(text, label)) for key, label, text in fields)
    return [FieldError(key, label, message) for key, label, message in found if message]
