"""Forms of the articles app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile

from articles.models import Article, Comparison, Flag, Outlet, Upload


class ArticleChoiceField(forms.ModelChoiceField[Article]):
    def label_from_instance(self, obj: Article) -> str:
        outlet = obj.outlet_name() or "Unknown outlet"
        published = f", {obj.published:%d %b %Y}" if obj.published else ""
        return f"{obj.title or obj.filename} ({outlet}{published})"


class CompareForm(forms.Form):
    # A list box rather than a drop-down: the search above it narrows the list as one types.
    article_a = ArticleChoiceField(
        queryset=Article.objects.select_related("outlet"),
        label="Article A",
        empty_label=None,
        widget=forms.Select(attrs={"size": 6}),
    )
    article_b = ArticleChoiceField(
        queryset=Article.objects.select_related("outlet"),
        label="Article B",
        empty_label=None,
        widget=forms.Select(attrs={"size": 6}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("article_a") is not None and data.get("article_a") == data.get("article_b"):
            raise forms.ValidationError("Choose two different articles.")
        return data


class FlagForm(forms.Form):
    """An editor's doubt about a link as a whole, or about one of its two claims."""

    TARGETS = [("link", "the link"), ("claim_a", "claim A"), ("claim_b", "claim B")]

    target = forms.ChoiceField(choices=TARGETS, initial="link", widget=forms.RadioSelect)
    note = forms.CharField(
        max_length=2000, widget=forms.Textarea(attrs={"rows": 2}), help_text="What looks wrong, and why."
    )


class FlagStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Flag.Status.choices)
    note = forms.CharField(max_length=2000, required=False)


class FlagFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "Any status"), *Flag.Status.choices], required=False)
    outlet = forms.ModelChoiceField(Outlet.objects.all(), required=False, empty_label="Any outlet")
    # A number, not a list box: an archive holds thousands of comparisons.
    comparison = forms.ModelChoiceField(
        Comparison.objects.all(),
        required=False,
        label="Comparison #",
        widget=forms.NumberInput(attrs={"min": 1, "placeholder": "Any"}),
    )


# An upload's limits, shown on the form and in its error messages.
MAX_UPLOAD_FILES = 50
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
UPLOAD_EXTENSIONS = (".txt", ".html", ".htm")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label="Files",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)}),
        help_text=f"Up to {MAX_UPLOAD_FILES} .txt or .html files of at most 2 MB each.",
    )
    pasted = forms.CharField(
        label="Or paste an article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Plain text (headline on the first line) or the HTML of a web page.",
    )

    def clean_documents(self) -> list[UploadedFile[Any]]:
        files: list[UploadedFile[Any]] = self.cleaned_data["documents"]
        if len(files) > MAX_UPLOAD_FILES:
            raise forms.ValidationError(
                f"Too many files: {len(files)} chosen, at most {MAX_UPLOAD_FILES} at a time."
            )
        problems = []
        for upload in files:
            name = upload.name or ""
            if not name.lower().endswith(UPLOAD_EXTENSIONS):
                problems.append(f"{name}: only .txt and .html files can be uploaded.")
            elif (upload.size or 0) > MAX_UPLOAD_BYTES:
                problems.append(f"{name}: {(upload.size or 0) / 1024 / 1024:.1f} MB is over the 2 MB limit.")
        if problems:
            raise forms.ValidationError(problems)
        return files

    def clean_pasted(self) -> str:
        pasted: str = self.cleaned_data["pasted"]
        if len(pasted.encode("utf-8")) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The pasted text is over the 2 MB limit.")
        return pasted

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("documents") and not data.get("pasted", "").strip():
            raise forms.ValidationError("Choose at least one file, or paste an article.")
        return data


class UploadReviewForm(forms.ModelForm[Upload]):
    include = forms.BooleanField(initial=True, required=False, label="Save this article")

    class Meta:
        model = Upload
        fields = ["title", "outlet", "url", "published"]
        labels = {"title": "Headline", "published": "Published"}
        widgets = {"published": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class CompareWithForm(forms.Form):
    compare_with = forms.ModelMultipleChoiceField(
        Article.objects.select_related("outlet"),
        required=False,
        label="Compare the new articles with",
        widget=forms.CheckboxSelectMultiple,
    )
