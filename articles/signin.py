"""Throttled sign-in: too many refused passwords for one account, or from one address, lock it out for a
while. The check is two indexed counts, made before the password is hashed, so a locked-out guesser costs
the server almost nothing and readers do not wait behind the hashing."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from articles.models import SignInFailure

THROTTLED = "throttled"


def client_address(request: HttpRequest | None) -> str | None:
    """The client's address: REMOTE_ADDR, or the header the proxy sets (SIGN_IN_ADDRESS_HEADER)."""
    if request is None:
        return None
    header = settings.SIGN_IN_ADDRESS_HEADER or "REMOTE_ADDR"
    value = str(request.META.get(header, "")).split(",")[0].strip()
    return value or None


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.SIGN_IN_WINDOW_SECONDS)


def locked_until(username: str, address: str | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the account or the address may try again, if either is locked out now."""
    now = now or timezone.now()
    recent = SignInFailure.objects.filter(at__gt=now - _window())
    limits = [(recent.filter(username=username.casefold()), settings.SIGN_IN_MAX_FAILURES_PER_ACCOUNT)]
    if address:
        limits.append((recent.filter(address=address), settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS))
    until = None
    for failures, limit in limits:
        # Locked while `limit` failures are within the window: until the limit-th latest leaves it.
        times = list(failures.order_by("-at").values_list("at", flat=True)[:limit])
        if limit and len(times) >= limit:
            ends = times[-1] + _window()
            until = max(until, ends) if until else ends
    return until


def record_failure(username: str, address: str | None) -> None:
    now = timezone.now()
    SignInFailure.objects.filter(at__lte=now - _window()).delete()
    SignInFailure.objects.create(username=username.casefold()[:150], address=address)


def lockout_message(until: dt.datetime, now: dt.datetime | None = None) -> str:
    minutes = max(1, math.ceil((until - (now or timezone.now())).total_seconds() / 60))
    return (
        f"Too many failed sign-ins for this account or from this address. "
        f"Try again in {minutes} minute{'s' if minutes != 1 else ''}."
    )


class ThrottledFormMixin:
    """For Django's sign-in forms: refuse a locked-out account or address before checking the password."""

    request: HttpRequest | None
    cleaned_data: dict[str, Any]

    def clean(self) -> dict[str, Any]:
        username = str(self.cleaned_data.get("username") or "")
        address = client_address(self.request)
        until = locked_until(username, address)
        if until is not None:
            raise ValidationError(lockout_message(until), code=THROTTLED)
        try:
            return super().clean()  # type: ignore[misc, no-any-return]
        except ValidationError as error:
            if getattr(error, "code", None) == "invalid_login":
                record_failure(username, address)
            raise


class ThrottledAuthenticationForm(ThrottledFormMixin, AuthenticationForm):
    pass


class ThrottledAdminAuthenticationForm(ThrottledFormMixin, AdminAuthenticationForm):
    pass


class ThrottledLoginView(LoginView):
    """Django's sign-in page, answering a lock-out with HTTP 429 and when to come back."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        if form.has_error("__all__", THROTTLED):
            response.status_code = 429
            response["Retry-After"] = str(settings.SIGN_IN_WINDOW_SECONDS)
        return response
