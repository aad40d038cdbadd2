"""Forms of the articles app."""

from __future__ import annotations

from typing import Any

from django import forms

from articles.models import Article


class ArticleChoiceField(forms.ModelChoiceField[Article]):
    def label_from_instance(self, obj: Article) -> str:
        outlet = obj.outlet_name() or "Unknown outlet"
        published = f", {obj.published:%d %b %Y}" if obj.published else ""
        return f"{obj.title or obj.filename} ({outlet}{published})"


class CompareForm(forms.Form):
    article_a = ArticleChoiceField(queryset=Article.objects.select_related("outlet"), label="Article A")
    article_b = ArticleChoiceField(queryset=Article.objects.select_related("outlet"), label="Article B")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("article_a") is not None and data.get("article_a") == data.get("article_b"):
            raise forms.ValidationError("Choose two different articles.")
        return data
