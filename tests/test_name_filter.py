"""The truecasing name filter never rejects what the gazetteer or the demonyms would match."""

from __future__ import annotations

import json
import re

import pytest

from claimledger.geo.normalize import name_key, variant_key
from claimledger.name_filter import ARTICLES, NameFilter, build_name_filter, skeleton
from claimledger.truecase import truecase

from .conftest import SHARED

MUC = SHARED / "eval" / "muc34" / "muc34_docs.jsonl"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@pytest.fixture(scope="module")
def resources(pipeline):  # type: ignore[no-untyped-def]
    return pipeline.resources


@pytest.fixture(scope="module")
def name_filter(resources) -> NameFilter:  # type: ignore[no-untyped-def]
    return build_name_filter(resources.gazetteer, resources.demonyms)


@pytest.fixture(scope="module")
def muc_texts() -> list[str]:
    if not MUC.exists():
        pytest.skip(f"{MUC} is missing")
    with open(MUC, encoding="utf-8") as handle:
        return [json.loads(line)["text"] for _, line in zip(range(40), handle, strict=False)]


def _phrases(text: str, max_words: int = 4) -> list[list[str]]:
    """Runs of up to ``max_words`` title-cased words joined by single spaces, as truecasing asks."""
    words = [(m.start(), m.end(), m.group(0).title()) for m in _WORD.finditer(text)]
    out = []
    for i in range(len(words)):
        run = [words[i][2]]
        for k in range(i + 1, min(i + max_words, len(words))):
            if text[words[k - 1][1] : words[k][0]] != " ":
                break
            run.append(words[k][2])
        out.append(run)
    return out


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Panjshir", "Panjsher"),
        ("Nimroz", "Nimruz"),
        ("Khowst", "Khost"),
        ("Vardak", "Wardak"),
        ("Raqqah", "Raqqa"),
    ],
)
def test_romanisation_variants_share_a_skeleton(a: str, b: str) -> None:
    assert variant_key(name_key(a)) == variant_key(name_key(b))
    assert skeleton(name_key(a)) == skeleton(name_key(b))


def test_the_skeleton_survives_every_variant_rewrite(resources) -> None:  # type: ignore[no-untyped-def]
    keys = sorted({name_key(n) for e in resources.gazetteer.entries if e.kind != "city" for n in e.names})
    for key in keys[::7]:
        words = key.split()
        if len(words) > 1 and words[0] in ARTICLES:
            words = words[1:]
        assert skeleton(variant_key(" ".join(words), min_len=0)) == skeleton("".join(words)), key


def test_articles_cover_those_variant_key_drops() -> None:
    for article in ARTICLES:
        assert variant_key(f"{article} hudaydah") == variant_key("hudaydah")
    assert variant_key("bu hudaydah") != variant_key("hudaydah")


def test_no_known_name_is_rejected(name_filter: NameFilter, resources) -> None:  # type: ignore[no-untyped-def]
    entries = resources.gazetteer.entries
    names = [n for e in entries[:: max(1, len(entries) // 3000)] for n in e.names[:3]]
    names += [f"{n} Province" for n in names[:200]] + [f"Province Of {n}" for n in names[:200]]
    names += list(resources.demonyms.forms())
    for name in names:
        phrase = " ".join(w.title() for w in name.split())
        if resources.gazetteer.lookup(phrase) or resources.demonyms.lookup(phrase):
            assert name_filter.may_be_name(phrase), phrase
            assert name_filter.longest(phrase.split()) >= len(phrase.split()), phrase


def test_rejected_phrases_are_never_names(name_filter: NameFilter, resources, muc_texts) -> None:  # type: ignore[no-untyped-def]
    gaz, dem = resources.gazetteer, resources.demonyms
    rejected = 0
    for text in muc_texts[:15]:
        for run in _phrases(text):
            bound = name_filter.longest(run)
            for n in range(1, len(run) + 1):
                phrase = " ".join(run[:n])
                found = bool(gaz.lookup(phrase) or dem.lookup(phrase))
                if not name_filter.may_be_name(phrase):
                    rejected += 1
                    assert not found, phrase
                if found:
                    assert n <= bound, (phrase, bound)
    assert rejected > 1000  # and it does reject most phrases


def test_truecasing_is_the_same_with_the_filter(pipeline, muc_texts) -> None:  # type: ignore[no-untyped-def]
    from claimledger.pipeline import Pipeline

    plain = Pipeline(pipeline.nlp, pipeline.resources, pipeline.config)

    class KeepAll:
        def may_be_name(self, phrase: str) -> bool:
            return True

    plain._name_filter = KeepAll()  # type: ignore[assignment]
    for text in muc_texts[:20]:
        fast = truecase(text, pipeline._is_name, longest=pipeline._names_filter().longest)
        assert fast == truecase(text, plain._is_name)
