"""0003_ledger: the cross-article ledger (``claimledger.ledger.cross``), kept next to the article ledgers.

- ``ledger_events``: one row per merged event, keyed by its stable ``LedgerEvent.id``, with the columns
  that are filtered on (type, ACLED types, actor keys and names, place, country, coordinates, dates,
  fatalities, corroboration, contested), the case-folded ``actor_search``/``place_search`` texts of its
  substring filters, ``digest`` (a hash of its record and its contradictions: an unchanged event is not
  rewritten) and ``record``, the JSON of ``claimledger.ledger.serialize``;
- ``ledger_reports``: its reports (article id and the article's local event id);
- ``ledger_claims``: its claims (article, local claim id, stance, source key and text, time), with
  ``contradicted`` set when one of its event's contradictions names the claim and ``corroborated``
  when it asserts the event and some other independent source (``LedgerEvent.sources``) does too;
- ``ledger_contradictions``: its contradictions, each with its JSON ``record``.

The child tables cascade from ``ledger_events``: deleting an event deletes its rows. They refer to the
articles by id only (no foreign key): the ledger is derived data, rebuilt as a whole.
"""

from __future__ import annotations

NAME = "0003_ledger"

_EVENT_FK = "FOREIGN KEY (ledger_event) REFERENCES ledger_events(id) ON DELETE CASCADE"


def _statements(text: str, date: str, flag: str, real: str) -> tuple[str, ...]:
    return (
        f"""CREATE TABLE ledger_events (
            id {text} PRIMARY KEY,
            type {text} NOT NULL,
            mode {text},
            acled_event_type {text},
            acled_sub_event_type {text},
            actor1 {text},
            actor2 {text},
            actor1_name {text},
            actor2_name {text},
            place_name {text},
            country {text},
            lat {real},
            lon {real},
            date_start {date},
            date_end {date},
            fatalities INTEGER,
            corroboration INTEGER NOT NULL,
            contested {flag} NOT NULL,
            report_count INTEGER NOT NULL,
            claim_count INTEGER NOT NULL,
            actor_search {text} NOT NULL,
            place_search {text} NOT NULL,
            digest {text} NOT NULL,
            record {text} NOT NULL
        )""",
        f"""CREATE TABLE ledger_reports (
            ledger_event {text} NOT NULL,
            seq INTEGER NOT NULL,
            article_id {text} NOT NULL,
            event_id {text} NOT NULL,
            outlet {text},
            published {date},
            occurred {flag} NOT NULL,
            PRIMARY KEY (ledger_event, seq),
            {_EVENT_FK}
        )""",
        f"""CREATE TABLE ledger_claims (
            ledger_event {text} NOT NULL,
            seq INTEGER NOT NULL,
            article_id {text} NOT NULL,
            claim_id {text} NOT NULL,
            stance {text} NOT NULL,
            source_key {text} NOT NULL,
            source_text {text},
            source_search {text} NOT NULL,
            time {date},
            contradicted {flag} NOT NULL,
            corroborated {flag} NOT NULL,
            PRIMARY KEY (ledger_event, seq),
            {_EVENT_FK}
        )""",
        f"""CREATE TABLE ledger_contradictions (
            ledger_event {text} NOT NULL,
            seq INTEGER NOT NULL,
            field {text} NOT NULL,
            record {text} NOT NULL,
            PRIMARY KEY (ledger_event, seq),
            {_EVENT_FK}
        )""",
        "CREATE INDEX ledger_reports_article ON ledger_reports(article_id, event_id)",
        "CREATE INDEX ledger_claims_source ON ledger_claims(source_key)",
        "CREATE INDEX ledger_claims_article ON ledger_claims(article_id, claim_id)",
        "CREATE INDEX ledger_events_actor1 ON ledger_events(actor1)",
        "CREATE INDEX ledger_events_actor2 ON ledger_events(actor2)",
        "CREATE INDEX ledger_events_country ON ledger_events(country)",
        "CREATE INDEX ledger_events_corroboration ON ledger_events(corroboration)",
    )


# The ledger order: dated events first by start date, then by id (SQLite sorts NULL first, so the key
# is coalesce(date_start, '~'): '~' sorts after every ISO date; queries use the same expression).
_ORDER = "coalesce(date_start, '~'), id"
STATEMENTS: tuple[str, ...] = (
    *_statements("TEXT", "TEXT", "INTEGER", "REAL"),
    f"CREATE INDEX ledger_events_order ON ledger_events({_ORDER}, date_end)",
    f"CREATE INDEX ledger_events_type_order ON ledger_events(type, {_ORDER}, date_end)",
    f"CREATE INDEX ledger_events_contested ON ledger_events({_ORDER}, date_end) WHERE contested = 1",
)

_PG_ORDER = "date_start NULLS LAST, id"
POSTGRES_STATEMENTS: tuple[str, ...] = (
    *_statements('TEXT COLLATE "C"', "DATE", "BOOLEAN", "DOUBLE PRECISION"),
    f"CREATE INDEX ledger_events_order ON ledger_events({_PG_ORDER}) INCLUDE (date_end)",
    f"CREATE INDEX ledger_events_type_order ON ledger_events(type, {_PG_ORDER}) INCLUDE (date_end)",
    f"CREATE INDEX ledger_events_contested ON ledger_events({_PG_ORDER}) INCLUDE (date_end) WHERE contested",
)
