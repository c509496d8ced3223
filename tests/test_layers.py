"""The package's layers only point down (the import-linter contract in pyproject.toml).

text -> data model -> model runtime and algorithms -> evaluation -> faces: a lower layer that imports
a higher one, or two sibling packages that import each other, fail this test.
"""

from __future__ import annotations

from importlinter.cli import lint_imports


def test_imports_only_point_down(repo_root, monkeypatch, capsys):
    monkeypatch.chdir(repo_root)
    status = lint_imports(config_filename=str(repo_root / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == 0, capsys.readouterr().out
