"""Gold judgements: summaries of a cluster labelled by a person against every checklist fact.

They are the ground truth a judge is calibrated on (Cohen's kappa), so a gold file that skips a fact
or labels one the checklist does not have is an error, reported with its file and line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from mdsum.errors import ConfigError
from mdsum.evaluation.checklist import review_checklist
from mdsum.located import LocatedYaml, load_located, schema_errors
from mdsum.model import Checklist
from mdsum.resources import shipped_path

SCHEMA = shipped_path("eval", "gold", "schema.json", overridable=False)


TRAP_KINDS = ("negated", "swapped", "partial")  # how an adversarial summary misstates a fact


@dataclass(frozen=True)
class GoldSummary:
    """One labelled summary; ``traps`` names the facts it misstates on purpose, so a judge's false
    "covered" on them can be counted, and ``held_out`` keeps it out of every threshold fit."""

    id: str
    description: str
    text: str
    labels: Mapping[str, bool]  # fact id -> covered
    held_out: bool = False
    traps: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # fact id -> one of TRAP_KINDS


@dataclass(frozen=True)
class GoldSet:
    """One gold file: its summaries and the checklist their labels refer to."""

    cluster: str
    checklist: Checklist
    summaries: tuple[GoldSummary, ...]


@dataclass(frozen=True)
class GoldReview:
    """The outcome of checking one gold file; ``gold`` is None unless there are no errors."""

    gold: GoldSet | None
    errors: tuple[str, ...]


def read_gold_set(path: str | Path) -> GoldSet:
    """A valid gold file, or `ConfigError` naming the file and line at fault."""
    review = review_gold(path)
    if review.gold is None:
        more = f" (and {len(review.errors) - 1} more problems)" if len(review.errors) > 1 else ""
        raise ConfigError(review.errors[0] + more)
    return review.gold


def review_gold(path: str | Path) -> GoldReview:
    """Check the shape, the unique summary ids, that labels match the checklist's facts one to one,
    and that traps name checklist facts."""
    try:
        document = load_located(path)
    except ConfigError as error:
        return GoldReview(None, (str(error),))
    errors = schema_errors(document, SCHEMA)
    if errors:
        return GoldReview(None, tuple(errors))
    checklist_path = _resolve(document)
    if checklist_path is None:
        return GoldReview(
            None, (f"{document.where(('checklist',))}: checklist not found: {document.data['checklist']}",)
        )
    checklist_review = review_checklist(checklist_path)
    if checklist_review.checklist is None:
        where = document.where(("checklist",))
        return GoldReview(None, tuple(f"{where}: invalid checklist: {error}" for error in checklist_review.errors))
    checklist = checklist_review.checklist
    errors = (
        _cluster_mismatch(document, checklist)
        + _duplicate_ids(document)
        + _label_mismatch(document, checklist)
        + _trap_mismatch(document, checklist)
    )
    if errors:
        return GoldReview(None, tuple(errors))
    summaries = tuple(
        GoldSummary(
            id=summary["id"],
            description=summary["description"],
            text=summary["text"],
            labels=MappingProxyType({fact_id: summary["labels"][fact_id] for fact_id in checklist.ids}),
            held_out=summary.get("held_out", False),
            traps=MappingProxyType(dict(summary.get("traps", {}))),
        )
        for summary in document.data["summaries"]
    )
    return GoldReview(GoldSet(document.data["cluster"], checklist, summaries), ())


def _resolve(document: LocatedYaml) -> Path | None:
    """The checklist path as written: absolute, or relative to the project root (an ancestor of the file)."""
    written = Path(document.data["checklist"])
    if written.is_absolute():
        return written if written.is_file() else None
    return next((root / written for root in document.path.resolve().parents if (root / written).is_file()), None)


def _cluster_mismatch(document: LocatedYaml, checklist: Checklist) -> list[str]:
    if document.data["cluster"] == checklist.cluster:
        return []
    return [
        f"{document.where(('cluster',))}: cluster '{document.data['cluster']}' but the checklist is for '{checklist.cluster}'"
    ]


def _duplicate_ids(document: LocatedYaml) -> list[str]:
    seen: set[str] = set()
    errors = []
    for index, summary in enumerate(document.data["summaries"]):
        if summary["id"] in seen:
            errors.append(f"{document.where(('summaries', index, 'id'))}: duplicate summary id '{summary['id']}'")
        seen.add(summary["id"])
    return errors


def _label_mismatch(document: LocatedYaml, checklist: Checklist) -> list[str]:
    errors = []
    for index, summary in enumerate(document.data["summaries"]):
        labels = summary["labels"]
        missing = [fact_id for fact_id in checklist.ids if fact_id not in labels]
        if missing:
            at = ("summaries", index, "labels")
            errors.append(f"{document.where(at)}: summary '{summary['id']}' does not label {', '.join(missing)}")
        errors.extend(
            f"{document.where(('summaries', index, 'labels', fact_id))}: summary '{summary['id']}' labels "
            f"{fact_id}, which is not in the checklist"
            for fact_id in labels
            if fact_id not in checklist.ids
        )
    return errors


def _trap_mismatch(document: LocatedYaml, checklist: Checklist) -> list[str]:
    """A trap on a fact the checklist lacks, or on one labelled covered: a misstated fact is not covered.
    (The trap kinds themselves are the schema's to check.)"""
    errors = []
    for index, summary in enumerate(document.data["summaries"]):
        for fact_id in summary.get("traps", {}):
            where = document.where(("summaries", index, "traps", fact_id))
            if fact_id not in checklist.ids:
                errors.append(
                    f"{where}: summary '{summary['id']}' sets a trap on {fact_id}, which is not in the checklist"
                )
            elif summary["labels"].get(fact_id):
                errors.append(
                    f"{where}: summary '{summary['id']}' misstates {fact_id} on purpose yet labels it covered"
                )
    return errors
