"""The claim engine: reads the checkable facts of two articles and aligns them. Pure Python, no Django."""

from __future__ import annotations

from typing import Any

__all__ = ["ENGINE_VERSION", "compare_texts", "extract_claims", "result_to_dict"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that `articles.engine.<module>` loads without the whole pipeline.
    if name in ("ENGINE_VERSION", "compare_texts", "extract_claims"):
        from articles.engine import pipeline

        return getattr(pipeline, name)
    if name == "result_to_dict":
        from articles.engine.serialize import result_to_dict

        return result_to_dict
    raise AttributeError(name)
