"""The article pipeline: text → parse → places, times, actors, claims, events → an ``ArticleLedger``.

Each stage is its own module with typed records in and out; this module only wires them. A stage that fails on
an article is recorded in ``errors`` and the later stages run on what is there.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from claimledger.actors import ActorExtractor, ActorResult
from claimledger.attribution import AttributionExtractor, CueLexicon, DraftClaim, load_cues
from claimledger.coding.classifier import EventTypeModel, load_event_model
from claimledger.coding.coder import DraftEvent, EventCoder
from claimledger.coding.quantities import QuantityWords, load_quantities
from claimledger.coding.refine import refine_events
from claimledger.coding.triggers import TriggerLexicon, load_triggers
from claimledger.config import Config
from claimledger.cue_model import CueModel, load_cue_model
from claimledger.dateline import blank, dateline_country, dateline_date, dateline_place, find_dateline
from claimledger.dates import extract_times
from claimledger.errors import ClaimledgerError
from claimledger.geo.extract import extract_places
from claimledger.geo.gazetteer import Gazetteer, load_gazetteer
from claimledger.ledger.article import assemble, publication_time
from claimledger.lexicon import Channels, Demonyms, load_channels, load_demonyms
from claimledger.name_filter import NameFilter, build_name_filter
from claimledger.nlp.convert import doc_to_parse
from claimledger.syntax import ParseView
from claimledger.truecase import is_all_caps, truecase
from claimledger.types import (
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Event,
    Parse,
    Place,
    Span,
    StageError,
    TimeExpr,
    Trigger,
)

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# English words that are also place names: not restored to capitals when truecasing.
COMMON_WORDS = frozenset(
    "may march police union mobile reading nice split bar us la of the and in at on to by for san de del "
    "army national central general independence concord victoria liberty progress hope".split()
)

# Phrases whose "is it a name" answer is remembered (truecasing asks about every 1-4 word phrase).
NAME_CACHE_SIZE = 200_000

# Failures a stage may hit on odd input; recorded per article so the batch goes on.
_STAGE_FAILURES = (ClaimledgerError, ValueError, IndexError, KeyError, TypeError, AttributeError)


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything the stages need besides the spaCy model, loaded once."""

    gazetteer: Gazetteer
    demonyms: Demonyms
    channels: Channels
    cues: CueLexicon
    triggers: TriggerLexicon
    cue_model: CueModel | None = None
    quantities: QuantityWords = field(default_factory=lambda: QuantityWords({}))
    event_model: EventTypeModel | None = None  # the learned event sub-type model (coding.refine)


def load_resources() -> Resources:
    return Resources(
        gazetteer=load_gazetteer(),
        demonyms=load_demonyms(),
        channels=load_channels(),
        cues=load_cues(),
        triggers=load_triggers(),
        cue_model=load_cue_model(),
        quantities=load_quantities(),
        event_model=load_event_model(),
    )


class Pipeline:
    """Turns articles into ledgers. The model and resources are passed in (see ``build_pipeline``)."""

    def __init__(self, nlp: Language, resources: Resources, config: Config) -> None:
        self.nlp = nlp
        self.resources = resources
        self.config = config
        meta = nlp.meta
        self.model = f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
        gaz = resources.gazetteer
        self._actors = ActorExtractor(
            resources.demonyms, resources.channels, _country_lookup(gaz), _capital_lookup(gaz)
        )
        self._attribution = AttributionExtractor(resources.cues, resources.channels, resources.cue_model)
        self._coder = EventCoder(resources.triggers, resources.quantities)
        self._names: dict[str, bool] = {}
        self._name_filter: NameFilter | None = None  # built on first use (truecasing only)

    def _names_filter(self) -> NameFilter:
        if self._name_filter is None:
            self._name_filter = build_name_filter(self.resources.gazetteer, self.resources.demonyms)
        return self._name_filter

    def _is_name(self, phrase: str) -> bool:
        """Whether a title-cased phrase is a name to restore when truecasing: a demonym, a country or
        first-level division, or a city (a single-word city only if large: "Mobile" is mostly a word)."""
        known = self._names.get(phrase)
        if known is not None:
            return known
        if not self._names_filter().may_be_name(phrase):
            return False  # no lookup can match it (most phrases); not cached
        ok = False
        if phrase.lower() not in COMMON_WORDS:
            if self.resources.demonyms.lookup(phrase):
                ok = True
            else:
                single = " " not in phrase
                for e in self.resources.gazetteer.lookup(phrase):
                    if e.kind in ("country", "admin1") or (
                        e.kind == "city" and (not single or e.population >= 100_000)
                    ):
                        ok = True
                        break
        if len(self._names) >= NAME_CACHE_SIZE:
            self._names.clear()  # bounded: memory stays flat over a long run
        self._names[phrase] = ok
        return ok

    def config_dict(self) -> dict[str, Any]:
        return asdict(self.config)

    # ------------------------------------------------------------------ public
    def parse_text(self, article: Article) -> str:
        """The text the parser reads: the dateline blanked, all-capitals wire text truecased. Same length as
        ``article.text``, so every span found on it indexes the article."""
        text = blank(article.text, find_dateline(article.text))
        if not is_all_caps(text):
            return text
        return truecase(text, self._is_name, longest=self._names_filter().longest)

    def extract(self, article: Article) -> ArticleLedger:
        doc = self.nlp(self.parse_text(article))
        return self.from_parse(article, doc_to_parse(doc, self.model))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleLedger]:
        """Stream ledgers for ``articles`` using ``nlp.pipe`` in batches (input order is kept).

        ``articles`` is read lazily, as the parser asks for texts. The parser gets plain strings (with
        ``n_process`` > 1 they go to its processes as text, not as tokenised ``Doc``s); the articles
        wait here in order, and ``nlp.pipe`` keeps that order.
        """
        waiting: deque[Article] = deque()

        def texts() -> Iterator[str]:
            for article in articles:
                waiting.append(article)
                yield self.parse_text(article)

        for doc in self.nlp.pipe(texts(), batch_size=self.config.batch_size, n_process=self.config.n_process):
            yield self.from_parse(waiting.popleft(), doc_to_parse(doc, self.model))

    def from_parse(self, article: Article, parse: Parse) -> ArticleLedger:
        view = ParseView(parse)
        prefix = ""  # ids are local to the article; the store qualifies them (store.base.global_id)
        errors: list[StageError] = []
        places: tuple[Place, ...] = ()
        place_of: dict[int, str] = {}
        times: tuple[TimeExpr, ...] = ()
        time_of: dict[int, str] = {}
        actors = ActorResult(actors=(), token_actor={}, resolve=lambda i: None)
        drafts: list[DraftEvent] = []
        claims: list[DraftClaim] = []
        dateline = find_dateline(article.text)
        # without a publication date, the dateline's day ("SAN SALVADOR, 3 JAN 90 --") is the reference
        published = article.published or dateline_date(article.text, dateline)
        dateline_pid: str | None = None
        try:
            hint = dateline_country(article.text, dateline, self.resources.gazetteer)
            places, place_of = extract_places(
                view,
                self.resources.gazetteer,
                prefix,
                focus_hint=hint,
                demonyms=self.resources.demonyms.lookup,
            )
            places, dateline_pid = dateline_place(
                article.text, dateline, self.resources.gazetteer, places, prefix
            )
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("geo", exc, article))
        try:
            times, time_of = extract_times(view, published, prefix)
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("dates", exc, article))
        try:
            actors = self._actors.extract(view, prefix, place_tokens=place_of.keys())
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("actors", exc, article))
        try:
            claims = self._attribution.extract(view, actors, time_of, prefix)
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("attribution", exc, article))
        try:
            place_records = {p.id: p for p in places}
            drafts = self._coder.code(view, actors, place_of, place_records, time_of)
            if dateline_pid is not None:
                # an event with no place of its own happened, as far as we know, where the story was filed
                drafts = [d if d.place else replace(d, place=dateline_pid, place_soft=True) for d in drafts]
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("coding", exc, article))
        events: tuple[Event, ...] = ()
        out_claims: tuple[Claim, ...] = ()
        contradictions: tuple[Contradiction, ...] = ()
        try:
            events, out_claims, contradictions, times = assemble(
                drafts, claims, places, times, prefix, publication_time(published, prefix)
            )
        except _STAGE_FAILURES as exc:
            errors.append(_stage_error("ledger", exc, article))
        if self.resources.event_model is not None:  # the event sub-type model labels each passage
            try:
                events, out_claims = refine_events(
                    view, events, out_claims, actors.actors, self.resources.event_model, times, prefix
                )
            except _STAGE_FAILURES as exc:
                errors.append(_stage_error("event_model", exc, article))
        actor_records: tuple[Actor, ...] = actors.actors
        if parse.text != article.text:
            # the parser read a blanked or truecased copy: evidence texts come from the article itself
            events, times, out_claims = _article_texts(article.text, events, times, out_claims)
        return ArticleLedger(
            article=article,
            actors=actor_records,
            places=places,
            times=times,
            events=events,
            claims=out_claims,
            contradictions=contradictions,
            errors=tuple(errors),
        )


def _article_texts(
    text: str, events: tuple[Event, ...], times: tuple[TimeExpr, ...], claims: tuple[Claim, ...]
) -> tuple[tuple[Event, ...], tuple[TimeExpr, ...], tuple[Claim, ...]]:
    def at(span: Span) -> str:
        return text[span.start : span.end]

    events = tuple(replace(e, trigger=Trigger(at(e.trigger.span), e.trigger.span)) for e in events)
    times = tuple(replace(t, text=at(t.span)) for t in times)
    claims = tuple(
        replace(
            c,
            quote=at(c.content) if c.quote is not None else None,
            source_text=at(c.source_span) if c.source_span is not None else c.source_text,
        )
        for c in claims
    )
    return events, times, claims


def _stage_error(stage: str, exc: Exception, article: Article) -> StageError:
    log.warning(
        "stage %s failed on article %s (%s): %s", stage, article.id, article.origin, exc, exc_info=True
    )
    return StageError(stage=stage, message=f"{type(exc).__name__}: {exc}")


def _country_lookup(gaz: Gazetteer) -> Callable[[str], str | None]:
    def lookup(name: str) -> str | None:
        entry = gaz.country_by_name(name)
        return entry.country if entry is not None else None

    return lookup


def _capital_lookup(gaz: Gazetteer) -> Callable[[str], str | None]:
    def lookup(name: str) -> str | None:
        for entry in gaz.lookup(name):
            if entry.kind == "city" and entry.feature == "PPLC" and entry.name.lower() == name.lower():
                return entry.country
        return None

    return lookup


def build_pipeline(config: Config | None = None, nlp: Language | None = None) -> Pipeline:
    """Load the model (by package name) and packaged resources, and build a ``Pipeline``."""
    from claimledger.nlp.loader import load_model

    config = config or Config()
    return Pipeline(nlp or load_model(config.model), load_resources(), config)
