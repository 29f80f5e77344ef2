"""Shared state and records of the attribution stage's parts."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.attribution.cues import CueLexicon
from claimledger.cue_model import CueModel
from claimledger.lexicon import Channels
from claimledger.types import Claim, Span


@dataclass(frozen=True, slots=True)
class DraftClaim:
    """A claim before it is linked to events.

    ``refers_back``: the content is a reference to earlier claims ("denied the victory claims"), so the claim
    is
    about the events of the most recent earlier claim by another source.
    """

    claim: Claim
    content_tokens: tuple[int, int]  # token range of the content
    refers_back: bool = False
    refers_to: str | None = None  # the lemma of the noun referred to ("claim", "accusation")


@dataclass(slots=True)
class Quote:
    open_char: int
    close_char: int  # index of the closing mark
    inner: Span
    tokens: tuple[int, int]
    cue: int | None = None  # the cue inside a quotation split by its attribution


# (actor id, source kind, source text, source span) of a speaker
Source = tuple[str | None, str, str | None, Span | None]
# a claim being built, its content's token range, and whether it refers back to earlier claims
Draft = tuple[Claim, tuple[int, int], bool]


class Base:
    """What every part of the extractor shares: the lexicons and the learned cue model."""

    def __init__(self, cues: CueLexicon, channels: Channels, model: CueModel | None = None) -> None:
        self.cues = cues
        self.channels = channels
        self.model = model  # the learned detector for cues the lexicon lacks (``cue_model``)
