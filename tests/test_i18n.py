"""Every string the pages ask for exists in English and Korean."""

import re

import pytest

from playground import datasets
from playground.config import (ACTIVATIONS, LABEL_ENCODINGS, LOSSES, OPTIMIZERS, OUTPUT_ACTIVATIONS,
                               SCALINGS, TASKS)
from playground.i18n import CATALOG, translate
from tests.conftest import REPO_ROOT

PAGE_FILES = [REPO_ROOT / "app.py", *sorted((REPO_ROOT / "pages").glob("*.py")),
              *sorted((REPO_ROOT / "ui").glob("*.py"))]
LITERAL_KEY = re.compile(r"""\b(?:t|translate)\(\s*"([a-z_]+\.[a-z0-9_.]+)\"""")


def literal_keys() -> set[str]:
    return {key for path in PAGE_FILES for key in LITERAL_KEY.findall(path.read_text())}


def family_keys() -> set[str]:
    """Keys the pages build with f-strings, from the option lists they iterate."""
    keys = {f"data.name.{name}" for name in datasets.DATASETS}
    keys |= {f"data.about.{name}" for name in datasets.DATASETS}
    keys |= {f"task.{task}" for task in ("auto", *TASKS)}
    keys |= {f"act.{a}" for a in (*ACTIVATIONS, *OUTPUT_ACTIVATIONS)}
    keys |= {f"loss.{loss}" for loss in LOSSES}
    keys |= {f"opt.{o}" for o in OPTIMIZERS}
    keys |= {f"labels.{e}" for e in LABEL_ENCODINGS}
    keys |= {f"data.scaling.{s}" for s in SCALINGS}
    keys |= {f"draw.mode.{m}" for m in ("draw", "browse")}
    keys |= {f"eval.metric.{m}" for m in ("loss", "accuracy", "mae", "mse", "r2")}
    keys |= {f"page.{p.stem}" for p in (REPO_ROOT / "pages").glob("*.py")}
    return keys


def test_the_scan_finds_the_page_strings():
    assert len(literal_keys()) > 100


@pytest.mark.parametrize("key", sorted(literal_keys() | family_keys()))
def test_key_exists_in_both_languages(key):
    assert key in CATALOG, f"missing message key {key!r}"
    english, korean = CATALOG[key]
    assert english.strip() and korean.strip()
    assert translate(key, "ko") != translate(key, "en") or key.startswith(("act.", "loss.", "opt.",
                                                                           "model.summary",
                                                                           "eval.metric."))
