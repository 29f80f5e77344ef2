"""Word lists of the attribution stage (who counts as an unnamed source, what a media outlet is, ...)."""

from __future__ import annotations

COMPONENT = "attribution"

# heads of sources that name nobody ("several sources", "officials", "witnesses")
UNNAMED_NOUNS = frozenset(
    (
        "source sources official officials witness witnesses resident residents observer observers "
        "diplomat diplomats insider insiders people person persons expert experts local locals "
        "villager villagers eyewitness eyewitnesses activist activists analyst analysts"
    ).split()
)
# modifiers that keep a source unnamed (quantifiers, vagueness)
VAGUE_MODIFIERS = frozenset(
    (
        "several some many few a an the another one two three four five other various multiple unnamed "
        "anonymous numerous certain most all these those"
    ).split()
)
MEDIA_NOUNS = frozenset(
    (
        "report reports newspaper newspapers media outlet outlets agency agencies television tv "
        "channel channels broadcaster broadcasters daily press paper"
    ).split()
)
INSTITUTION_NOUNS = frozenset(
    "government ministry army military police parliament presidency embassy cabinet office command "
    "administration authority authorities court council".split()
)
# a verb mined from PolNeAR train is a cue only where the learned model gives it at least this probability
MINED_VETO = 0.15
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president leader commander official governor chief "
    "ambassador envoy general mayor secretary director".split()
)
PRESS_NOUNS = frozenset("reporter journalist press media correspondent newsman".split())
FALSE_WORDS = frozenset(
    (
        "false untrue baseless unfounded wrong fabricated incorrect groundless lies lie propaganda "
        "fake nonsense ridiculous misleading"
    ).split()
)
# quotation marks: open, close (two-character marks first: "''" is a closing or straight mark in wire text)
QUOTE_PAIRS = (("``", "''"), ("''", "''"), ("“", "”"), ('"', '"'), ("«", "»"))
