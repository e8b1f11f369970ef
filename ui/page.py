"""What every page shares: the table of pages, how a page begins, and the dataset guard."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from playground.config import ExperimentConfig
from playground.datasets import Dataset
from playground.errors import PlaygroundError
from ui import backend
from ui.class_notice import class_mode, show_banner
from ui.i18n import show_error, t
from ui.navigation import ensure_app_navigation
from ui.run_status import sidebar_run_status
from ui.teacher_views import teacher_verified


@dataclass(frozen=True)
class PageInfo:
    """One page of the app.

    Attributes:
        name: its URL path.
        title: the message key of its title.
        icon: shown in the navigation and on its links.
        step: the message key of the home page's card text for it ("" for no card).
        teacher_only: present only on a server with a teacher token, and listed
            in the navigation only once this session has entered it.
    """

    name: str
    title: str
    icon: str
    step: str
    teacher_only: bool = False

    @property
    def path(self) -> str:
        return f"pages/{self.name}.py"


# The app's pages in the order a student meets them (app.py builds the navigation from it).
PAGES = (
    PageInfo("lessons", "page.lessons", "📚", "home.step_lessons"),
    PageInfo("data", "page.data", "📊", "home.step_data"),
    PageInfo("model", "page.model", "🧱", "home.step_model"),
    PageInfo("train", "page.train", "🏋️", "home.step_train"),
    PageInfo("evaluate", "page.evaluate", "🔍", "home.step_evaluate"),
    PageInfo("compare", "page.compare", "⚖️", "home.step_compare"),
    PageInfo("draw", "page.draw", "✏️", "home.step_draw"),
    PageInfo("teacher", "page.teacher", "🧑‍🏫", "", teacher_only=True),
)
_BY_NAME = {page.name: page for page in PAGES}


def student_pages() -> tuple[PageInfo, ...]:
    """The pages every student has, in order: the home page's cards."""
    return tuple(page for page in PAGES if not page.teacher_only)


def navigation_pages() -> list[tuple[PageInfo, bool]]:
    """The pages this server has, each with whether this session's menu lists it.

    The Teacher page exists only when PLAYGROUND_TEACHER_TOKEN is set; it is
    reached at /teacher and listed once the token has been entered there.
    """
    entries = [(page, True) for page in student_pages()]
    if class_mode():
        entries += [(page, teacher_verified()) for page in PAGES if page.teacher_only]
    return entries


def link(name: str, label: str | None = None) -> None:
    """A link to one of `PAGES`, labelled with its title unless told otherwise."""
    page = _BY_NAME[name]
    st.page_link(page.path, label=label or t(page.title), icon=page.icon)


def begin(sidebar_status: bool = True) -> None:
    """Every page's first call: run through app.py's navigation, show the
    teacher's banner, then the browser's waiting or training run in the
    sidebar (the Train page shows it in the page instead)."""
    ensure_app_navigation()
    show_banner()
    if sidebar_status:
        sidebar_run_status()


def dataset_or_explain(config: ExperimentConfig) -> Dataset:
    """The config's dataset; if it cannot be loaded, says why, links to Data and stops the page."""
    try:
        return backend.load_dataset(config.data)
    except PlaygroundError as err:
        show_error(err)
        link("data", t("model.fix_data"))
        st.stop()
