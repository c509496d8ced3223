"""The llama.cpp runtime: a packaged GGUF chat model run as it is (Q4_K_M), no dequantisation to fp32.

Through xllamacpp, whose prebuilt wheel installs in seconds (llama-cpp-python is a source package
that compiles llama.cpp for ~12 minutes on 2 cores). It embeds llama.cpp's own server: the chat
template, greedy decoding, stop strings and the prompt cache are llama.cpp's; the server's
key/value cache keeps the longest common prompt prefix between requests, which is the prefix reuse
the LM judge needs. Tokenising and template rendering have no Python binding, so they go to the
server's HTTP endpoints, which listen on the loopback interface behind a random per-process key.
"""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mdsum.errors import ModelError
from mdsum.llm.cache import cached_build
from mdsum.llm.packaged import join_verified
from mdsum.llm.runtime import Prompt, as_messages
from mdsum.llm.specs import ModelSpec
from mdsum.llm.threads import model_threads

_GGUF = "model.gguf"
_TOP_CANDIDATES = 32  # log-probabilities asked first; the whole vocabulary only if a candidate is not among them
_WHOLE_VOCABULARY = 1 << 30
# generate() settings in transformers' names -> llama.cpp's request fields.
_SETTINGS = {
    "repetition_penalty": "repeat_penalty",
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "seed": "seed",
    "stop": "stop",
}


@dataclass(eq=False)
class LlamaCppModel:
    """A llama.cpp server inside this process, with one slot (one sequence at a time, its prompt cached)."""

    spec: ModelSpec
    server: Any
    threads: int
    key: str

    def count_tokens(self, text: str) -> int:
        return len(self._tokenize(text))

    def truncate(self, text: str, tokens: int) -> str:
        ids = self._tokenize(text)
        return text if len(ids) <= tokens else self._http("/detokenize", {"tokens": ids[:tokens]})["content"]

    def generate(self, prompt: Prompt, max_new_tokens: int, settings: Mapping[str, Any]) -> str:
        request = {"messages": as_messages(prompt), "max_tokens": max_new_tokens, **self._sampling(settings)}
        reply = self._answer(self.server.handle_chat_completions(request))
        return (reply["choices"][0]["message"]["content"] or "").strip()

    def next_token_logprobs(self, prompt: Prompt, candidates: Sequence[str]) -> dict[str, float]:
        first_tokens = {candidate: self._first_token(candidate) for candidate in candidates}
        rendered = self._http("/apply-template", {"messages": as_messages(prompt)})["prompt"]
        found: dict[int, float] = {}
        for asked in (_TOP_CANDIDATES, _WHOLE_VOCABULARY):
            found = self._top_logprobs(rendered, asked)
            if all(token in found for token in first_tokens.values()):
                break
        return {candidate: found[token] for candidate, token in first_tokens.items()}

    def _top_logprobs(self, rendered: str, count: int) -> dict[int, float]:
        """Token id -> log-probability of the ``count`` likeliest first reply tokens (before sampling)."""
        request = {"prompt": rendered, "max_tokens": 1, "n_probs": count, "temperature": 0.0}
        reply = self._answer(self.server.handle_completions({**request, "post_sampling_probs": False}))
        top = reply["choices"][0]["logprobs"]["content"][0]["top_logprobs"]
        return {entry["id"]: entry["logprob"] for entry in top}

    def _first_token(self, candidate: str) -> int:
        ids = self._tokenize(candidate)
        if not ids:
            raise ModelError(f"candidate {candidate!r} encodes to no token")
        return ids[0]

    def _sampling(self, settings: Mapping[str, Any]) -> dict[str, Any]:
        settings = dict(settings)
        greedy = not settings.pop("do_sample", False)
        unknown = sorted(set(settings) - set(_SETTINGS))
        if unknown:
            raise ModelError(
                f"model '{self.spec.name}': the llama.cpp runtime has no generation setting {', '.join(unknown)} "
                f"(it takes do_sample, {', '.join(_SETTINGS)})"
            )
        request = {_SETTINGS[key]: value for key, value in settings.items()}
        return {**request, "temperature": 0.0} if greedy else request

    def _tokenize(self, text: str) -> list[int]:
        return self._http("/tokenize", {"content": text, "add_special": False})["tokens"]

    def _http(self, path: str, body: Mapping[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.server.listening_address + path,
            data=json.dumps(body).encode("utf-8"),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return json.loads(response.read())
        except (OSError, ValueError) as error:
            raise ModelError(f"model '{self.spec.name}': llama.cpp {path} failed: {error}") from None

    def _answer(self, reply: Any) -> dict[str, Any]:
        if not isinstance(reply, dict) or "error" in reply:
            detail = reply.get("error", reply) if isinstance(reply, dict) else reply
            message = detail.get("message", detail) if isinstance(detail, dict) else detail
            raise ModelError(f"model '{self.spec.name}': llama.cpp refused the request: {message}")
        return reply


def joined_gguf(spec: ModelSpec) -> Path:
    """The verified, joined GGUF file of a packaged model, kept in the model cache (joined once)."""
    weights = spec.packaged
    if weights is None:
        raise ModelError(f"model '{spec.name}' has no packaged GGUF weights for llama.cpp")
    key = f"{spec.name}-{weights.sha256[:12]}-gguf"
    return cached_build(key, weights.sha256, lambda directory: join_verified(weights, directory / _GGUF)) / _GGUF


def load(spec: ModelSpec) -> LlamaCppModel:
    try:
        import xllamacpp
    except ImportError:
        raise ModelError(
            f"model '{spec.name}' runs on llama.cpp, which is not installed; install it with: "
            "pip install xllamacpp (make install does it)"
        ) from None
    threads = model_threads(spec.runtime.get("threads"))
    params = xllamacpp.CommonParams()
    params.model.path = str(joined_gguf(spec))
    params.n_ctx = int(spec.runtime.get("context") or spec.context)
    params.n_parallel = 1
    params.cache_prompt = True
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.verbosity = -1  # llama.cpp's log goes to stderr; mdsum prints only its own lines
    key = secrets.token_hex(16)
    params.api_keys = [key]
    try:
        server = xllamacpp.Server(params)
    except (RuntimeError, ValueError) as error:
        raise ModelError(f"llama.cpp cannot load model '{spec.name}': {error}") from None
    return LlamaCppModel(spec, server, threads, key)
