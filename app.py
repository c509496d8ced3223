"""The mdsum web demo: `python app.py` serves it on http://127.0.0.1:7860 (also `mdsum demo`).

Where it listens follows Gradio's deployment convention: ``GRADIO_SERVER_NAME`` and
``GRADIO_SERVER_PORT``, as hosting platforms set them and as two demos side by side need.
A thin face: the UI, the limits and the /summarise and /evaluate API live in `mdsum.demo`.
"""

import os

from mdsum.demo import build_app, launch

demo = build_app()  # module-level, so `gradio app.py` finds it for live reload

if __name__ == "__main__":
    launch(
        demo,
        host=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
        port=int(os.environ.get("GRADIO_SERVER_PORT", "7860")),
    )
