"""Values quoted in a message are shown literally, never rendered.

Streamlit renders message text as Markdown (and HTML entities), so a value
from a link, a CSV or a file name such as `[log in again](http://evil)` or
`<img src=x>` would become a live link or an image inside the app's own
error box. `escape_params` makes every parameter of a message literal
before the message template is formatted; the templates keep their own
bold text and line breaks.

Example:

```python
from playground.i18n import translate
from playground.i18n.escape import escape_params

translate("check.unknown_loss", "en", **escape_params({"name": "**x**", "choices": "mse"}))
# "The loss function is unknown. Received: loss='\\*\\*x\\*\\*'."
```
"""

from __future__ import annotations

import numbers
import re

# Every ASCII character that Markdown (CommonMark, GitHub tables and
# strikethrough, Streamlit's LaTeX `$` and `:color[...]` directives) gives
# a meaning to. A backslash before any ASCII punctuation shows it literally.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$=:])")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# GitHub-flavoured Markdown also turns bare addresses (http://..., www...., a@b.c)
# into links, and Streamlit does so on the text itself, after the escapes are
# resolved. An invisible WORD JOINER in "://", after "@" and inside "www."
# breaks every such address without changing what the reader sees.
WORD_JOINER = "\u2060"
_AUTOLINK_MARKS = re.compile(r"(?<=:)(?=/)|(?<=@)|(?<=\bwww)(?=\.)", re.IGNORECASE)


class Markdown(str):
    """Text that is already safe Markdown (a translated message).

    `escape_params` passes it through unchanged, so a translated message
    can be quoted inside another one without being escaped twice.
    """


def escape_markdown(text: object) -> str:
    """Returns `text` as Markdown that shows exactly its characters.

    Markdown specials are backslash-escaped, `&`, `<` and `>` become HTML
    entities, line breaks become spaces (a quoted value stays inline: it
    cannot start a heading, a list or a code block), and an invisible
    `WORD_JOINER` keeps web and mail addresses from becoming links.

    Args:
        text: any value; it is converted with `str` first.

    Returns:
        The escaped text. Letters, digits, spaces and non-ASCII text
        (Korean) are unchanged.
    """
    text = _LINE_BREAKS.sub(" ", str(text))
    text = _AUTOLINK_MARKS.sub(WORD_JOINER, text)
    text = "".join(_HTML_ENTITIES.get(char, char) for char in text)
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)


class _Literal:
    """A message parameter that formats as escaped Markdown.

    It keeps the value's own formatting (`{name}`, `{name!r}`, `{name:>8}`)
    and escapes the result, so templates need no special care.
    """

    __slots__ = ("value",)

    def __init__(self, value: object):
        self.value = value

    def __format__(self, spec: str) -> str:
        return escape_markdown(format(self.value, spec))

    def __str__(self) -> str:
        return escape_markdown(str(self.value))

    def __repr__(self) -> str:
        return escape_markdown(repr(self.value))


def escape_params(params: dict) -> dict:
    """The message parameters with every value made literal.

    Numbers stay numbers, so `{value:g}` and `{params:,}` still format;
    `Markdown` values (already translated messages) pass through.

    Args:
        params: the keyword arguments of a message.

    Returns:
        A new dict with the same keys.
    """
    return {
        key: value if isinstance(value, (numbers.Number, Markdown)) else _Literal(value)
        for key, value in params.items()
    }
