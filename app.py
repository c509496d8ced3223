"""The mdsum web demo: `python app.py` serves it on http://127.0.0.1:7860 (also `mdsum demo`).

A thin face: the UI, the limits and the /summarise and /evaluate API live in `mdsum.demo`.
"""

from mdsum.demo import build_app, launch

demo = build_app()  # module-level, so `gradio app.py` finds it for live reload

if __name__ == "__main__":
    launch(demo)
