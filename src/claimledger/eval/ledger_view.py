"""Look-ups over one extracted ``ArticleLedger`` for scorers: records by id, names of actors and places."""

from __future__ import annotations

from claimledger.types import Actor, ArticleLedger, Claim, Event, Place, TimeExpr


class LedgerView:
    """Index of an ``ArticleLedger``'s records by id (built once per ledger, read-only)."""

    def __init__(self, ledger: ArticleLedger) -> None:
        self.ledger = ledger
        self.actors: dict[str, Actor] = {a.id: a for a in ledger.actors}
        self.places: dict[str, Place] = {p.id: p for p in ledger.places}
        self.times: dict[str, TimeExpr] = {t.id: t for t in ledger.times}
        self.claims: dict[str, Claim] = {c.id: c for c in ledger.claims}

    @property
    def text(self) -> str:
        return self.ledger.article.text

    def actor(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id is not None else None

    def actor_names(self, actor_id: str | None, follow_affiliation: bool = True) -> tuple[str, ...]:
        """The actor's name and aliases, then (one step) those of the actor it is affiliated with."""
        actor = self.actor(actor_id)
        if actor is None:
            return ()
        names = (actor.name, *actor.aliases)
        if follow_affiliation and actor.affiliation and actor.affiliation != actor.id:
            names += self.actor_names(actor.affiliation, follow_affiliation=False)
        return names

    def describe_actor(self, actor_id: str | None) -> str:
        actor = self.actor(actor_id)
        if actor_id is None:
            return "none"
        if actor is None:
            return f"{actor_id} (not in the ledger)"
        label = f"{actor.id} {actor.name!r}"
        boss = self.actor(actor.affiliation)
        return label + (f" of {boss.name!r}" if boss is not None and boss.id != actor.id else "")

    def place_names(self, place: Place) -> tuple[str, ...]:
        """A place's name and the texts of its mentions (places carry no aliases)."""
        return (place.name, *(m.text(self.text) for m in place.mentions))

    def claims_of(self, event: Event) -> list[Claim]:
        """The claims linked to ``event`` either way (``claim.event`` or ``event.claims``), in order."""
        listed = set(event.claims)
        return [c for c in self.ledger.claims if c.event == event.id or c.id in listed]

    def describe_event(self, event: Event) -> str:
        return f"{event.id} {event.type} {event.trigger.text!r}@{event.trigger.span.start}"

    def describe_claim(self, claim: Claim) -> str:
        source = self.describe_actor(claim.source) if claim.source else claim.source_kind
        text = f" {claim.source_text!r}" if claim.source_text else ""
        return f"{claim.id} {claim.stance} cue={claim.cue!r} source={source}{text}"
