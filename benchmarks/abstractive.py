"""CPU speed of the abstractive path: one model through each runtime, side by side.

For each variant, in a process of its own (so that its peak memory is its own): load time, the seed
prompt's prefill seconds, decode tokens/s (a fixed number of tokens, end of text ignored), and the
end-to-end seconds of ``summarise(seeds, words)``, each printed beside the machine's load average (the
cores are shared, so figures are noisy). The outputs are printed side by side so that a faster variant
can be seen to keep the quality. Keep the winner as ``runtime:`` in configs/models.yaml.

    python benchmarks/abstractive.py [--model NAME] [--words 200] [--variants llama.cpp transformers-fp32]
                                     [--max-new-tokens 64] [--decode-only] [--summariser abstractive]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import os
import resource
import textwrap
import time
from pathlib import Path

# name -> (runtime, generation overrides); every variant runs the same packaged GGUF weights.
VARIANTS = {
    "llama.cpp": ({"engine": "llama.cpp", "threads": "auto", "context": 8192}, {}),
    "transformers-fp32": ({"engine": "transformers", "dtype": "float32"}, {}),
    "transformers-fp32-lookup": ({"engine": "transformers", "dtype": "float32"}, {"prompt_lookup_num_tokens": 20}),
    "transformers-int8": ({"engine": "transformers", "quantize": "dynamic-int8"}, {}),
}
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def load() -> str:
    return "load avg {:.1f}/{:.1f}/{:.1f}".format(*os.getloadavg())


def decode_speed(loaded, prompt, tokens: int) -> tuple[int, float, float]:
    """(prompt tokens, prefill seconds, decode tokens/s) for ``tokens`` new tokens, whatever the runtime."""
    from mdsum.llm.llamacpp_runtime import LlamaCppModel
    from mdsum.llm.runtime import as_messages, generation_settings

    if isinstance(loaded, LlamaCppModel):  # llama.cpp times its own phases
        request = {"messages": as_messages(prompt), "max_tokens": tokens, "ignore_eos": True, "cache_prompt": False}
        timings = loaded.server.handle_chat_completions({**request, "temperature": 0.0})["timings"]
        return timings["prompt_n"], timings["prompt_ms"] / 1000, timings["predicted_per_second"]
    import torch

    inputs = loaded.encode(prompt)
    settings = generation_settings(loaded.spec, {})
    with torch.inference_mode():
        start = time.perf_counter()
        loaded.model(**inputs)
        prefill_s = time.perf_counter() - start
        start = time.perf_counter()
        loaded.model.generate(**inputs, max_new_tokens=tokens, min_new_tokens=tokens, **settings)
        decode_s = time.perf_counter() - start - prefill_s
    return inputs["input_ids"].shape[1], prefill_s, tokens / max(decode_s, 1e-6)


def measure(name: str, args: argparse.Namespace) -> dict:
    """One variant, in its own process: timings, peak memory, and the summary it wrote."""
    from mdsum.llm import loading
    from mdsum.llm.specs import model_spec
    from mdsum.readers import read_inputs
    from mdsum.summarisers import build_summariser

    cluster = next(iter(read_inputs([SEEDS]).items))
    spec = model_spec(args.model)
    runtime, generation = VARIANTS[name]
    start = time.perf_counter()
    loaded = loading.load_spec(dataclasses.replace(spec, runtime=runtime, generation={**spec.generation, **generation}))
    load_s = time.perf_counter() - start
    loading._loaded[spec.name] = loaded  # the summariser asks load_model(): give it this variant

    summariser = build_summariser(args.summariser, model=args.model)
    items = summariser._read(cluster, cluster.documents, args.words, loaded).items
    prompt, _ = summariser._fuse_prompt(loaded, items, args.words)
    prompt_tokens, prefill_s, decode_tps = decode_speed(loaded, prompt, args.max_new_tokens)
    print(
        f"[{name}] load {load_s:.1f}s  prompt {prompt_tokens} tok  prefill {prefill_s:.2f}s  "
        f"decode {decode_tps:.1f} tok/s  ({load()})",
        flush=True,
    )
    result = {"name": name, "decode_tps": decode_tps, "seconds": None, "text": "", "notes": []}
    if not args.decode_only:
        start = time.perf_counter()
        summary = summariser.summarise(cluster, args.words)
        result.update(seconds=time.perf_counter() - start, text=summary.text, notes=list(summary.notes))
        words = summary.word_count
        print(f"[{name}] end-to-end summarise {result['seconds']:.1f}s, {words} words  ({load()})", flush=True)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="qwen2.5-coder-1.5b-instruct")
    parser.add_argument("--summariser", default="abstractive", help="a model summariser (its prompt is timed)")
    parser.add_argument("--words", type=int, default=200)
    parser.add_argument("--variants", nargs="+", default=["llama.cpp", "transformers-fp32"], choices=sorted(VARIANTS))
    parser.add_argument("--max-new-tokens", type=int, default=64, help="tokens decoded for the tokens/s figure")
    parser.add_argument("--decode-only", action="store_true", help="skip the end-to-end summary")
    args = parser.parse_args()

    print(f"model {args.model}, budget {args.words} words, {os.cpu_count()} CPUs  ({load()})", flush=True)
    context = multiprocessing.get_context("spawn")
    results = []
    for name in args.variants:
        with context.Pool(1) as pool:  # a fresh process per variant: peak memory and threads are its own
            results.append(pool.apply(measure, (name, args)))

    baseline = next((r["decode_tps"] for r in results if r["name"] == "transformers-fp32"), None)
    print(f"\n{'variant':<26}{'decode tok/s':>13}{'x fp32':>8}{'peak MiB':>10}{'summary s':>11}")
    for result in results:
        ratio = f"{result['decode_tps'] / baseline:.1f}" if baseline else "-"
        seconds = f"{result['seconds']:.1f}" if result["seconds"] is not None else "-"
        print(f"{result['name']:<26}{result['decode_tps']:>13.1f}{ratio:>8}{result['peak_mib']:>10.0f}{seconds:>11}")
    for result in results:
        if result["seconds"] is not None:
            print(f"\n=== {result['name']}: {result['seconds']:.1f}s ===")
            print(textwrap.fill(result["text"], 100))
            for note in result["notes"]:
                print(f"  note: {note}")


if __name__ == "__main__":
    main()
