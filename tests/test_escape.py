"""Values quoted in messages are shown literally: Markdown and HTML are escaped."""

from __future__ import annotations

import html
import re

import pytest

from playground.errors import DatasetError
from playground.i18n import translate
from playground.i18n.escape import WORD_JOINER, Markdown, escape_markdown, escape_params

HOSTILE = [
    "[log in again](http://evil.example/login)",
    "![x](http://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "**bold** _it_ `code` ~~gone~~",
    "# Heading\n\n---\n- item\n1. item",
    "> quote | a | b |",
    "$x^2$ :red[boo] :rocket: :material/home:",
    "a\\*b & c &amp; d",
    "http://evil.example www.evil.example HTTPS://x.y mail me: a.b@evil.example",
    "{value} {0} {}",
]


def render(markdown: str) -> str:
    """HTML as a CommonMark renderer (with tables and strikethrough) makes it."""
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_its_characters(text):
    rendered = render(escape_markdown(text))
    body = re.fullmatch(r"<p>(.*)</p>\n", rendered, re.DOTALL)
    assert body, rendered  # one plain paragraph: no heading, list, quote, table or rule
    assert "<" not in body.group(1), rendered  # no tag: no link, image, emphasis or code
    assert html.unescape(body.group(1)).replace(WORD_JOINER, "") == re.sub(r"\n+", " ", text)


def test_addresses_cannot_become_links():
    escaped = escape_markdown("see http://evil.example, www.evil.example or a@evil.example")
    # GitHub-flavoured Markdown's bare-address links, as its extension finds them in text
    unescaped = re.sub(r"\\(.)", r"\1", escaped)
    assert not re.search(r"https?://|www\.|\w@\w", unescaped)
    assert (
        unescaped.replace(WORD_JOINER, "")
        == "see http://evil.example, www.evil.example or a@evil.example"
    )
    assert WORD_JOINER not in escape_markdown("ratio 3:1, 데이터:값")


def test_line_breaks_become_spaces():
    assert escape_markdown("a\r\nb\nc\u2028d") == "a b c d"


@pytest.mark.parametrize("text", ["데이터_2024.csv", "타깃 (레이블)", "점의 개수"])
def test_korean_text_and_file_names_stay_readable(text):
    escaped = escape_markdown(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text
    assert all(char in escaped for char in text if ord(char) > 127)


def test_numbers_stay_numbers_and_format():
    params = escape_params({"value": 0.001, "count": 25_450, "flag": True, "name": "a_b"})
    assert "{value:g} {count:,} {flag} {name}".format(**params) == "0.001 25,450 True a\\_b"


def test_repr_and_format_specs_of_text_are_escaped_too():
    params = escape_params({"name": "**x**"})
    assert "{name!r}".format(**params) == "'\\*\\*x\\*\\*'"
    assert "{name:>7}".format(**params) == "  \\*\\*x\\*\\*"
    assert "{name!s}".format(**params) == "\\*\\*x\\*\\*"


def test_a_translated_message_is_not_escaped_twice():
    inner = Markdown(translate("check.units_mismatch", "en", units=3, classes=10))
    params = escape_params({"detail": inner})
    assert params["detail"] is inner


def test_templates_keep_their_own_formatting():
    message = translate(
        "check.unknown_loss", "en", **escape_params({"name": "[x](y)", "choices": "mse"})
    )
    assert message == "The loss function is unknown. Received: loss='\\[x\\]\\(y\\)'."
    assert "Pick Auto" in translate(
        "check.unknown_loss.fix", "en", **escape_params({"choices": "mse"})
    )


def test_an_error_keeps_its_raw_values_for_logs():
    error = DatasetError("data.csv_not_found", file="../../etc/passwd")
    assert "../../etc/passwd" in str(error)
