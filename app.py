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
                st.page_link(page, label=t(f"page.{page[6:-3]}"), icon=ICONS[page])
                st.caption(t(key))
    st.info(t("home.quick_start"), icon="🚀")
    st.caption(t("home.credits"))


STEP_CARD_WIDTH_PX = 150
ICONS = {"pages/data.py": "📊", "pages/model.py": "🧱", "pages/train.py": "🏋️",
         "pages/evaluate.py": "🔍", "pages/draw.py": "✏️"}

navigation = st.navigation([
    st.Page(home, title=t("page.home"), icon="🏠", default=True),
    *[st.Page(page, title=t(f"page.{page[6:-3]}"), icon=icon) for page, icon in ICONS.items()],
])
show_link_notes(navigation.url_path)
navigation.run()
sync_url()
