"""The one resolver for shipped files: environment override, else the wheel's package data, else the checkout."""

import pytest

from mdsum import resources
from mdsum.resources import shipped_path

REPO = resources.CHECKOUT


@pytest.fixture
def no_overrides(monkeypatch):
    for variable in resources.OVERRIDES.values():
        monkeypatch.delenv(variable, raising=False)


def test_shipped_configs_hold_the_summariser_catalogue(no_overrides):
    assert shipped_path("configs", "summarisers.yaml").is_file()


@pytest.mark.parametrize("folder, variable", sorted(resources.OVERRIDES.items()))
def test_each_folder_can_be_overridden(monkeypatch, tmp_path, folder, variable):
    monkeypatch.setenv(variable, str(tmp_path))
    assert shipped_path(folder) == tmp_path
    assert shipped_path(folder, "a", "b.yaml") == tmp_path / "a" / "b.yaml"


def test_schemas_are_not_overridden(monkeypatch, tmp_path):
    """The file formats belong to the code: a data folder elsewhere need not carry them."""
    monkeypatch.setenv("MDSUM_EVAL", str(tmp_path))
    assert shipped_path("eval", "gold", "schema.json", overridable=False) == REPO / "eval" / "gold" / "schema.json"


def test_a_source_checkout_falls_back_to_its_own_folders(no_overrides):
    """Running from ``src/`` there is no package data beside the code, so the checkout's folders are used."""
    for folder in ("configs", "eval", "seeds"):
        assert shipped_path(folder) == REPO / folder


def test_an_installed_wheel_uses_its_package_data(no_overrides, monkeypatch, tmp_path):
    (tmp_path / "seeds").mkdir()
    monkeypatch.setattr(resources, "files", lambda package: tmp_path)
    assert shipped_path("seeds") == tmp_path / "seeds"
    assert shipped_path("configs") == REPO / "configs"  # not in this fake package: the checkout's


def test_only_the_shipped_folders_resolve():
    with pytest.raises(ValueError, match="not 'src'"):
        shipped_path("src")
