"""Routes of the articles app."""

from __future__ import annotations

from django.urls import path

from articles import views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("comparisons/<int:pk>/", views.comparison_detail, name="comparison"),
    path("comparisons/new/", views.compare, name="compare"),
]
