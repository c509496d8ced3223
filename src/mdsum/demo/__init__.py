"""The web demo and its API: paste or upload articles, summarise, see each sentence's sources and its evaluation.

One module a job: `inputs` (limits, checked clusters), `models` (the shared warm summarisers and
judge), `endpoints` (summarise, evaluate as the harness measures, the API), `render` (a report as
HTML) and `app` (the Gradio UI and `launch`). The browser and the API call the very same endpoint
functions. ``app.py`` and ``mdsum demo`` only need `build_app` and `launch`.
"""

from mdsum.demo.app import build_app, launch

__all__ = ["build_app", "launch"]
