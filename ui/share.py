"""The sidebar's Share box: Copy link (works on a plain http:// class server) and Reset."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from ui.i18n import t
from ui.state import link_params, reset

# Copies with the Clipboard API where the page is a secure context (https, localhost), else
# with a selected textarea and execCommand("copy"), which plain http:// still allows.
_COPY_JS = """
export default function (component) {
  const { data, parentElement } = component;
  const button = parentElement.querySelector("button");
  const status = parentElement.querySelector("span");
  button.textContent = data.label;
  button.dataset.link = data.link;
  const copied = () => { status.textContent = data.copied; };
  const fallback = () => {
    const area = document.createElement("textarea");
    area.value = data.link;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    if (ok) copied();
  };
  button.onclick = () => {
    status.textContent = "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(data.link).then(copied, fallback);
    } else {
      fallback();
    }
  };
}
"""
_COPY_HTML = (
    '<div class="share"><button type="button" class="copy-link"></button><span></span></div>'
)
_COPY_CSS = """
.share { display: flex; align-items: center; gap: 0.5rem; font-family: inherit; }
.copy-link { padding: 0.35rem 0.75rem; border-radius: 0.5rem; border: 1px solid #ccc;
  background: white; cursor: pointer; font: inherit; font-size: 0.9rem; }
.copy-link:hover { border-color: #ff4b4b; color: #ff4b4b; }
span { font-size: 0.8rem; color: #21c354; }
"""
_copy_button = st.components.v2.component(
    "playground_copy_link", html=_COPY_HTML, css=_COPY_CSS, js=_COPY_JS
)


def share_link() -> str:
    """This page's address with the whole experiment, what is hidden or locked, and the language."""
    base = st.context.url or ""
    return f"{base}?{urlencode(link_params())}"


def share_box() -> None:
    """Copy link and Reset to defaults, drawn where it is called (the sidebar)."""
    st.caption(t("share.heading"))
    link = share_link()
    _copy_button(
        data={"link": link, "label": t("share.copy"), "copied": t("share.copied")},
        key="copy_link",
    )
    with st.expander(t("share.link")):
        st.code(link, language=None, wrap_lines=True)
    st.button(t("share.reset"), key="reset_defaults", help=t("share.reset_help"), on_click=reset)
