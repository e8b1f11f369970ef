"""Errors the app expects and explains to the student in their language."""

from __future__ import annotations


class PlaygroundError(Exception):
    """An expected problem with a translatable explanation.

    Args:
        code: a message key in `playground.i18n` (e.g. "data.csv_empty").
        **params: values the message quotes.

    `str(error)` is the English message; `error.message(lang)` translates.
    """

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def __reduce__(self):
        # Rebuilt from code and params (not from the English text) when it
        # crosses a process boundary, e.g. out of a CSV-parsing child.
        return _rebuild, (type(self), self.code, self.params)

    def message(self, lang: str = "en") -> str:
        from playground.i18n import translate

        return translate(self.code, lang, **self.params)


def _rebuild(cls, code: str, params: dict) -> PlaygroundError:
    return cls(code, **params)


class DatasetError(PlaygroundError):
    """Data that cannot be loaded or used as asked (bad CSV, offline MNIST...)."""
