"""Forms of the articles app."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile

from articles.models import Article, Claim, Comparison, Flag, Link, Outlet, Upload
from articles.roles import editors


class ArticleSelect(forms.Select):
    """A list box whose options also carry their full label as a tooltip, for headlines cut by its width."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        option["attrs"]["title"] = str(option["label"])
        return option


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
        widget=ArticleSelect(attrs={"size": 6}),
    )
    article_b = ArticleChoiceField(
        queryset=Article.objects.select_related("outlet"),
        label="Article B",
        empty_label=None,
        widget=ArticleSelect(attrs={"size": 6}),
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


class VerdictForm(forms.Form):
    """An editor's verdict on a link; "engine" goes back to the engine's own."""

    relation = forms.ChoiceField(choices=[*Link.Verdict.choices, ("engine", "the engine's verdict")])
    reason = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))
    # The verdict the form was shown: its time, or "engine" while the engine's stands.
    seen = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)


class ClaimChoiceField(forms.ModelChoiceField[Claim]):
    def label_from_instance(self, obj: Claim) -> str:
        return str(obj)


class ManualLinkForm(forms.Form):
    """Two claims the engine left apart, one from each article, and the editor's verdict on them."""

    claim_a = ClaimChoiceField(queryset=Claim.objects.none(), label="Claim in A")
    claim_b = ClaimChoiceField(queryset=Claim.objects.none(), label="Claim in B")
    relation = forms.ChoiceField(
        choices=[c for c in Link.Verdict.choices if c[0] != Link.Verdict.UNRELATED], label="Verdict"
    )
    reason = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, comparison: Comparison, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.comparison = comparison
        version = comparison.engine_version
        self.fields["claim_a"].queryset = comparison.article_a.claims.filter(engine_version=version)  # type: ignore[attr-defined]
        self.fields["claim_b"].queryset = comparison.article_b.claims.filter(engine_version=version)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        a, b = data.get("claim_a"), data.get("claim_b")
        if a is not None and b is not None and self.comparison.links.filter(claim_a=a, claim_b=b).exists():
            raise forms.ValidationError(
                "These two claims are already linked: set the link's verdict instead."
            )
        return data


class FlagStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Flag.Status.choices)
    note = forms.CharField(max_length=2000, required=False)
    # When the flag shown was last changed: a change made since then makes this form stale.
    seen = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)


class FlagAssignForm(forms.Form):
    assigned_to: forms.ModelChoiceField[User] = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, empty_label="nobody", label="Assign to"
    )
    note = forms.CharField(max_length=2000, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = editors()  # type: ignore[attr-defined]


class FlagCommentForm(forms.Form):
    note = forms.CharField(max_length=2000, label="Comment")


class FlagFilterForm(forms.Form):
    SHOW = [("", "Everyone's flags"), ("mine", "My flags"), ("assigned", "Assigned to me")]

    show = forms.ChoiceField(choices=SHOW, required=False, label="Show")
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
    """Every chosen file, as chosen: each is judged on its own when staged (an empty one is not a form
    error that would refuse the others)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile[Any]]:
        if isinstance(data, list | tuple):
            return [item for item in data if item]
        return [data] if data else []


def file_problem(upload: UploadedFile[Any]) -> str:
    """Why a chosen file cannot be read as an article before even opening it; empty when it may be."""
    name = upload.name or ""
    if not name.lower().endswith(UPLOAD_EXTENSIONS):
        return "only .txt and .html files can be uploaded"
    if (upload.size or 0) > MAX_UPLOAD_BYTES:
        return f"{(upload.size or 0) / 1024 / 1024:.1f} MB is over the 2 MB limit"
    return ""


class UploadForm(forms.Form):
    documents = MultipleFileField(
        label="Files",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)}),
        help_text=f"Up to {MAX_UPLOAD_FILES} .txt or .html files of at most 2 MB each.",
    )
    urls = forms.CharField(
        label="Or import from addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "placeholder": "https://…"}),
        help_text="One http(s) address of a news article a line; each page is fetched and read.",
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
        return files

    def clean_urls(self) -> list[str]:
        urls = [line.strip() for line in self.cleaned_data["urls"].splitlines() if line.strip()]
        if len(urls) > MAX_UPLOAD_FILES:
            raise forms.ValidationError(f"Too many addresses: at most {MAX_UPLOAD_FILES} at a time.")
        return urls

    def clean_pasted(self) -> str:
        pasted: str = self.cleaned_data["pasted"]
        if len(pasted.encode("utf-8")) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The pasted text is over the 2 MB limit.")
        return pasted

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        chosen = data.get("documents") or data.get("urls") or data.get("pasted", "").strip()
        if not self.errors and not chosen:
            raise forms.ValidationError("Choose at least one file, or paste an article.")
        return data


class UploadReviewForm(forms.ModelForm[Upload]):
    include = forms.BooleanField(initial=True, required=False, label="Save this article")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every article needs its outlet: comparisons are read as "outlet A vs outlet B".
        self.fields["outlet"].required = True
        self.fields["outlet"].help_text = "Read from the page, else its address; required."
        self.fields["published"].help_text = "Leave empty when unknown: no date is guessed."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("include"):
            # A draft left out needs nothing filled in.
            for name in ("outlet",):
                if name in self.errors:
                    del self.errors[name]
        return data

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
