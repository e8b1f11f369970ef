"""Deep Learning Playground core: pure Python, never imports streamlit."""
