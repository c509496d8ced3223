import pytest

from mdsum.config import config_dir, load_yaml
from mdsum.errors import ConfigError


def test_config_dir_holds_the_summariser_catalogue():
    assert (config_dir() / "summarisers.yaml").is_file()


def test_config_dir_can_be_overridden(monkeypatch, tmp_path):
    monkeypatch.setenv("MDSUM_CONFIGS", str(tmp_path))
    assert config_dir() == tmp_path


def test_yaml_syntax_error_names_the_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [unclosed\nc: 3\n")
    with pytest.raises(ConfigError, match=r"bad.yaml line \d+"):
        load_yaml(path)


def test_missing_config_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="config not found"):
        load_yaml(tmp_path / "absent.yaml")
