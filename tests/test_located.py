"""Line-aware YAML: every value's line, syntax errors and duplicate keys reported as FILE:LINE."""

import pytest

from mdsum.errors import ConfigError
from mdsum.located import load_located, schema_errors

DOCUMENT = """\
name: demo
items:
  - id: a
    size: 1
  - id: b
    nested:
      deep: true
"""


@pytest.fixture
def located(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(DOCUMENT)
    return load_located(path)


def test_values_keep_their_lines(located):
    assert located.data["items"][1]["nested"] == {"deep": True}
    assert located.line(()) == 1
    assert located.line(("items", 0)) == 3
    assert located.line(("items", 0, "size")) == 4
    assert located.line(("items", 1, "nested")) == 6  # the key's line, not the block below it
    assert located.line(("items", 1, "nested", "deep")) == 7


def test_missing_path_falls_back_to_its_nearest_parent(located):
    assert located.line(("items", 1, "nested", "absent", 3)) == 6
    assert located.where(("items", 5)) == f"{located.path}:2"


def test_duplicate_key_is_an_error_on_its_line(tmp_path):
    path = tmp_path / "dup.yaml"
    path.write_text("a: 1\nb:\n  c: 2\n  c: 3\n")
    with pytest.raises(ConfigError, match=rf"^{path}:4: duplicate key 'c'$"):
        load_located(path)


def test_syntax_error_names_the_line_and_where_the_construct_began(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [1, 2\nc: 3\n")
    with pytest.raises(ConfigError) as caught:
        load_located(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:") and "YAML syntax" in message
    assert "started on line 2" in message


def test_control_character_names_its_line(tmp_path):
    path = tmp_path / "control.yaml"
    path.write_text("a: 1\nb: Defence\x92s\n")
    with pytest.raises(ConfigError, match=rf"^{path}:2: YAML syntax: special characters are not allowed \(#x0092\)$"):
        load_located(path)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="file not found"):
        load_located(tmp_path / "absent.yaml")


def test_schema_errors_are_in_file_order_with_field_paths(tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text(
        '{"type": "object", "properties": {"items": {"type": "array", "items": '
        '{"type": "object", "required": ["id", "size"], "properties": {"size": {"type": "integer"}}}}}}'
    )
    path = tmp_path / "doc.yaml"
    path.write_text("items:\n  - id: a\n    size: big\n  - id: b\n")
    assert schema_errors(load_located(path), schema) == [
        f"{path}:3: items[0].size: 'big' is not of type 'integer'",
        f"{path}:4: items[1]: 'size' is a required property",
    ]


def test_broken_schema_fails_loudly(tmp_path):
    schema = tmp_path / "schema.json"
    schema.write_text('{"type": "no-such-type"}')
    path = tmp_path / "doc.yaml"
    path.write_text("a: 1\n")
    with pytest.raises(ConfigError, match="not a usable JSON Schema"):
        schema_errors(load_located(path), schema)
