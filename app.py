"""Deep Learning Playground: landing page and navigation.

Run with `streamlit run app.py`. This file must stay free of TensorFlow:
training happens in separate processes (see playground/local_pool.py).
"""

import streamlit as st

from ui.backend import session_owner
from ui.browser import remember_browser
from ui.class_notice import show_banner
from ui.i18n import lang, language_switch, t
from ui.navigation import mark_app_ran
from ui.page import link, navigation_pages, student_pages
from ui.share import share_box
from ui.state import config, show_link_notes, sync_url

STEP_CARD_WIDTH_PX = 150


def home() -> None:
    show_banner()
    st.title(t("home.title"))
    st.write(t("home.intro"))
    with st.container(horizontal=True):  # fixed-width cards wrap onto as many rows as needed
        for page in student_pages():
            with st.container(border=True, width=STEP_CARD_WIDTH_PX):
                link(page.name)
                st.caption(t(page.step))
    st.info(t("home.quick_start"), icon="🚀")
    st.caption(t("home.credits"))


st.set_page_config(page_title="Deep Learning Playground", page_icon="🧠", layout="wide")
mark_app_ran()
language_switch()
remember_browser(lang())
session_owner()  # this tab keeps its browser's runs alive
config()
navigation = st.navigation(
    [
        st.Page(home, title=t("page.home"), icon="🏠", default=True),
        *[
            st.Page(
                page.path,
                title=t(page.title),
                icon=page.icon,
                visibility="visible" if listed else "hidden",
            )
            for page, listed in navigation_pages()
        ],
    ]
)
show_link_notes(navigation.url_path)
share_slot = st.sidebar.container()
navigation.run()
with share_slot:  # after the page, so that the link holds what its widgets just set
    share_box()
sync_url()
