"""Deep Learning Playground: landing page and navigation.

Run with `streamlit run app.py`. This file must stay free of TensorFlow:
training happens in worker processes (see playground/training.py).
"""

import streamlit as st

from ui.backend import session_owner
from ui.browser import remember_browser
from ui.i18n import lang, language_switch, t
from ui.navigation import mark_app_ran
from ui.state import config, show_link_notes, sync_url

st.set_page_config(page_title="Deep Learning Playground", page_icon="🧠", layout="wide")
mark_app_ran()
language_switch()
remember_browser(lang())
session_owner()  # this tab keeps its browser's runs alive
config()


def home() -> None:
    st.title(t("home.title"))
    st.write(t("home.intro"))
    steps = [("pages/data.py", "home.step_data"), ("pages/model.py", "home.step_model"),
             ("pages/train.py", "home.step_train"), ("pages/evaluate.py", "home.step_evaluate"),
             ("pages/draw.py", "home.step_draw")]
    with st.container(horizontal=True):  # fixed-width cards wrap onto as many rows as needed
        for page, key in steps:
            with st.container(border=True, width=STEP_CARD_WIDTH_PX):
                title, icon = PAGES[page]
                st.page_link(page, label=t(title), icon=icon)
                st.caption(t(key))
    st.info(t("home.quick_start"), icon="🚀")
    st.caption(t("home.credits"))


STEP_CARD_WIDTH_PX = 150
# Each page: its title's message key and its icon.
PAGES = {"pages/data.py": ("page.data", "📊"), "pages/model.py": ("page.model", "🧱"),
         "pages/train.py": ("page.train", "🏋️"), "pages/evaluate.py": ("page.evaluate", "🔍"),
         "pages/draw.py": ("page.draw", "✏️")}

navigation = st.navigation([
    st.Page(home, title=t("page.home"), icon="🏠", default=True),
    *[st.Page(page, title=t(title), icon=icon) for page, (title, icon) in PAGES.items()],
])
show_link_notes(navigation.url_path)
navigation.run()
sync_url()
