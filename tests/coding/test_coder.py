"""Event coding on sentences written for these tests: types, roles, passives, modality."""

from __future__ import annotations

import pytest

from claimledger.types import ArticleLedger, Event

from ..conftest import make_article


def _ledger(pipeline, text: str) -> ArticleLedger:  # type: ignore[no-untyped-def]
    return pipeline.extract(make_article(text))


def _name(ledger: ArticleLedger, actor_id: str | None) -> str | None:
    return next((a.name for a in ledger.actors if a.id == actor_id), None)


def _event(ledger: ArticleLedger, trigger: str) -> Event:
    return next(e for e in ledger.events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "actor1", "actor2"),
    [
        (
            "Islamic State fighters attacked the Kurdish militia near the town.",
            "attacked",
            "ASSAULT",
            "Islamic State",
            None,
        ),
        (
            "Two aid workers were killed by the Shabaab militants on Tuesday.",
            "killed",
            "ASSAULT",
            "Shabaab",
            None,
        ),
        (
            "Police arrested the opposition leader Juan Perez in the capital.",
            "arrested",
            "COERCE",
            None,
            "Juan Perez",
        ),
        ("The Taliban completed the takeover of Kunduz on Sunday.", "takeover", "COERCE", "Taliban", None),
        (
            "Iran provided military support to the Houthi movement, officials said.",
            "support",
            "AID",
            "Iran",
            "Houthi",
        ),
        ("The Syrian foreign minister visited Moscow on Wednesday.", "visited", "CONSULT", None, None),
    ],
)
def test_type_and_roles(pipeline, text, trigger, type_, actor1, actor2) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, text)
    e = _event(ledger, trigger)
    assert e.type == type_
    if actor1 is not None:
        assert actor1.lower() in (_name(ledger, e.actor1) or "").lower()
    if actor2 is not None:
        named = [_name(ledger, e.actor2), *(_name(ledger, v) for v in e.victims)]
        assert any(actor2.lower() in (n or "").lower() for n in named)


def test_agentless_passive_leaves_actor1_empty(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, "Three soldiers were killed in an ambush near Kandahar on Monday.")
    e = _event(ledger, "killed")
    assert e.actor1 is None
    assert e.acled is not None


def test_demonym_instrument_reveals_actor_and_mode(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, "Local commanders said that Turkish drones were targeting their positions.")
    e = _event(ledger, "targeting")
    assert _name(ledger, e.actor1) == "Turkey"
    assert e.mode == "drone"
    assert e.acled is not None and e.acled.sub_event_type == "Air/drone strike"


def test_named_victims_count_as_fatalities(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The group's spokesman Ahmad Wali and a commander, Karim Nazari, were killed by government forces."
    ledger = _ledger(pipeline, text)
    e = _event(ledger, "killed")
    assert e.fatalities == 2
    assert len(e.victims) == 2


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "modality"),
    [
        # an announced hostile act, no verb of threatening: PLOVER's THREATEN (the announcement happened)
        ("The rebels will attack the city next week.", "attack", "THREATEN", "actual"),
        ("The rebels are going to attack the city.", "attack", "THREATEN", "actual"),
        # under a verb of threatening, the threat is that verb's event and the act is flagged
        ("The army threatened to bomb the bridge.", "bomb", "ASSAULT", "threatened"),
        ("The army threatened to bomb the bridge.", "threatened", "THREATEN", "actual"),
        (
            "The government sent troops to recapture the town from the rebels.",
            "recapture",
            "COERCE",
            "planned",
        ),
        ("The rebels would attack the convoy if the talks failed.", "attack", "ASSAULT", "conditional"),
        ("The army could bomb the rebel positions.", "bomb", "ASSAULT", "conditional"),
        ("The rebels attacked the city on Monday.", "attacked", "ASSAULT", "actual"),
        ("The rebels may have attacked the convoy.", "attacked", "ASSAULT", "actual"),
        ("Saleh's home is reported to have been attacked by helicopters.", "attacked", "ASSAULT", "actual"),
        ("The army launched an attack on the city.", "attack", "ASSAULT", "actual"),
        ("The militants are planning an attack on the base.", "attack", "ASSAULT", "planned"),
        ("The rebel leader offered a ceasefire to the government.", "ceasefire", "AGREE", "actual"),
    ],
)
def test_modality_is_flagged(pipeline, text, trigger, type_, modality) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, text)
    e = _event(ledger, trigger)
    assert (e.type, e.modality) == (type_, modality)
    assert e.occurred == (modality == "actual")
    # an act that is announced, threatened, planned or conditional is never an assault that occurred
    if modality != "actual" or type_ != "ASSAULT":
        assert not [x for x in ledger.events if x.type == "ASSAULT" and x.occurred]


def test_negated_event_is_flagged(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, "The army did not attack the village of Qala, the ministry said.")
    e = _event(ledger, "attack")
    assert e.negated


def test_footnotes_give_no_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Hamas* fighters attacked a checkpoint in Gaza on Friday.\n*A group banned in several countries."
    ledger = _ledger(pipeline, text)
    foot = text.index("\n*")
    assert ledger.events
    assert all(e.sentence.start < foot for e in ledger.events)


def test_mentions_of_one_happening_merge(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The foreign minister of Qatar made a visit to Afghanistan on Monday. "
        "The minister's visit to Kabul was aimed at easing tensions."
    )
    ledger = _ledger(pipeline, text)
    visits = [e for e in ledger.events if e.type == "CONSULT"]
    assert len(visits) == 1


def test_agreement_counterpart_from_with_phrase(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Houthi leader Abdul-Malik al-Houthi offered a truce on Sunday, saying the movement was ready to "
        "hold talks with Saudi Arabia."
    )
    ledger = _ledger(pipeline, text)
    e = _event(ledger, "truce")
    assert e.type == "AGREE" and e.mode == "ceasefire"
    assert _name(ledger, e.actor1) == "Abdul-Malik al-Houthi"
    assert _name(ledger, e.actor2) == "Saudi Arabia"
    # only readiness: recorded as planned, never as talks that happened
    assert all(not x.occurred for x in ledger.events if x.trigger.text == "talks")


def test_phrasal_verbs_and_responsibility(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(
        pipeline, "Gunmen blew up a bridge near Kandahar. The group claimed responsibility for the attack."
    )
    e = _event(ledger, "blew")
    assert e.type == "ASSAULT" and e.mode == "explosives"
    claimed = [c for c in ledger.claims if c.cue == "claimed"]
    assert claimed and claimed[0].event == e.id


def test_shooting_down_drones_is_disrupted_weapons_use(pipeline) -> None:  # type: ignore[no-untyped-def]
    ledger = _ledger(pipeline, "The army said its air defences had shot down 12 Iranian drones overnight.")
    e = _event(ledger, "shot")
    assert e.acled is not None and e.acled.sub_event_type == "Disrupted weapons use"
    assert e.mode != "drone"


@pytest.mark.parametrize(
    ("text", "trigger", "sub_event_type"),
    [
        (
            "Ten terrorists hurled dynamite sticks at the embassy in Lima.",
            "hurled",
            "Remote explosive/landmine/IED",
        ),
        ("A man threw a grenade into the market in Kabul.", "threw", "Grenade"),
        ("Gunmen attacked a bus carrying villagers near Gao.", "attacked", "Attack"),
        ("Rebels attacked an army post near Gao, killing two soldiers.", "attacked", "Armed clash"),
    ],
)
def test_acled_sub_event_type(pipeline, text, trigger, sub_event_type) -> None:  # type: ignore[no-untyped-def]
    e = _event(_ledger(pipeline, text), trigger)
    assert e.acled is not None and e.acled.sub_event_type == sub_event_type


def test_a_summary_does_not_absorb_the_happenings_it_sums_up(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials said guerrillas carried out several attacks in San Miguel on 9 January. "
        "Guerrillas bombed two power stations in San Miguel on 9 January."
    )
    ledger = _ledger(pipeline, text)
    assert {e.trigger.text for e in ledger.events} >= {"attacks", "bombed"}
