"""``python app.py``, the demo's entry point beside the package."""

from __future__ import annotations

import runpy

import pytest
from support import REPO_ROOT

pytest.importorskip("gradio")


def test_app_py_listens_where_the_gradio_environment_says(monkeypatch):
    """Issue 12, finding 10: GRADIO_SERVER_NAME and GRADIO_SERVER_PORT choose the interface and port."""
    import mdsum.demo

    calls = []
    monkeypatch.setattr(mdsum.demo, "launch", lambda app, **where: calls.append(where))
    monkeypatch.setenv("GRADIO_SERVER_NAME", "0.0.0.0")
    monkeypatch.setenv("GRADIO_SERVER_PORT", "7961")
    runpy.run_path(str(REPO_ROOT / "app.py"), run_name="__main__")
    monkeypatch.delenv("GRADIO_SERVER_NAME")
    monkeypatch.delenv("GRADIO_SERVER_PORT")
    runpy.run_path(str(REPO_ROOT / "app.py"), run_name="__main__")
    assert calls == [{"host": "0.0.0.0", "port": 7961}, {"host": "127.0.0.1", "port": 7860}]
