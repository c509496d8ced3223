"""Named configurations in YAML: one mechanism for the summariser, judge and model catalogues.

A catalogue file names a ``default`` and a mapping of entries (``summarisers:``, ``judges:``, ``models:``).
pydantic checks each entry's shape; an entry that configures a registered class (a summariser algorithm,
a judge kind) also has its ``params`` checked against that dataclass's fields and their types, and is
built once so the class's own checks run too. These files are written by hand, so every problem names
its line: ``FILE:LINE: summarisers.lexrank.params.damping: message``.

A catalogue is a value, read when asked for and passed to whoever builds from it, never a process-wide
cache: calibration rewrites ``configs/judges.yaml`` and the next read simply sees the new file.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, ClassVar, Generic, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from mdsum.errors import ConfigError
from mdsum.located import LocatedYaml, dotted, load_located
from mdsum.registry import Registry
from mdsum.resources import shipped_path

At = tuple[Any, ...]  # keys from the document root, as `LocatedYaml.line` takes them
Problem = tuple[At, str]
WIRING = ("name", "catalogue")  # dataclass fields the builder sets: never parameters


class Entry(BaseModel):
    """What every entry may say; subclasses add their fields. An unknown key is an error, not ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = ""

    def problems(self, name: str) -> Iterator[Problem]:
        """What one entry's shape cannot say, at paths relative to the entry; none unless a subclass knows more."""
        return iter(())


class Configured(Entry):
    """An entry that names a class of ``REGISTRY`` in its ``KIND`` field and sets that class's parameters."""

    REGISTRY: ClassVar[Registry[Any]]
    KIND: ClassVar[str]

    params: dict[str, Any] = Field(default_factory=dict)

    @property
    def kind_name(self) -> str:
        return getattr(self, self.KIND)

    def problems(self, name: str) -> Iterator[Problem]:
        if self.kind_name not in self.REGISTRY:
            known = ", ".join(self.REGISTRY.names())
            yield (self.KIND,), f"unknown {self.REGISTRY.family} '{self.kind_name}' (known: {known})"
            return
        cls = self.REGISTRY.load(self.kind_name)
        try:
            cls(name=name, **parameters(cls, self.params))
        except ValidationError as error:
            yield from ((("params", *at), message) for at, message in _problems(error, _parameter_names(cls)))
        except ConfigError as error:
            yield ("params",), str(error)

    def setting(self, parameter: str) -> Any:
        """The parameter as configured, else the class's default; None when the class has no such parameter."""
        if parameter in self.params:
            return self.params[parameter]
        fields = {field.name: field for field in dataclasses.fields(self.REGISTRY.load(self.kind_name))}
        return fields[parameter].default if parameter in fields else None

    def build(self, name: str, catalogue: ClassCatalogue[Any], overrides: Mapping[str, Any]) -> Any:
        """The configured object; a class with a ``catalogue`` field gets this one, to build its parts from."""
        cls = self.REGISTRY.load(self.kind_name)
        try:
            params = parameters(cls, {**self.params, **overrides})
        except ValidationError as error:
            _, first = _first(_problems(error, _parameter_names(cls)))
            raise ConfigError(f"{catalogue.FAMILY} '{name}': {first}") from None
        wiring = {"catalogue": catalogue} if "catalogue" in {field.name for field in dataclasses.fields(cls)} else {}
        return cls(name=name, **params, **wiring)


@cache
def _parameters_model(cls: type) -> type[BaseModel]:
    """A pydantic model of a dataclass's parameters: its fields but the wiring, with their types."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {
        field.name: (hints[field.name], None)  # every one optional here: the dataclass supplies the default
        for field in dataclasses.fields(cls)
        if field.name not in WIRING
    }
    return create_model(f"{cls.__name__}Parameters", __config__=ConfigDict(extra="forbid"), **fields)


def _parameter_names(cls: type) -> list[str]:
    return list(_parameters_model(cls).model_fields)


def parameters(cls: type, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` checked against ``cls``'s fields and converted to their types (a YAML list to a tuple)."""
    model = _parameters_model(cls).model_validate(params)
    return {name: getattr(model, name) for name in model.model_fields_set}


def _problems(error: ValidationError, known_parameters: Sequence[str] = ()) -> list[Problem]:
    """pydantic's errors as (path, message); checking parameters, an unknown one lists the known ones."""
    found = []
    for detail in error.errors(include_url=False):
        message, given = detail["msg"], detail["input"]
        if detail["type"] == "extra_forbidden" and known_parameters:
            message = f"unknown parameter (known: {', '.join(sorted(known_parameters))})"
        elif detail["type"] not in ("missing", "extra_forbidden") and isinstance(given, (str, int, float)):
            message += f", got {given!r}"
        found.append((tuple(detail["loc"]), message))
    return found


E = TypeVar("E", bound=Entry)
C = TypeVar("C", bound=Configured)


@dataclass(frozen=True)
class Catalogue(Generic[E]):
    """Entries by name and the default's name, as read from one file (``path``; None when built in code)."""

    FAMILY: ClassVar[str]  # how messages name one entry: "summariser"
    SECTION: ClassVar[str]  # the file's mapping of entries, and the shipped file's name: configs/<SECTION>.yaml
    ENTRY: ClassVar[type[Entry]]
    DEFAULT_REQUIRED: ClassVar[bool] = True  # False: ``default: null`` is allowed

    default: str | None
    entries: Mapping[str, E]
    path: Path | None = None

    @classmethod
    def read(cls, path: str | Path | None = None) -> Self:
        """The catalogue in ``path`` (default: the shipped ``configs/<SECTION>.yaml``), every entry checked."""
        document = load_located(path if path is not None else shipped_path("configs", f"{cls.SECTION}.yaml"))
        if not isinstance(document.data, dict):
            raise ConfigError(f"{document.where(())}: expected a mapping with 'default' and '{cls.SECTION}'")
        try:
            parsed = dict(_file_model(cls).model_validate(document.data))
        except ValidationError as error:
            raise _located(document, _problems(error)) from None
        catalogue = cls(parsed["default"], MappingProxyType(parsed[cls.SECTION]), document.path)
        problems = list(catalogue.problems())
        if problems:
            raise _located(document, problems)
        return catalogue

    def problems(self) -> Iterator[Problem]:
        """Each entry's own problems, and a default that names no entry; subclasses add cross-entry rules."""
        for name, entry in self.entries.items():
            yield from (((self.SECTION, name, *at), message) for at, message in entry.problems(name))
        if self.default is not None and self.default not in self.entries:
            known = ", ".join(self.names())
            yield ("default",), f"default {self.FAMILY} '{self.default}' is not configured (known: {known})"

    def names(self) -> list[str]:
        return sorted(self.entries)

    def entry(self, name: str | None = None) -> tuple[str, E]:
        """The entry ``name`` (default: the catalogue's default) and its name."""
        name = name or self.default
        if name is None or name not in self.entries:
            raise ConfigError(f"unknown {self.FAMILY} '{name}' (known: {', '.join(self.names())})")
        return name, self.entries[name]


@dataclass(frozen=True)
class ClassCatalogue(Catalogue[C]):
    """A catalogue whose entries configure registered classes, which it builds."""

    REFERENCES: ClassVar[tuple[str, ...]] = ()  # parameters that name other entries of the same catalogue

    def build(self, name: str | None = None, **overrides: Any) -> Any:
        """The configured object ``name`` (default: the default), with parameters overridden."""
        name, entry = self.entry(name)
        return entry.build(name, self, overrides)

    def problems(self) -> Iterator[Problem]:
        """Also: a reference to another entry (a selector, an ensemble's members) must stay in this file."""
        problems = list(super().problems())
        yield from problems
        broken = {at[1] for at, _ in problems if at[:1] == (self.SECTION,)}
        for name, entry in self.entries.items():
            for parameter in self.REFERENCES if name not in broken else ():
                value = entry.setting(parameter)
                for referenced in (value,) if isinstance(value, str) else value or ():
                    if referenced not in self.entries:
                        at = (self.SECTION, name, "params", parameter)
                        yield at, f"no {self.FAMILY} '{referenced}' in this catalogue"


def _file_model(cls: type[Catalogue[Any]]) -> type[BaseModel]:
    """The whole file's shape: ``default`` and the mapping of entries, nothing else (built in under a ms)."""
    default: Any = (str, ...) if cls.DEFAULT_REQUIRED else (str | None, None)
    entries: Any = (dict[str, cls.ENTRY], ...)  # type: ignore[name-defined]
    return create_model(
        f"{cls.__name__}File", __config__=ConfigDict(extra="forbid"), default=default, **{cls.SECTION: entries}
    )


def _first(problems: Sequence[Problem]) -> tuple[At, str]:
    """Where the first problem is, and ``path: message`` counting the others (an error is one line)."""
    at, message = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return at, f"{dotted(at)}{message}{more}"


def _located(document: LocatedYaml, problems: Iterable[Problem]) -> ConfigError:
    """The first problem in file order as ``FILE:LINE: path: message``."""
    at, first = _first(sorted(problems, key=lambda problem: document.line(problem[0])))
    return ConfigError(f"{document.where(at)}: {first}")
