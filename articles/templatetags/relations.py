"""Template tags that show a link's relation the same way everywhere: icon and words, not colour alone."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from articles.highlight import relation_badge as _relation_badge

register = template.Library()


@register.simple_tag
def relation_badge(relation: str) -> SafeString:
    return _relation_badge(relation)
