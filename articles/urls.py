"""Routes of the articles app."""

from __future__ import annotations

from django.urls import path

from articles import export_views, flag_views, pending_views, search_views, upload_views, verdict_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("comparisons/<int:pk>/", views.comparison_detail, name="comparison"),
    path("comparisons/new/", views.compare, name="compare"),
    path("comparisons/check/", views.compare_check, name="compare_check"),
    path("comparisons/new/<uuid:task>/", pending_views.comparison_pending, name="comparison_pending"),
    path("comparisons/<int:pk>/links.csv", export_views.comparison_links_csv, name="comparison_links_csv"),
    path("articles/", views.article_list, name="article_list"),
    path("search/", search_views.search, name="search"),
    path("articles/pick/", views.article_picker, name="article_picker"),
    path("links/<int:pk>/flags/", flag_views.flag_link, name="flag_link"),
    path("flags/", flag_views.flag_queue, name="flag_queue"),
    path("flags/<int:pk>/status/", flag_views.flag_status, name="flag_status"),
    path("flags/<int:pk>/assign/", flag_views.flag_assign, name="flag_assign"),
    path("flags/<int:pk>/comments/", flag_views.flag_comment, name="flag_comment"),
    path("links/<int:pk>/verdict/", verdict_views.set_verdict, name="set_verdict"),
    path("comparisons/<int:pk>/links/new/", verdict_views.add_manual_link, name="add_manual_link"),
    path("uploads/new/", upload_views.upload, name="upload"),
    path("uploads/<uuid:batch>/review/", upload_views.upload_review, name="upload_review"),
    path("uploads/<uuid:batch>/", upload_views.upload_progress, name="upload_progress"),
    path("uploads/<uuid:batch>/retry/", upload_views.upload_retry, name="upload_retry"),
]

# Stories (many reports of one event, fact by fact) and an article's versions.
from articles import story_views  # noqa: E402

urlpatterns += [
    path("stories/", story_views.story_list, name="story_list"),
    path("stories/new/", story_views.story_create, name="story_create"),
    path("stories/<int:pk>/", story_views.story_detail, name="story"),
    path("stories/<int:pk>/progress/", story_views.story_progress, name="story_progress"),
    path("stories/<int:pk>/compare/", story_views.story_compare, name="story_compare"),
    path("stories/<int:pk>/propose/", story_views.story_propose, name="story_propose"),
    path("stories/<int:pk>/articles/", story_views.story_add_article, name="story_add_article"),
    path("story-articles/<int:pk>/", story_views.membership_change, name="story_membership"),
    path("articles/<int:pk>/versions/", story_views.article_versions, name="article_versions"),
    path("articles/<int:pk>/versions/<int:number>/", story_views.article_version, name="article_version"),
]
