"""Errors a user can cause, with the words to tell them: printed as one line, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix. `str()` is the one line the CLI prints."""

    def __init__(self, message_vi: str, message_en: str | None = None) -> None:
        self.message_vi = message_vi
        self.message_en = message_en or message_vi
        super().__init__(self.message_vi if message_en is None else f"{message_vi} / {message_en}")


class FileRejected(UserError):
    """A whole input file (or sheet) cannot be loaded: unreadable, or a required column missing."""

    def __init__(self, file: str, sheet: str | None, message_vi: str, message_en: str) -> None:
        where = file if sheet is None else f"{file} [{sheet}]"
        self.file = file
        self.sheet = sheet
        super().__init__(f"{where}: {message_vi}", f"{where}: {message_en}")
