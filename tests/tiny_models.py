"""Tiny randomly initialised models, built from a config and saved locally (no hub).

They run the real loading and generation code in milliseconds; their output is noise,
which is what the post-check and fallback paths must cope with anyway.
"""

from __future__ import annotations

from pathlib import Path

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
    trainer = trainers.BpeTrainer(vocab_size=400, special_tokens=SPECIALS,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tokenizer.train_from_iterator(CORPUS, trainer)
    wrapped = PreTrainedTokenizerFast(tokenizer_object=tokenizer, pad_token="<pad>", bos_token="<s>",
                                      eos_token="<|im_end|>" if chat else "</s>", unk_token="<unk>")
    if chat:
        wrapped.chat_template = CHAT_TEMPLATE
    return wrapped


def save_tiny_chat_model(directory: Path) -> Path:
    """A 2-layer Qwen2 with a chat template, saved as safetensors."""
    from transformers import Qwen2Config, Qwen2ForCausalLM

    tokenizer = build_tokenizer(chat=True)
    config = Qwen2Config(vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=2048,
                         bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                         pad_token_id=tokenizer.pad_token_id, tie_word_embeddings=True, initializer_range=0.5)
    return _save(Qwen2ForCausalLM(config), tokenizer, directory)


def save_tiny_seq2seq_model(directory: Path) -> Path:
    """A 1+1-layer BART, saved as safetensors."""
    from transformers import BartConfig, BartForConditionalGeneration

    tokenizer = build_tokenizer(chat=False)
    config = BartConfig(vocab_size=len(tokenizer), d_model=32, encoder_layers=1, decoder_layers=1,
                        encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=64,
                        decoder_ffn_dim=64, max_position_embeddings=1024,
                        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id,
                        pad_token_id=tokenizer.pad_token_id, decoder_start_token_id=tokenizer.eos_token_id,
                        forced_eos_token_id=tokenizer.eos_token_id, init_std=0.5)
    return _save(BartForConditionalGeneration(config), tokenizer, directory)


def _save(model, tokenizer, directory: Path) -> Path:
    import torch

    torch.manual_seed(0)
    model.init_weights()
    model.save_pretrained(directory, safe_serialization=True)
    tokenizer.save_pretrained(directory)
    return directory
