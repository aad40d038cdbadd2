"""The claim engine: reads the checkable facts of two articles and aligns them. Pure Python, no Django."""

from __future__ import annotations

from articles.engine.analysis import Analysis, analyse
from articles.engine.pipeline import (
    ENGINE_VERSION,
    claims_of,
    compare_analyses,
    compare_texts,
    extract_claims,
)
from articles.engine.serialize import result_to_dict
from articles.engine.storage import analysis_from_json, analysis_to_json, encodings_to_bytes

__all__ = [
    "ENGINE_VERSION",
    "Analysis",
    "analyse",
    "analysis_from_json",
    "analysis_to_json",
    "claims_of",
    "compare_analyses",
    "compare_texts",
    "encodings_to_bytes",
    "extract_claims",
    "result_to_dict",
]
