"""The one translation layer: every UI string is looked up here.

Each concern keeps its own catalog module (`ui`, `data`, `checks`,
`limits`, `training`, `evaluation`) mapping a key to its text in each
language, `{"en": ..., "ko": ...}`. Texts are `str.format` templates:
`translate("check.units_out_of_range", "ko", layer=1, units=0, max_units=4096)`.

Plurals: a text that counts something is a dict of plural forms instead of
a string, and its "count" entry names the parameter that chooses the form:

```python
"train.stopped": {
    "en": {"count": "epochs",
           "one": "Stopped after {epochs} epoch.",
           "other": "Stopped after {epochs} epochs."},
    "ko": "{epochs} 에포크 후 멈췄습니다.",
}
```

The forms are the language's CLDR plural categories (`PLURAL_CATEGORIES`):
English says "one" for exactly 1 and "other" for 0, 2, 1.5...; Korean has
no plural forms, so its text is a plain string. A message that counts two
things nests a second choice inside a form, e.g. by "units" inside the
"other" form of a message chosen by "width".

Strict mode (`STRICT`, or PLAYGROUND_STRICT_I18N=1 in the environment, as
the tests run): a missing key or a missing or unusable parameter raises
`TranslationError`. Otherwise the page shows the key or the raw template
and the server log says what is wrong, so a slip never breaks a class.

Families: keys the code builds from a value (`t(f"act.{name}")`) are
declared in `FAMILIES` with the lists they range over, so that
tests/test_i18n.py can check that every value has a message.
"""

from __future__ import annotations

import importlib
import logging
import numbers
import os

from playground.i18n import (
    checks,
    classroom,
    compare,
    data,
    evaluation,
    lessons,
    limits,
    network,
    regularize,
    training,
    ui,
)

LANGUAGES = {"en": "English", "ko": "한국어"}
DEFAULT_LANGUAGE = "en"
# CLDR plural categories: https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html
PLURAL_CATEGORIES = {"en": ("one", "other"), "ko": ("other",)}
STRICT_VARIABLE = "PLAYGROUND_STRICT_I18N"
STRICT = os.environ.get(STRICT_VARIABLE, "") == "1"

# Key templates the code fills with a value -> where the values live
# ("module:attribute", any iterable of names; a dict gives its keys).
FAMILIES: dict[str, tuple[str, ...]] = {
    "data.name.{}": ("playground.datasets:DATASETS",),
    "data.about.{}": ("playground.datasets:DATASETS",),
    "data.scaling.{}": ("playground.config:SCALINGS",),
    "task.{}": ("playground.config:TASK_CHOICES",),
    "act.{}": ("playground.config:ACTIVATIONS", "playground.config:OUTPUT_ACTIVATIONS"),
    "loss.{}": ("playground.config:LOSSES",),
    "opt.{}": ("playground.config:OPTIMIZERS",),
    "labels.{}": ("playground.config:LABEL_ENCODINGS",),
    "eval.metric.{}": ("playground.evaluation:TEST_METRICS",),
    "check.{}": ("playground.checks:NAMES",),
    "check.{}.fix": ("playground.checks:NAMES",),
    "teacher.axis.{}": ("playground.classroom:PLOT_AXES",),
    "teacher.status.{}": ("playground.runs:ACTIVE", "playground.runs:ENDED"),
}

_LOGGER = logging.getLogger(__name__)
_MAX_REPORTED = 1000  # problems logged once each; a bound, since parameters may come from students
_reported: set[tuple[str, str]] = set()


class TranslationError(LookupError):
    """A message that cannot be shown: an unknown key, or parameters that do not fit it."""


CATALOG: dict[str, dict] = {}
for _module in (
    ui,
    data,
    checks,
    limits,
    training,
    evaluation,
    compare,
    network,
    regularize,
    lessons,
    classroom,
):
    _clash = CATALOG.keys() & _module.MESSAGES.keys()
    assert not _clash, f"message keys defined twice: {sorted(_clash)}"
    for _key, _message in _module.MESSAGES.items():
        assert isinstance(_message, dict) and set(_message) == set(LANGUAGES), (
            f"Message {_key!r} must be {{'en': ..., 'ko': ...}}. Received: {_message!r}"
        )
    CATALOG.update(_module.MESSAGES)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """Returns the message for `key` in `lang`, formatted with `params`.

    Args:
        key: a key of `CATALOG`, e.g. "train.stopped".
        lang: a code of `LANGUAGES`; any other code gets English.
        **params: the values the template quotes; a plural message also
            takes its count from them.

    Returns:
        The message. Outside strict mode, an unknown key comes back as
        itself and a template whose parameters do not fit comes back
        unformatted, so a slip is visible in the page without breaking it.

    Raises:
        TranslationError: in strict mode, for an unknown key or a missing or
            unusable parameter.
    """
    message = CATALOG.get(key)
    if message is None:
        return _fail(
            key, f"Unknown message key {key!r}: add it to a catalog in playground/i18n/.", key
        )
    text = message.get(lang, message[DEFAULT_LANGUAGE])
    try:
        template = _plural_form(text, lang, params)
    except (KeyError, TypeError) as err:
        return _fail(
            key,
            f"Message {key!r} ({lang}) needs a number to choose its plural form: {err}",
            _forms(text, lang)[-1],
        )
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError, TypeError, AttributeError) as err:
        return _fail(
            key,
            f"Message {key!r} ({lang}) cannot be formatted with "
            f"parameters {sorted(params)}: {type(err).__name__}: {err}",
            template,
        )


def plural_category(lang: str, count: numbers.Number) -> str:
    """The CLDR plural category of `count` in `lang`: "one" or "other".

    Example: `plural_category("en", 1)` is "one"; `plural_category("en", 0)`
    and `plural_category("ko", 1)` are "other".
    """
    if "one" in PLURAL_CATEGORIES.get(lang, ()) and count == 1:
        return "one"
    return "other"


def templates(key: str, lang: str) -> list[str]:
    """Every template of a message in `lang`: one, or one per plural form.

    Raises:
        KeyError: `key` is not in `CATALOG`.
    """
    return _forms(CATALOG[key].get(lang, CATALOG[key][DEFAULT_LANGUAGE]), lang)


def family_keys(template: str) -> list[str]:
    """The keys a family of `FAMILIES` stands for, e.g. "act.relu", "act.tanh"...

    Raises:
        KeyError: `template` is not a family.
    """
    keys = []
    for reference in FAMILIES[template]:
        module, attribute = reference.split(":")
        keys += [
            template.format(value) for value in getattr(importlib.import_module(module), attribute)
        ]
    return keys


def _plural_form(text: str | dict, lang: str, params: dict) -> str:
    """The template to format: `text` itself, or its plural form for the counts in `params`."""
    while not isinstance(text, str):
        name = text["count"]
        if name not in params:
            raise KeyError(f"the parameter {name!r} is missing")
        count = params[name]
        if isinstance(count, bool) or not isinstance(count, numbers.Number):
            raise TypeError(f"{name}={count!r} is not a number")
        text = text[plural_category(lang, count)]
    return text


def _forms(text: str | dict, lang: str) -> list[str]:
    if isinstance(text, str):
        return [text]
    return [form for category in PLURAL_CATEGORIES[lang] for form in _forms(text[category], lang)]


def _fail(key: str, problem: str, fallback: str) -> str:
    if STRICT:
        raise TranslationError(problem)
    if (key, problem) not in _reported and len(_reported) < _MAX_REPORTED:
        _reported.add((key, problem))
        _LOGGER.error("%s The page shows %r instead.", problem, fallback)
    return fallback
