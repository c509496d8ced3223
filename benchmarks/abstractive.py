"""CPU speed of the abstractive path: the model as loaded (fp32) against faster runtime variants.

For each variant: load time, prefill seconds on the real seed prompt, decode tokens/s and
end-to-end seconds of ``summarise(seeds, words)``, each printed beside the machine's load
average (the cores are shared, so figures are noisy). The outputs are printed side by side
so that a faster variant can be seen to keep the quality. Keep the winner as ``runtime:``
(or ``generation:``, for prompt lookup decoding) in configs/models.yaml.

    python benchmarks/abstractive.py [--model NAME] [--words 200] [--variants fp32 fp32-lookup int8 bf16]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import textwrap
import time
from pathlib import Path

# name -> (runtime, generation overrides): "fp32" is the model as loaded with plain greedy decoding.
NO_LOOKUP = {"prompt_lookup_num_tokens": None}
VARIANTS = {
    "fp32": ({"dtype": "float32"}, NO_LOOKUP),
    "fp32-lookup": ({"dtype": "float32"}, {}),  # prompt lookup decoding, as configs/models.yaml sets it
    "fp32-1thread": ({"dtype": "float32", "threads": 1}, NO_LOOKUP),
    "int8": ({"quantize": "dynamic-int8"}, NO_LOOKUP),
    "bf16": ({"dtype": "bfloat16"}, NO_LOOKUP),
}
DECODE_TOKENS = 32
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def load() -> str:
    return "load avg {:.1f}/{:.1f}/{:.1f}".format(*os.getloadavg())


def measure(name: str, variant: tuple[dict, dict], model: str, cluster, words: int) -> dict:
    import torch

    from mdsum.llm import loading
    from mdsum.llm.generation import encode
    from mdsum.llm.specs import model_spec
    from mdsum.summarisers import build_summariser

    spec = model_spec(model)
    runtime, generation = variant
    torch.set_num_threads(os.cpu_count() or 1)  # a variant's `threads` must not leak into the next
    start = time.perf_counter()
    loaded = loading._load(dataclasses.replace(spec, runtime=runtime, generation={**spec.generation, **generation}))
    load_s = time.perf_counter() - start
    loading._loaded[spec.name] = loaded  # the summariser asks load_model(): give it this variant

    summariser = build_summariser("abstractive", model=model)
    items = summariser._read(cluster, cluster.documents, words, loaded).items
    prompt, _ = summariser._fuse_prompt(loaded, items, words)
    inputs = encode(loaded, prompt)
    prompt_tokens = inputs["input_ids"].shape[1]
    with torch.inference_mode():
        start = time.perf_counter()
        loaded.model(**inputs)
        prefill_s = time.perf_counter() - start
        start = time.perf_counter()
        loaded.model.generate(**inputs, max_new_tokens=DECODE_TOKENS, min_new_tokens=DECODE_TOKENS, do_sample=False)
        decode_tps = DECODE_TOKENS / max(time.perf_counter() - start - prefill_s, 1e-6)
    print(
        f"[{name}] load {load_s:.1f}s  prompt {prompt_tokens} tok  prefill {prefill_s:.2f}s  "
        f"decode {decode_tps:.1f} tok/s  ({load()})",
        flush=True,
    )

    start = time.perf_counter()
    summary = summariser.summarise(cluster, words)
    end_to_end_s = time.perf_counter() - start
    print(f"[{name}] end-to-end summarise {end_to_end_s:.1f}s, {summary.word_count} words  ({load()})", flush=True)
    del loading._loaded[spec.name]
    return {"name": name, "summary": summary, "seconds": end_to_end_s}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-coder-0.5b-instruct")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--variants", nargs="+", default=["fp32", "fp32-lookup", "int8"], choices=sorted(VARIANTS))
    args = parser.parse_args()

    from mdsum.readers import read_inputs

    cluster = next(iter(read_inputs([SEEDS]).items))
    print(
        f"model {args.model}, {len(cluster.documents)} seed documents, budget {args.words} words, "
        f"{os.cpu_count()} CPUs, torch threads {__import__('torch').get_num_threads()}  ({load()})"
    )
    results = [measure(name, VARIANTS[name], args.model, cluster, args.words) for name in args.variants]
    for result in results:
        summary = result["summary"]
        print(f"\n=== {result['name']}: {result['seconds']:.1f}s, {summary.word_count} words ===")
        print(textwrap.fill(summary.text, 100))
        for note in summary.notes:
            print(f"  note: {note}")


if __name__ == "__main__":
    main()
