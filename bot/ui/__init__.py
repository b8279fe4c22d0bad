"""The browser chat: a Gradio app over `bot.ask` (app), its HTML (render), the Corpus tab (corpus) and the
LLM-mode draft view (llm). Exposes `launch` and `build_app`."""

from bot.ui.app import build_app, launch

__all__ = ["build_app", "launch"]
