"""Errors of user input, with Chinese messages that name the field or the row."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: its code name, its Chinese label and the message."""

    field: str
    label: str
    message: str


class ValidationError(Exception):
    """Input that cannot be saved; nothing was changed."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors))

    def messages(self) -> list[str]:
        """The messages, one per problem."""
        return [e.message for e in self.errors]


def refusal(field: str, label: str, message: str) -> ValidationError:
    """A :class:`ValidationError` of one problem with one field."""
    return ValidationError([FieldError(field, label, message)])


class NotEmptyError(Exception):
    """An operation that needs an empty database found data in it."""
