from __future__ import annotations

import datetime as dt

from articles.engine import compare_texts
from articles.engine.lexicon import concept, content_tokens

DAY = dt.date(2020, 5, 4)


def linked_texts(text_a: str, text_b: str) -> set[tuple[str, str]]:
    result = compare_texts(text_a, text_b, DAY, DAY)
    a = {c.id: c.text for c in result.a.claims}
    b = {c.id: c.text for c in result.b.claims}
    return {(a[ln.a[0]], b[ln.b[0]]) for ln in result.links if ln.a and ln.b}


def test_synonyms_share_one_concept() -> None:
    assert concept("recaptured") == concept("retook") == concept("retake")
    assert concept("wounded") == concept("injured") == concept("hurt")
    assert concept("the") is None


def test_nationality_adjectives_stand_for_their_country() -> None:
    assert concept("Russian") == "e:russia"


def test_content_tokens_skip_function_words() -> None:
    assert [t for _, _, t in content_tokens("The army and the police")] == [
        concept("army"),
        concept("police"),
    ]


def test_the_same_fact_in_other_words_is_linked() -> None:
    links = linked_texts(
        "Firefighters battled the blaze at the Grenfell tower for six hours on Monday.",
        "The fire at Grenfell tower took firefighters six hours to bring under control on Monday.",
    )
    assert len(links) == 1


def test_unrelated_facts_stay_apart() -> None:
    links = linked_texts(
        "The mayor opened a new library in Leeds on Monday.",
        "A storm brought down power lines across Cornwall on Monday.",
    )
    assert links == set()


def test_a_fact_about_a_place_the_other_article_never_names_stays_apart() -> None:
    links = linked_texts(
        "Police arrested two men in Bristol after the robbery. Officers also searched a flat in Cardiff.",
        "Two men were arrested in Bristol after the robbery, police said.",
    )
    assert all("Cardiff" not in a for a, _ in links)
    assert any("Bristol" in a for a, _ in links)


def test_a_fact_split_over_two_clauses_links_both_pieces() -> None:
    links = linked_texts(
        "Rebels pulled out of Idlib on Sunday morning, retreating to the towns of Hama and Homs to the south.",
        "Rebels pulled out of Idlib and retreated south to Hama and Homs on Sunday morning.",
    )
    assert len({a for a, _ in links}) == 2


def test_each_claim_links_at_most_to_its_near_best_matches() -> None:
    result = compare_texts(
        "Five people died when the bridge collapsed in Genoa. Rescuers searched the rubble all night.",
        "The Genoa bridge collapse killed five people. Rescue teams searched through the night.",
        DAY,
        DAY,
    )
    per_claim: dict[str, int] = {}
    for ln in result.links:
        for cid in ln.a:
            per_claim[cid] = per_claim.get(cid, 0) + (1 if ln.b else 0)
    assert max(per_claim.values()) <= 2


def test_a_fact_told_several_times_links_to_each_telling() -> None:
    fact = "Five people died when the old bridge over the Arno collapsed in Florence on Monday."
    result = compare_texts(fact, "\n\n".join([fact] * 6), DAY, DAY)
    linked = [ln for ln in result.links if ln.a and ln.b]
    assert len(linked) >= 2
    assert all(ln.relation == "agree" for ln in linked)
