"""A rewrite held to its plan: the model's own sentences out, time order kept, left-out lines put back."""

from support import BRIDGE_TIMELINE

from mdsum.model import SummarySentence
from mdsum.planning.select import make_plan
from mdsum.summarisers.plan_fidelity import keep_to_plan

PLAN = make_plan(BRIDGE_TIMELINE, 200, vectors="tfidf")
LINES = [item.text for item in PLAN.items]
REOPENED = "The council reopened the Harbour Bridge on Friday 1 March 2024 after a repair of eight months."
CRACKS = "On 20 April 2024, engineers found new cracks in the bridge deck during a routine inspection."


def held(*texts: str, words: int = 200):
    return keep_to_plan([SummarySentence(text, ()) for text in texts], PLAN, BRIDGE_TIMELINE, words)


def test_a_sentence_of_the_models_own_is_dropped_and_noted():
    commentary = "This was a significant development for the whole region and its people."
    result = held(REOPENED, commentary, words=40)
    assert [sentence.text for sentence in result.sentences][:1] == [REOPENED]
    assert commentary not in [sentence.text for sentence in result.sentences]
    assert any("restates no line of the plan" in note for note in result.notes)


def test_a_later_development_told_first_is_moved_after_the_event():
    result = held(CRACKS, REOPENED, words=40)
    assert [sentence.text for sentence in result.sentences] == [REOPENED, CRACKS]
    assert any("in time order" in note for note in result.notes)


def test_lines_the_model_left_out_are_put_back_in_plan_order_within_the_budget():
    result = held(REOPENED, CRACKS)
    texts = [sentence.text for sentence in result.sentences]
    assert texts[0] == REOPENED and texts[-2] == CRACKS  # restored lines go where the plan has them
    assert set(LINES[1:4]) <= set(texts) and LINES[-1] == texts[-1]
    assert all(sentence.sources for sentence in result.sentences if sentence.text in LINES)
    assert any("put back 4 line(s)" in note for note in result.notes)
    tight = held(REOPENED, CRACKS, words=40)  # room for the two written sentences only
    assert [sentence.text for sentence in tight.sentences] == [REOPENED, CRACKS] and not tight.notes


def test_a_rewrite_that_restates_every_line_is_kept_as_written():
    result = held(*LINES)
    assert [sentence.text for sentence in result.sentences] == LINES and not result.notes


def test_a_left_out_later_development_is_put_back_before_heavier_event_lines():
    result = held(REOPENED, words=40)  # room for one more line of about 20 words
    first, restored = [sentence.text for sentence in result.sentences]
    assert first == REOPENED and restored in LINES[4:]  # one of the two later lines, not a heavier July one
