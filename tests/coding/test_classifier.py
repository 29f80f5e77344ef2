"""The event sub-type model: labels, keywords, passages, features, the model file and the refinement stage."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimledger.coding.classifier import (
    EventTypeModel,
    TrainingRecipe,
    load_event_model,
    model_from_softmax,
    model_to_dict,
    retrained,
    save_event_model,
)
from claimledger.coding.event_features import (
    KEYWORD_VALUE,
    RuleEvent,
    keyword_lexicon,
    load_event_keywords,
    parse_keywords,
    passage_features,
    prototype_rows,
)
from claimledger.coding.labels import CASE_LABELS, LABEL_PLOVER, acled_code, rule_label
from claimledger.coding.passages import MAX_SENTENCES, features_of, labelled_passage, passages
from claimledger.coding.refine import MODEL_COMPONENT, STAND_IN_PLOVER, classify, refine_events
from claimledger.errors import DataFileError
from claimledger.syntax import ParseView
from claimledger.types import PLOVER_TYPES, Event, Span, Trigger

from .hand_parse import event_at, hand_parse

KEYWORDS = keyword_lexicon(
    [
        ("AIR_STRIKE", "warplane"),
        ("AIR_STRIKE", "air strike"),
        ("PEACE_PROTEST", "protester"),
        ("ATTRIB", "claim responsibility"),
        ("NATURAL_DISASTER", "flood"),
        ("STATE_FORCE", "army"),
    ]
)
# a small model: warplanes are air strikes, protesters protest, floods are disasters, claims are attributions
TRAIN = [
    ("Warplanes bombed the town.", "AIR_STRIKE"),
    ("A warplane hit a market.", "AIR_STRIKE"),
    ("An air strike hit the village.", "AIR_STRIKE"),
    ("Protesters marched in the capital.", "PEACE_PROTEST"),
    ("Thousands of protesters rallied.", "PEACE_PROTEST"),
    ("Floods swept the valley.", "NATURAL_DISASTER"),
    ("A flood hit the region.", "NATURAL_DISASTER"),
    ("The group claimed responsibility for the blast.", "ATTRIB"),
    ("Rebels claimed responsibility for the attack.", "ATTRIB"),
]
LEMMAS = {"Warplanes": "warplane", "Protesters": "protester", "protesters": "protester", "Floods": "flood"}
LEMMAS |= {"claimed": "claim", "bombed": "bomb", "marched": "march", "rallied": "rally", "swept": "sweep"}


def _features(text: str, events: tuple[Event, ...] = ()) -> dict[str, float]:
    parse = hand_parse(text, LEMMAS)
    view = ParseView(parse)
    passage = labelled_passage(view, events)
    assert passage is not None
    return features_of(view, passage, events, (), (), KEYWORDS)


@pytest.fixture(scope="module")
def model() -> EventTypeModel:
    recipe = TrainingRecipe(c=10.0)
    rows = [_features(text) for text, _ in TRAIN]
    labels = [label for _, label in TRAIN]
    fitted = recipe.fit(rows, labels, KEYWORDS)
    return model_from_softmax(fitted, KEYWORDS, recipe, trained_on="tests", training_ids=frozenset({"abc"}))


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize("label", CASE_LABELS)
def test_every_label_written_into_an_event_reads_back(label: str) -> None:
    fits = LABEL_PLOVER.get(label)
    type_ = fits[0] if fits else STAND_IN_PLOVER[label]
    event = Event("e", type_, Trigger("x", Span(0, 1)), Span(0, 5), acled=acled_code(label))
    assert rule_label(event) == label
    assert type_ in PLOVER_TYPES


@pytest.mark.parametrize(
    ("label", "event_type", "sub"),
    [
        ("AIR_STRIKE", "Explosions/Remote violence", "Air/drone strike"),
        ("OTHER", "Strategic developments", "Other"),
        ("NATURAL_DISASTER", "Not ACLED", "Natural disaster"),
        ("DIPLO", None, None),
    ],
)
def test_acled_code(label: str, event_type: str | None, sub: str | None) -> None:
    code = acled_code(label)
    got = (code.event_type, code.sub_event_type) if code is not None else (None, None)
    assert got == (event_type, sub)


# --------------------------------------------------------------------------- keywords and features


def test_keywords_match_phrases_and_report_malformed_lines() -> None:
    lex = parse_keywords("# comment\nATTRIB\tclaim responsibility\nSTATE_FORCE\tarmy\n", "k.tsv")
    assert lex.labels_in(["they", "claim", "responsibility"]) == {"ATTRIB"}
    assert lex.labels_in(["claim"]) == set()
    assert lex.longest == 2
    with pytest.raises(DataFileError, match=r"k.tsv:2: expected label<TAB>phrase"):
        parse_keywords("ATTRIB\tclaim\nbroken line\n", "k.tsv")


def test_packaged_keywords_name_task_labels_or_actor_sides() -> None:
    lex = load_event_keywords()
    labels = {label for owners in lex.phrases.values() for label in owners}
    sides = {"STATE_FORCE", "NON_STATE_FORCE", "PROTESTER", "CIVILIAN", "CASUALTY"}
    assert labels - sides == set(CASE_LABELS)


def test_passage_features_read_words_keywords_and_rules() -> None:
    tokens = hand_parse("The army warplane struck a protester.", LEMMAS).tokens
    rule = RuleEvent(type="ASSAULT", sub_event_type="Armed clash", label="ARMED_CLASH", trigger="strike")
    rule = RuleEvent(**{**{f: getattr(rule, f) for f in rule.__slots__}, "agent": "army", "mode": "aerial"})
    feats = passage_features(tokens, [rule], [("claim", "deny")], KEYWORDS)
    assert feats["w=warplane"] == 1.0 and "w=the" not in feats
    assert feats["kw=AIR_STRIKE"] == KEYWORD_VALUE
    assert "kw2=AIR_STRIKE|PEACE_PROTEST" in feats and "kw2=AIR_STRIKE|STATE_FORCE" in feats
    for name in ("rule=ARMED_CLASH", "sub=Armed clash", "agent_kw=STATE_FORCE", "main_mode=aerial", "deny"):
        assert name in feats
    assert "rule=NONE" in passage_features(tokens, [], [], KEYWORDS)


def test_prototype_rows_hold_each_class_keywords() -> None:
    rows = dict((label, row) for row, label in prototype_rows(KEYWORDS, ["ATTRIB", "AIR_STRIKE"]))
    assert set(rows) == {"ATTRIB", "AIR_STRIKE"}
    assert rows["ATTRIB"] == {"w=claim": 1.0, "w=responsibility": 1.0, "kw=ATTRIB": KEYWORD_VALUE}


# --------------------------------------------------------------------------- passages


def test_passages_follow_paragraphs_and_cut_long_ones() -> None:
    text = "One. Two.\nThree. " + " ".join(f"S{k}." for k in range(MAX_SENTENCES + 2))
    found = passages(ParseView(hand_parse(text)))
    sizes = [p.last - p.first + 1 for p in found]
    assert sizes[0] == 2  # "One. Two." ends at the line break
    assert sum(sizes) == 3 + MAX_SENTENCES + 2 - 0
    assert all(s <= MAX_SENTENCES for s in sizes) and len(found) == 3


def test_labelled_passage_is_the_first_with_an_asserted_event() -> None:
    parse = hand_parse("Calm day.\nWarplanes bombed the town.")
    view = ParseView(parse)
    event = event_at(parse, "bombed", "ASSAULT")
    assert labelled_passage(view, [event]) == passages(view)[1]
    assert labelled_passage(view, [event_at(parse, "bombed", "ASSAULT", negated=True)]) == passages(view)[0]


# --------------------------------------------------------------------------- the model


def test_model_predicts_a_distribution(model: EventTypeModel) -> None:
    label, dist = model.predict(_features("Warplanes bombed a bridge."))
    assert label == "AIR_STRIKE"
    assert sum(dist.values()) == pytest.approx(1.0)
    support = model.support(_features("Warplanes bombed a bridge."), "AIR_STRIKE")
    assert support["kw=AIR_STRIKE"] > 0


def test_model_file_round_trip(model: EventTypeModel, tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    save_event_model(model, path)
    loaded = load_event_model(path)
    assert loaded.classes == model.classes
    assert loaded.training_ids == frozenset({"abc"})
    assert loaded.keywords.phrases == model.keywords.phrases
    assert loaded.recipe == model.recipe
    feats = _features("A flood hit the town.")
    assert np.allclose(loaded.probabilities(feats), model.probabilities(feats), atol=0.02)
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("classes"), "malformed event model: 'classes'"),
        (lambda d: d.update(format=9), "format 9"),
        (lambda d: d["weights"].update({"w=x": {"99": 1.0}}), "class 99"),
        (lambda d: d.update(intercept=[0.0]), "intercepts for"),
    ],
)
def test_malformed_model_files(model: EventTypeModel, tmp_path: Path, change: object, message: str) -> None:
    data = model_to_dict(model)
    change(data)  # type: ignore[operator]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_event_model(path)


def test_unreadable_model_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read the event model"):
        load_event_model(tmp_path / "missing.json")
    (tmp_path / "x.json").write_text("[1]", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a JSON object"):
        load_event_model(tmp_path / "x.json")


def test_retrained_keeps_the_recipe(model: EventTypeModel) -> None:
    again = retrained(model, [_features(t) for t, _ in TRAIN[:5]], [label for _, label in TRAIN[:5]])
    assert again.recipe == model.recipe and again.keywords is model.keywords
    assert set(again.classes) == {"AIR_STRIKE", "PEACE_PROTEST"}
    assert again.training_ids == frozenset()


def test_packaged_model() -> None:
    shipped = load_event_model()
    assert set(shipped.classes) == set(CASE_LABELS)
    assert shipped.keywords.phrases == load_event_keywords().phrases, "retrain after editing the keywords"
    assert len(shipped.training_ids) >= 500
    assert shipped.metrics["cv_pipeline_macro_f1"] > 0.7


# --------------------------------------------------------------------------- the refinement stage


def _refine(model: EventTypeModel, text: str, *events: Event) -> tuple[Event, ...]:
    parse = hand_parse(text, LEMMAS)
    refined, claims = refine_events(ParseView(parse), events, (), (), model)
    added = [e for e in refined if e.id not in {x.id for x in events}]
    assert {c.event for c in claims} == {e.id for e in added}, "each added event has the outlet's claim"
    return refined


def test_refine_sets_the_sub_type_of_a_fitting_event(model: EventTypeModel) -> None:
    text = "Warplanes bombed the town."
    rule = event_at(hand_parse(text), "bombed", "ASSAULT", "Armed clash")
    (event,) = _refine(model, text, rule)
    assert event.acled is not None and event.acled.sub_event_type == "Air/drone strike"
    assert (event.type, event.component, event.id) == ("ASSAULT", MODEL_COMPONENT, "e1")


def test_refine_never_changes_a_type_and_adds_an_event_named_by_a_keyword(model: EventTypeModel) -> None:
    text = "The group claimed responsibility for the blast."
    rule = event_at(hand_parse(text), "blast", "ASSAULT", "Remote explosive/landmine/IED")
    refined = _refine(model, text, rule)
    assert refined[1] == rule  # the blast is kept as the rules coded it
    added = refined[0]
    assert (added.type, added.trigger.text, added.acled) == ("ACCUSE", "claimed", None)
    assert added.component == MODEL_COMPONENT and added.claims == ("m1.o",)


def test_refine_creates_an_event_where_the_rules_found_none(model: EventTypeModel) -> None:
    text = "Floods swept the valley. Nothing else."
    parse = hand_parse(text, LEMMAS)
    refined, claims = refine_events(ParseView(parse), (), (), (), model)
    (event,) = [e for e in refined if e.trigger.text == "Floods"]
    assert event.acled is not None and event.acled.sub_event_type == "Natural disaster"
    assert event.type == STAND_IN_PLOVER["NATURAL_DISASTER"]
    assert [c.source_kind for c in claims if c.event == event.id] == ["outlet"]


def test_refine_invents_no_event_in_a_longer_article(model: EventTypeModel) -> None:
    text = "Floods swept the valley.\nNothing else."  # two passages: the first is background, not a report
    refined, _ = refine_events(ParseView(hand_parse(text, LEMMAS)), (), (), (), model)
    assert refined == ()


def test_refine_leaves_negated_events_and_unnamed_happenings(model: EventTypeModel) -> None:
    text = "Warplanes did not bomb the town."
    rule = event_at(hand_parse(text), "bomb", "ASSAULT", "Armed clash", negated=True)
    assert _refine(model, text, rule) == (rule,)
    strict = EventTypeModel(**{**model.__dict__, "create_threshold": 1.1})
    assert _refine(strict, "Floods swept the valley.") == ()


def test_classify_reports_the_coding_of_its_class(model: EventTypeModel) -> None:
    parse = hand_parse("Protesters marched in the city.", LEMMAS)
    view = ParseView(parse)
    r = classify(view, passages(view)[0], (), (), (), model)
    assert r.label == "PEACE_PROTEST" and r.plover == ("PROTEST",)
    assert r.acled is not None and r.acled.event_type == "Protests"
    assert r.probability == r.distribution["PEACE_PROTEST"]
