"""Attribution on short news sentences written for these tests (the model parses them)."""

from __future__ import annotations

import pytest

from claimledger.types import ArticleLedger, Claim

from .conftest import make_article


def _claims(pipeline, text: str) -> tuple[ArticleLedger, list[Claim]]:  # type: ignore[no-untyped-def]
    ledger = pipeline.extract(make_article(text))
    return ledger, [c for c in ledger.claims if c.source_kind != "outlet"]


def _source_name(ledger: ArticleLedger, claim: Claim) -> str | None:
    for a in ledger.actors:
        if a.id == claim.source:
            return a.name
    return None


@pytest.mark.parametrize(
    ("text", "kind", "cue", "stance", "source_contains"),
    [
        ("The army said that rebels attacked a convoy near the border.", "named", "said", "assert", "army"),
        (
            "Several sources claimed that government troops shelled the village.",
            "unnamed",
            "claimed",
            "assert",
            "Several sources",
        ),
        ("Officials said the militants had killed three soldiers.", "unnamed", "said", "assert", "Officials"),
        (
            "Police commanders in the province say that gunmen attacked a checkpoint.",
            "described",
            "say",
            "assert",
            "Police commanders",
        ),
        (
            "The Daily Herald has reported that soldiers arrested two journalists in the capital.",
            "media",
            "reported",
            "assert",
            "Daily Herald",
        ),
        ("The ministry denied that its forces had attacked the camp.", "named", "denied", "deny", "ministry"),
        (
            "According to witnesses, soldiers opened fire on protesters in the square.",
            "unnamed",
            "according to",
            "assert",
            "witnesses",
        ),
    ],
)
def test_cue_source_and_stance(pipeline, text, kind, cue, stance, source_contains) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(pipeline, text)
    assert claims, f"no claim found in {text!r}"
    c = claims[0]
    assert c.source_kind == kind
    assert c.cue == cue
    assert c.stance == stance
    assert c.source_text is not None and source_contains.lower() in c.source_text.lower()
    assert c.cue_span is not None and text[c.cue_span.start : c.cue_span.end].lower() in cue.lower()


def test_hedged_passive_has_no_named_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The commander is said to have been killed by rebels in the north."
    ledger, claims = _claims(pipeline, text)
    c = claims[0]
    assert c.hedged and c.source_kind == "unnamed" and c.cue == "is said to"
    kill = next(e for e in ledger.events if e.trigger.text == "killed")
    assert kill.hedged and c.id in kill.claims


def test_quote_with_attribution_after_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Rebel leader Omar Haddad spoke late on Friday. "Our fighters captured the airport this morning and '
        'the enemy fled," Haddad said on Telegram.'
    )
    ledger, claims = _claims(pipeline, text)
    quoted = [c for c in claims if c.quote]
    assert len({c.quote for c in quoted}) == 1  # one quotation (a claim per event it asserts)
    c = quoted[0]
    assert c.quote is not None and c.quote.startswith("Our fighters captured")
    assert c.channel == "Telegram"
    assert _source_name(ledger, c) == "Omar Haddad"
    capture = next(e for e in ledger.events if e.trigger.text == "captured")
    assert c.id in capture.claims


def test_negated_cue_is_not_a_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(pipeline, "The ministry did not confirm that troops had entered the city.")
    assert not [c for c in claims if c.cue == "confirm"]


def test_denial_of_earlier_claims_contradicts_them(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebel spokesman Ali Karim said that the rebels had captured the town of Kamdesh. "
        "However, the army denied the claims, saying its soldiers still held every position."
    )
    ledger, claims = _claims(pipeline, text)
    deny = next(c for c in claims if c.stance == "deny")
    capture = next(e for e in ledger.events if e.type == "COERCE")
    assert deny.event == capture.id
    assert any(k.event == capture.id and k.field == "occurrence" for k in ledger.contradictions)


def test_every_event_has_a_source(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger, _ = _claims(pipeline, "Gunmen attacked a police station in the city on Monday.")
    assert ledger.events
    for e in ledger.events:
        assert e.claims
    outlet = [c for c in ledger.claims if c.source_kind == "outlet"]
    assert outlet and all(c.cue is None for c in outlet)


def test_nominal_and_pronoun_sources_resolve(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Taliban spokesman Zabihullah Mujahid spoke in Kabul. The spokesman said the group had captured the "
        "district. The NRF denied it on Monday, the group told reporters."
    )
    ledger, claims = _claims(pipeline, text)
    said = next(c for c in claims if c.cue == "said")
    assert _source_name(ledger, said) == "Zabihullah Mujahid" and said.source_kind == "named"
    told = next(c for c in claims if c.cue == "told")
    assert told.channel == "reporters"
    denied = next(c for c in claims if c.cue == "denied")
    assert denied.stance == "deny" and denied.event == said.event is not None
    assert any(k.event == said.event for k in ledger.contradictions)


def test_nested_attribution_keeps_the_chain(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "State television quoted the army as saying that rebels had attacked a convoy near Homs, "
        "Reuters reports."
    )
    ledger, claims = _claims(pipeline, text)
    by_cue = {c.cue: c for c in claims}
    inner = by_cue["saying"]
    assert _source_name(ledger, inner) is not None and "army" in (inner.source_text or "").lower()
    assert inner.via == (by_cue["reports"].id, by_cue["quoted"].id)
    attack = next(e for e in ledger.events if e.trigger.text == "attacked")
    assert inner.id in attack.claims


@pytest.mark.parametrize(
    ("text", "cue", "quote_start"),
    [
        ('"We hold the bridge," the commander said, "and the enemy has fled."', "said", "We hold"),
        ("''Swaps are tricky,'' he said. ''In this case, I am glad it took place.''", "said", "Swaps"),
        (
            'The army spokesman Ali Hassan wrote: "Our troops entered the town at dawn."',
            "wrote",
            "Our troops",
        ),
        ('Jared Potts echoed:\n"He speaks his mind, and I think that matters a lot."', ":", "He speaks"),
    ],
)
def test_quotation_forms(pipeline, text: str, cue: str, quote_start: str) -> None:  # type: ignore[no-untyped-def]
    _, claims = _claims(pipeline, text)
    quoted = [c for c in claims if c.quote and c.cue == cue]
    assert quoted, [(c.cue, c.quote) for c in claims]
    assert quoted[0].quote is not None and quoted[0].quote.startswith(quote_start)
    if cue == "said" and "''" not in text:
        assert "the enemy has fled" in quoted[0].quote  # both parts of the split quotation
