"""Top-level URL routes: the articles app, sign-in, the admin and the JSON API."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from articles import health
from articles.api import api_routes
from articles.export_views import api_docs
from articles.signin import ThrottledAdminAuthenticationForm, ThrottledLoginView

# The admin's own sign-in page is throttled like the site's.
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("", include("articles.urls")),
    path("accounts/login/", ThrottledLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("health/", health.health, name="health"),
    path("api/", include(api_routes())),
    # The schema answers tokens as the API does; the page describing it is for signed-in readers.
    path("api/schema/", login_not_required(SpectacularAPIView.as_view()), name="api-schema"),
    path("api/docs/", api_docs, name="api_docs"),
]
