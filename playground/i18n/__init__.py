"""The one translation layer: every UI string is looked up here.

Each concern keeps its own catalog module (`ui`, `data`, `checks`,
`limits`, `training`, `evaluation`) mapping a key to an (English, Korean) pair.
Messages are `str.format` templates: `translate("x", "ko", units=0)`.
"""

from __future__ import annotations

from playground.i18n import checks, data, evaluation, limits, training, ui

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"

CATALOG: dict[str, tuple[str, str]] = {}
for _module in (ui, data, checks, limits, training, evaluation):
    _clash = CATALOG.keys() & _module.MESSAGES.keys()
    assert not _clash, f"message keys defined twice: {sorted(_clash)}"
    CATALOG.update(_module.MESSAGES)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """Returns the message for `key` in `lang`, formatted with `params`.

    An unknown key comes back as itself, so a missing string is visible
    in the page rather than crashing it.
    """
    pair = CATALOG.get(key)
    if pair is None:
        return key
    template = pair[1] if lang == "ko" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
