"""What the tests share: the repository's place, tiny local models, and the hand-made cases of the
contract tests (judge pairs, the extractive pipeline's cluster, the demo's articles).
"""

from __future__ import annotations

from pathlib import Path

from mdsum.model import Cluster, Document, Fact, FactForms, Summary, SummarySentence

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


# ---------------------------------------------------------------- tiny local models (no hub)
# They run the real loading and generation code in milliseconds; their output is noise, which is
# what the post-check and fallback paths must cope with anyway.

CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "<|im_start|>", "<|im_end|>", "<doc-sep>"]
CORPUS = [
    "The talks in Geneva ended on Friday with no breakthrough and no breakdown.",
    "The envoy said the next round would start in September, after consultations.",
    "Yes. No. The government and the opposition met for five days; both sides spoke to reporters.",
]


def build_tokenizer(chat: bool):
    """A byte-level BPE tokenizer (any text encodes) trained on a few sentences."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.BPE(unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=400, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tokenizer.train_from_iterator(CORPUS, trainer)
    wrapped = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="<|im_end|>" if chat else "</s>",
        unk_token="<unk>",
    )
    if chat:
        wrapped.chat_template = CHAT_TEMPLATE
    return wrapped


def save_tiny_chat_model(directory: Path) -> Path:
    """A 2-layer Qwen2 with a chat template, saved as safetensors."""
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tokenizer = build_tokenizer(chat=True)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=True,
        initializer_range=0.5,
    )
    return _save(Qwen2ForCausalLM, config, tokenizer, directory)


def save_tiny_seq2seq_model(directory: Path) -> Path:
    """A 1+1-layer BART, saved as safetensors."""
    from transformers import BartConfig, BartForConditionalGeneration

    tokenizer = build_tokenizer(chat=False)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=1024,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        decoder_start_token_id=tokenizer.eos_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        init_std=0.5,
    )
    return _save(BartForConditionalGeneration, config, tokenizer, directory)


def _save(model_class, config, tokenizer, directory: Path) -> Path:
    """The model built from ``config`` with seeded weights: the same tiny model, and so the same replies, every run
    (transformers initialises the weights as it builds the model; a seed set after that changes nothing)."""
    import torch

    torch.manual_seed(0)
    model = model_class(config)
    model.save_pretrained(directory, safe_serialization=True)
    tokenizer.save_pretrained(directory)
    return directory


# ---------------------------------------------------------------- judges: hand-made (sentence, fact) pairs


def fact(
    statement,
    names=(),
    numbers=(),
    dates=(),
    negated=False,
    fact_id="F01",
    later=False,
    weight=1,
    actor=(),
    category="",
):
    return Fact(
        id=fact_id,
        statement=statement,
        sources=tuple(f"d{i}" for i in range(weight)),
        weight=weight,
        category=category or ("later" if later else "event"),
        later=later,
        forms=FactForms(tuple(tuple(group) for group in names), tuple(numbers), tuple(dates), negated, tuple(actor)),
    )


def summary(*sentences: str, cluster_id: str = "c") -> Summary:
    return Summary(cluster_id, tuple(SummarySentence(s) for s in sentences), summariser="hand")


ROUND_ENDED = fact(
    "The seventh round of UN-led talks on Syria ended in Geneva on 14 July 2017.",
    names=[["seventh round", "7th round"], ["Geneva"]],
    dates=["2017-07-14"],
    fact_id="F01",
)
DEATH_TOLL = fact(
    "More than 320,000 people have been killed in the Syrian war.",
    names=[["Syria", "Syrian"]],
    numbers=["320,000"],
    fact_id="F02",
)
NO_BREAKTHROUGH = fact(
    "The envoy said there was no breakthrough in the talks.",
    names=[["envoy", "mediator"]],
    negated=True,
    fact_id="F03",
)
FACTS = (ROUND_ENDED, DEATH_TOLL, NO_BREAKTHROUGH)

FILLER = "Delegates had lunch at the hotel."
# (sentence, fact, covered?) -- the positives paraphrase or reformat; the negatives change one thing.
PAIRS = (
    ("The 7th round of Syria talks wrapped up in Geneva on July 14, 2017.", ROUND_ENDED, True),
    ("Geneva saw the end of the seventh round of talks on 14/07.", ROUND_ENDED, True),
    ("The eighth round of Syria talks ended in Geneva on 14 July 2017.", ROUND_ENDED, False),
    ("The seventh round of Syria talks ended in Geneva on 12 July 2017.", ROUND_ENDED, False),
    ("The war in Syria has killed more than 320 000 people.", DEATH_TOLL, True),
    ("The Syrian war has killed more than 300,000 people.", DEATH_TOLL, False),
    ("The envoy said there had been no breakthrough in the talks.", NO_BREAKTHROUGH, True),
    ("The envoy said there was a breakthrough in the talks.", NO_BREAKTHROUGH, False),
    (FILLER, ROUND_ENDED, False),
)

# Facts with an actor and with several parts, and (sentence, fact, covered?) pairs that misstate them the ways
# a summary fools a word-counting judge: negated, reversed, credited to another actor, a part left out.
CONTACT_GROUP = fact(
    "French President Emmanuel Macron proposed an international contact group on Syria.",
    names=[["contact group"]],
    actor=["Macron", "French President"],
    fact_id="F04",
)
TWO_NOS = fact(
    "The envoy said the round brought no breakthrough and no breakdown.",
    names=[["no breakthrough", "without a breakthrough"], ["no breakdown"]],
    negated=True,
    actor=["envoy", "de Mistura"],
    fact_id="F05",
)
TRAPS = (
    ("The seventh round of Syria talks began in Geneva on 14 July 2017.", ROUND_ENDED, False),  # opposite word
    ("The seventh round of Syria talks failed to end in Geneva on 14 July 2017.", ROUND_ENDED, False),
    ("Putin proposed an international contact group on Syria.", CONTACT_GROUP, False),  # another actor
    ("Macron proposed an international contact group on Syria.", CONTACT_GROUP, True),
    ("An international contact group on Syria was proposed by Macron.", CONTACT_GROUP, True),
    ("Macron did not propose an international contact group on Syria.", CONTACT_GROUP, False),  # negated
    ("The envoy said the round brought no breakthrough.", TWO_NOS, False),  # one part of two
    ("The envoy said the round brought a breakthrough and no breakdown.", TWO_NOS, False),
    ("The envoy said the round brought no breakthrough and no breakdown.", TWO_NOS, True),
    ("The Syrian war has killed more than 230,000 people.", DEATH_TOLL, False),  # wrong number
)
PARAPHRASE = "Geneva hosted the close of the 7th round of negotiations on Syria, which wrapped up on 14 July 2017."
# One hand-made pair for each way a summary states a fact or only seems to: every judge is tested on these.
KINDS_OF_PAIR = {
    "negation": TRAPS[5],
    "wrong actor": TRAPS[2],
    "wrong number": TRAPS[9],
    "partial compound fact": TRAPS[6],
    "paraphrase": (PARAPHRASE, ROUND_ENDED, True),
}


def careful_reading(document: str, claim: str) -> bool:
    """What a careful reader answers about the hand-made pairs: whether ``document`` holds a sentence that states
    the fact whose statement is ``claim``. Model judges' stand-ins answer so, to test what the judge asks and
    how it reads the answer (how well a real model reads is what `mdsum eval calibrate` measures)."""
    return any(
        covered and sentence in document and fact.statement.lower() in claim.lower()
        for sentence, fact, covered in (*PAIRS, *TRAPS, *KINDS_OF_PAIR.values())
    )


# ---------------------------------------------------------------- the extractive pipeline's cluster


def document(doc_id, *sentences, date=None):
    return Document(doc_id, " ".join(sentences), sentences, date=date)


# Sentence 0: later news; 1 and 3 state the same fact; 2 and 4 share a quote; "Bridge Reopens" is a heading.
EXTRACTIVE_CLUSTER = Cluster(
    "c",
    [
        document("late", "A follow-up story reports that the inquiry into the bridge closed today.", date="2024-05-01"),
        document(
            "early",
            "Bridge Reopens",
            "The city council reopened the Harbour Bridge on Monday after a long repair.",
            'The mayor called it "a promise kept to every commuter" at the ceremony.',
            date="2024-03-04",
        ),
        document(
            "undated",
            "The Harbour Bridge was reopened by the city council on Monday after a long repair.",
            '"A promise kept to every commuter," the mayor said to the crowd on the bridge.',
        ),
    ],
)


# ---------------------------------------------------------------- the demo: two short articles about one event

ARTICLES = [
    "The council approved the new budget on Monday after a long debate. "
    "The budget raises school spending by ten percent. Critics said the plan ignores roads.",
    "On Monday the city council passed its budget. School spending rises by ten percent under the plan. "
    "The mayor welcomed the vote.",
]


# ---------------------------------------------------------------- graph rankers: one hub sentence

# One sentence shares its words with every other; the others share little with each other.
HUB = "Storm flooding closed schools, roads and trains across the valley."
HUB_CLUSTER = Cluster(
    "c",
    [
        Document("a", "", ["Officials said the storm flooding was the worst in decades.", HUB]),
        Document(
            "b",
            "",
            [
                "Many schools stayed closed while teachers checked buildings.",
                "Roads near the river were blocked by debris for hours.",
            ],
        ),
        Document(
            "c",
            "",
            [
                "Trains ran late because staff could not reach stations.",
                "Farmers across the valley counted their flooded fields.",
            ],
        ),
    ],
)


# ---------------------------------------------------------------- content planning: dated hand-made articles


def article(doc_id: str, date: str | None, *sentences: str, source: str | None = None) -> Document:
    """A document of ``sentences``, dated (ISO) or not, as the readers make one."""
    return Document(doc_id, " ".join(sentences), sentences, date=date, source=source)


REOPENED = "The city council reopened the Harbour Bridge on Friday after an eight-month repair."
SECOND_PHASE = "Painting of the steel cables will start in {month}, a council spokesman said."
# Three reports of a reopening (Friday 1 March 2024) and one, seven weeks later, of what followed.
BRIDGE_TIMELINE = Cluster(
    "bridge-timeline",
    (
        article(
            "a",
            "2024-03-02",
            REOPENED,
            "The repair cost 12 million euros, the council said in a statement.",
            SECOND_PHASE.format(month="June"),
            source="City Post",
        ),
        article(
            "b",
            "2024-03-02",
            "The Harbour Bridge was reopened by the city council on Friday after an eight-month repair.",
            "He said the council reopened the bridge after the repair.",
            "The repair cost 40 million euros, opposition councillors said.",
        ),
        article(
            "c",
            "2024-03-01",
            "On Friday the city council reopened the Harbour Bridge after its eight-month repair.",
            "Cyclists will get a separate protected lane on the eastern side of the deck.",
        ),
        article(
            "d",
            "2024-04-20",
            "Engineers found new cracks in the Harbour Bridge deck during a routine inspection.",
            SECOND_PHASE.format(month="September"),
            source="Harbour News",
        ),
    ),
)
