"""`mdsum demo`: its options reach `mdsum.demo.launch`."""

from __future__ import annotations

import pytest

from mdsum import demo
from mdsum.cli import build_parser, main


@pytest.fixture
def launched(monkeypatch):
    calls = []
    monkeypatch.setattr(demo, "launch", lambda **options: calls.append(options))
    return calls


def test_demo_serves_on_localhost_by_default(launched):
    assert main(["demo"]) == 0
    assert launched == [{"host": "127.0.0.1", "port": 7860, "share": False}]


def test_demo_options_reach_launch(launched):
    assert main(["demo", "--host", "0.0.0.0", "--port", "8123", "--share"]) == 0
    assert launched == [{"host": "0.0.0.0", "port": 8123, "share": True}]


def test_a_port_that_is_not_a_number_is_refused():
    with pytest.raises(SystemExit) as error:
        build_parser().parse_args(["demo", "--port", "http"])
    assert error.value.code == 2
