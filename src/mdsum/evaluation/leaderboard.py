"""The run folder: per-example JSONL, a Markdown leaderboard with bootstrap intervals, paired
significance tests, and the fact x system coverage matrix (Markdown and a PNG heatmap)."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import numpy as np

from mdsum.evaluation.cache import content_key
from mdsum.evaluation.runner import RunResult, write_jsonl_atomically
from mdsum.evaluation.stats import MIN_PAIRED, bootstrap_interval, paired_permutation_test

# Leaderboard columns, in this order, when the reports have them (judge metrics: "<metric>@<judge>").
_COLUMN_ORDER = (
    "pyramid",
    "coverage",
    "later_coverage",
    "rouge1",
    "rouge2",
    "rougeL",
    "rougeLsum",
    "faithfulness",
    "faithfulness@entail",
    "redundancy",
    "words",
    "compression",
)


def columns(result: RunResult) -> list[str]:
    present = dict.fromkeys(name for report in result.reports for name in report.metrics)
    judges = [judge.name for judge in result.panel.judges] if result.panel else []
    ordered = []
    for base in _COLUMN_ORDER:
        ordered += [name for name in (f"{base}@{judge}" for judge in judges) if name in present]
        ordered += [base] if base in present else []
    return ordered


def primary_metric(result: RunResult) -> str | None:
    """The metric systems are ranked and tested on: the config's, else the first judge's Pyramid, else ROUGE-2."""
    available = columns(result)
    if result.config.metric:
        return result.config.metric if result.config.metric in available else None
    return next(
        (name for name in available if name.startswith("pyramid@")), "rouge2" if "rouge2" in available else None
    )


def scores(result: RunResult, system: str, metric: str) -> dict[str, float]:
    """Cluster id -> the system's value of ``metric``."""
    return {r.cluster_id: r.metrics[metric] for r in result.reports if r.system == system and metric in r.metrics}


def leaderboard_markdown(result: RunResult) -> str:
    metric = primary_metric(result)
    names = columns(result)
    config = result.config

    def rank(system: str) -> float:
        values = list(scores(result, system, metric).values()) if metric else []
        return -float(np.mean(values)) if values else 0.0

    lines = [f"# Leaderboard: {config.name}", ""]
    lines += [f"- {note}" for note in (result.panel.notes if result.panel else ())]
    lines += [f"- ranked by **{metric}**" if metric else "- no metric to rank by", ""]
    lines.append(
        f"Mean over clusters [seeded ({config.seed}) {config.bootstrap_samples}-sample percentile bootstrap 95% "
        "interval; none with one cluster]. `@judge`: judged coverage of the checklist (later facts apart)."
    )
    lines.append("ROUGE: F1, rouge-score with Porter stemming, max over references.")
    lines.append(
        "faithfulness: share of sentences some source sentence supports, stating no detail no source states"
        + (
            f"; @entail: and entailed by their best-supporting source sentences ({config.entailment})."
            if config.entailment
            else "."
        )
    )
    lines += ["", "| system | clusters | " + " | ".join(names) + " |", "|---|---|" + "---|" * len(names)]
    for system in sorted(result.systems, key=rank):
        cells = []
        for name in names:
            values = list(scores(result, system, name).values())
            if not values:
                cells.append("")
                continue
            cells.append(_cell(bootstrap_interval(values, seed=config.seed, samples=config.bootstrap_samples)))
        count = len({r.cluster_id for r in result.reports if r.system == system})
        lines.append(f"| {system} | {count} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(interval) -> str:
    """``mean [low, high]``; the mean alone when the interval is degenerate (one cluster)."""
    digits = 1 if abs(interval.mean) >= 10 else 3
    if interval.low == interval.high:
        return f"{interval.mean:.{digits}f}"
    return f"{interval.mean:.{digits}f} [{interval.low:.{digits}f}, {interval.high:.{digits}f}]"


def significance_markdown(result: RunResult) -> str:
    """Paired permutation test of every pair of systems over the clusters both ran on."""
    metric = primary_metric(result)
    lines = [f"## Paired permutation tests on {metric}", ""]
    if metric is None:
        return "\n".join([*lines, "No metric to compare."]) + "\n"
    lines += [
        f"Two-sided, {result.config.permutation_resamples} resamples (exact when fewer permutations exist), seed {result.config.seed}.",
        "",
    ]
    lines += ["| system A | system B | mean A - B | clusters | p |", "|---|---|---|---|---|"]
    for a, b in combinations(result.systems, 2):
        first, second = scores(result, a, metric), scores(result, b, metric)
        shared = sorted(set(first) & set(second))
        difference = float(np.mean([first[c] - second[c] for c in shared])) if shared else float("nan")
        if len(shared) < MIN_PAIRED:
            p = f"n/a (needs >= {MIN_PAIRED} clusters)"
        else:
            value = paired_permutation_test(
                [first[c] for c in shared],
                [second[c] for c in shared],
                seed=result.config.seed,
                resamples=result.config.permutation_resamples,
            )
            p = f"{value:.4f}"
        lines.append(f"| {a} | {b} | {difference:+.3f} | {len(shared)} | {p} |")
    return "\n".join(lines) + "\n"


def primary_judge(result: RunResult) -> str:
    """The judge whose verdicts fill the coverage matrix: the panel's first ("" when no judge ran)."""
    return result.panel.judges[0].name if result.panel and result.panel.judges else ""


def coverage_matrix(result: RunResult) -> tuple[list[str], list[str], np.ndarray]:
    """Rows ``cluster:fact`` (later facts marked), columns systems; cells: covered by the primary judge (1/0), NaN if not run."""
    judge = primary_judge(result)
    if not judge:
        return [], [], np.zeros((0, 0))
    systems = result.systems
    rows, keys = [], []
    for cluster_id, checklist in result.checklists.items():
        for fact in checklist.facts:
            rows.append(f"{cluster_id}:{fact.id}" + (" (later)" if fact.later else ""))
            keys.append((cluster_id, fact.id))
    matrix = np.full((len(rows), len(systems)), np.nan)
    index = {key: i for i, key in enumerate(keys)}
    for report in result.reports:
        if report.system not in systems:
            continue
        for judgement in report.judgements:
            row = index.get((report.cluster_id, judgement.fact_id))
            if judgement.judge == judge and row is not None:
                matrix[row, systems.index(report.system)] = float(judgement.covered)
    return rows, systems, matrix


def coverage_markdown(result: RunResult) -> str:
    rows, systems, matrix = coverage_matrix(result)
    if not rows:
        return "No checklist for these clusters: no coverage matrix.\n"
    judge = primary_judge(result)
    statements = {f"{c}:{f.id}": f.statement for c, checklist in result.checklists.items() for f in checklist.facts}
    lines = [
        f"# Fact coverage by system (judge: {judge})",
        "",
        "| fact | weight | " + " | ".join(systems) + " | statement |",
        "|---|---|" + "---|" * len(systems) + "---|",
    ]
    weights = {f"{c}:{f.id}": f.weight for c, checklist in result.checklists.items() for f in checklist.facts}
    for label, values in zip(rows, matrix, strict=False):
        key = label.split(" ")[0]
        cells = ["" if np.isnan(v) else ("✓" if v else "✗") for v in values]
        lines.append(f"| {label} | {weights[key]} | " + " | ".join(cells) + f" | {statements[key]} |")
    totals = np.nansum(matrix, axis=0).astype(int)
    lines.append("| covered | | " + " | ".join(f"{t}/{len(rows)}" for t in totals) + " | |")
    return "\n".join(lines) + "\n"


def heatmap_stamp(path: Path) -> Path:
    """Beside the PNG: the hash of the data it plots, so that an unchanged heatmap is not drawn again."""
    return path.with_name(f".{path.name}.data")


def save_heatmap(result: RunResult, path: Path) -> Path | None:
    """The coverage matrix as a PNG (matplotlib, Agg backend); None when there is no checklist.

    A PNG already holding the same plot is kept: drawing it (and importing matplotlib) is most of
    the time of a re-run whose results all come from the cache.
    """
    rows, systems, matrix = coverage_matrix(result)
    if not rows:
        return None
    title = f"{result.config.name}: facts covered (judge {primary_judge(result)})"
    plotted = content_key("heatmap", title, rows, systems, matrix.tolist())
    stamp = heatmap_stamp(path)
    if path.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == plotted:
        return path
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(1.2 * len(systems) + 3, 0.28 * len(rows) + 1.5))
    image = axes.imshow(np.ma.masked_invalid(matrix), cmap="Greens", vmin=0, vmax=1, aspect="auto")
    axes.set_xticks(range(len(systems)), systems, rotation=30, ha="right")
    axes.set_yticks(range(len(rows)), rows, fontsize=7)
    axes.set_title(title)
    figure.colorbar(image, ax=axes, fraction=0.04)
    figure.tight_layout()
    stamp.unlink(missing_ok=True)  # a drawing cut short must not be taken for the plot it was replacing
    figure.savefig(path, dpi=120)
    pyplot.close(figure)
    stamp.write_text(plotted, encoding="utf-8")
    return path


def write_run_folder(result: RunResult) -> list[Path]:
    """Write every output of the run into ``config.output``; returns the files written.

    A run without reports (every cluster failed or was skipped) writes nothing, so it never
    replaces an earlier run's outputs with empty ones; a coverage heatmap this run cannot draw
    (no checklist) is removed rather than left from an earlier run.
    """
    if not result.reports:
        return []
    folder = result.config.output
    folder.mkdir(parents=True, exist_ok=True)
    write_jsonl_atomically(folder / "reports.jsonl", (report.to_dict() for report in result.reports))
    board = leaderboard_markdown(result) + "\n" + significance_markdown(result)
    if result.messages:
        board += "\n## Skipped and failed\n\n" + "\n".join(f"- {message}" for message in result.messages) + "\n"
    (folder / "leaderboard.md").write_text(board, encoding="utf-8")
    (folder / "coverage.md").write_text(coverage_markdown(result), encoding="utf-8")
    heatmap = save_heatmap(result, folder / "coverage.png")
    if heatmap is None:
        (folder / "coverage.png").unlink(missing_ok=True)
        heatmap_stamp(folder / "coverage.png").unlink(missing_ok=True)
    summary = {
        "config": str(result.config.path) if result.config.path else None,
        "systems": result.systems,
        "judges": [judge.config | {"name": judge.name} for judge in result.panel.judges] if result.panel else [],
        "notes": list(result.panel.notes) if result.panel else [],
        "messages": result.messages,
        "metric": primary_metric(result),
        "heatmap": str(heatmap) if heatmap else None,
    }
    (folder / "run.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False, default=list) + "\n", encoding="utf-8"
    )
    written = ["reports.jsonl", "leaderboard.md", "coverage.md", *(["coverage.png"] if heatmap else []), "run.json"]
    return [folder / name for name in written]
