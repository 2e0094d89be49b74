"""The web page (Gradio): chat, clause browser, eligibility form. No logic of its own."""
