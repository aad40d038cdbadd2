"""The claim engine: reads the checkable facts of two articles and aligns them. Pure Python, no Django."""

from __future__ import annotations

from articles.engine.pipeline import ENGINE_VERSION, compare_texts, extract_claims
from articles.engine.serialize import result_to_dict

__all__ = ["ENGINE_VERSION", "compare_texts", "extract_claims", "result_to_dict"]
