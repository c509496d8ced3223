import pytest

from mdsum.text.compress import without_closing_concession


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "He was confident the group could help the UN peace push, even if its format had not yet been outlined.",
            "He was confident the group could help the UN peace push.",
        ),
        (
            "They had inspected a ship believed to be smuggling cars into Iraq, though it was later cleared.",
            "They had inspected a ship believed to be smuggling cars into Iraq.",
        ),
        ("The talks went ahead, despite the heavy fighting in the south!", "The talks went ahead!"),
        # kept: a concession inside a quotation is the speaker's; one with clauses of its own may carry facts
        ('"We will meet again, even if it takes months."', '"We will meet again, even if it takes months."'),
        (
            'He said: "We will meet again, even if it takes months."',
            'He said: "We will meet again, even if it takes months."',
        ),
        (
            "The talks ended, though the envoy, Staffan de Mistura, said they would resume.",
            "The talks ended, though the envoy, Staffan de Mistura, said they would resume.",
        ),
        ("Though it rained, the talks went ahead.", "Though it rained, the talks went ahead."),
        ("The talks ended on Friday.", "The talks ended on Friday."),
    ],
)
def test_without_closing_concession(sentence, expected):
    assert without_closing_concession(sentence) == expected
