"""0001_initial: articles and their records, keyed by (article_id, local id).

Events and claims also get a store-wide ``uid``. Each record keeps its full JSON (``record``, the
shape of ``claimledger.serialize``) next to the columns that are filtered or joined on. Foreign keys
are deferred so that one article's rows can be inserted in any order inside its transaction.
"""

from __future__ import annotations

NAME = "0001_initial"

_FK = "DEFERRABLE INITIALLY DEFERRED"
_ARTICLE_FK = f"FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE {_FK}"

STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        url TEXT,
        source TEXT,
        published TEXT,
        published_day TEXT,
        title TEXT,
        language TEXT,
        text TEXT NOT NULL,
        origin TEXT,
        ingested_at TEXT NOT NULL
    )""",
    "CREATE INDEX articles_published_day ON articles(published_day)",
    f"""CREATE TABLE article_errors (
        article_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        stage TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (article_id, seq),
        {_ARTICLE_FK}
    )""",
    f"""CREATE TABLE actors (
        article_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        affiliation TEXT,
        country TEXT,
        search TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        {_ARTICLE_FK},
        FOREIGN KEY (article_id, affiliation) REFERENCES actors(article_id, id) {_FK}
    )""",
    "CREATE INDEX actors_affiliation ON actors(article_id, affiliation)",
    "CREATE INDEX actors_kind ON actors(kind)",
    f"""CREATE TABLE places (
        article_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        admin2 TEXT,
        lat REAL,
        lon REAL,
        search TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        {_ARTICLE_FK}
    )""",
    "CREATE INDEX places_country ON places(country)",
    f"""CREATE TABLE times (
        article_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        start TEXT NOT NULL,
        "end" TEXT NOT NULL,
        granularity TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        {_ARTICLE_FK}
    )""",
    f"""CREATE TABLE events (
        article_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL,
        mode TEXT,
        acled_event_type TEXT,
        acled_sub_event_type TEXT,
        actor1 TEXT,
        actor2 TEXT,
        place TEXT,
        time TEXT,
        date_start TEXT,
        date_end TEXT,
        fatalities INTEGER,
        negated INTEGER NOT NULL,
        hedged INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        {_ARTICLE_FK},
        FOREIGN KEY (article_id, actor1) REFERENCES actors(article_id, id) {_FK},
        FOREIGN KEY (article_id, actor2) REFERENCES actors(article_id, id) {_FK},
        FOREIGN KEY (article_id, place) REFERENCES places(article_id, id) {_FK},
        FOREIGN KEY (article_id, time) REFERENCES times(article_id, id) {_FK}
    )""",
    "CREATE INDEX events_type ON events(type)",
    "CREATE INDEX events_dates ON events(date_start, date_end)",
    "CREATE INDEX events_actor1 ON events(article_id, actor1)",
    "CREATE INDEX events_actor2 ON events(article_id, actor2)",
    "CREATE INDEX events_place ON events(article_id, place)",
    "CREATE INDEX events_time ON events(article_id, time)",
    f"""CREATE TABLE event_victims (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        actor_id TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id, seq),
        FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE {_FK},
        FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, id) {_FK}
    )""",
    "CREATE INDEX event_victims_actor ON event_victims(article_id, actor_id)",
    f"""CREATE TABLE claims (
        article_id TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        uid TEXT NOT NULL UNIQUE,
        event TEXT,
        source TEXT,
        source_kind TEXT NOT NULL,
        source_text TEXT,
        source_search TEXT NOT NULL,
        stance TEXT NOT NULL,
        cue TEXT,
        hedged INTEGER NOT NULL,
        quote TEXT,
        channel TEXT,
        time TEXT,
        content_text TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, id),
        {_ARTICLE_FK},
        FOREIGN KEY (article_id, event) REFERENCES events(article_id, id) {_FK},
        FOREIGN KEY (article_id, source) REFERENCES actors(article_id, id) {_FK},
        FOREIGN KEY (article_id, time) REFERENCES times(article_id, id) {_FK}
    )""",
    "CREATE INDEX claims_event ON claims(article_id, event)",
    "CREATE INDEX claims_source ON claims(article_id, source)",
    "CREATE INDEX claims_time ON claims(article_id, time)",
    "CREATE INDEX claims_stance ON claims(stance, source_kind)",
    f"""CREATE TABLE contradictions (
        article_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        event TEXT NOT NULL,
        field TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, seq),
        {_ARTICLE_FK},
        FOREIGN KEY (article_id, event) REFERENCES events(article_id, id) {_FK}
    )""",
    "CREATE INDEX contradictions_event ON contradictions(article_id, event)",
    f"""CREATE TABLE contradiction_claims (
        article_id TEXT NOT NULL,
        contradiction_seq INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        claim_id TEXT NOT NULL,
        PRIMARY KEY (article_id, contradiction_seq, seq),
        FOREIGN KEY (article_id, contradiction_seq) REFERENCES contradictions(article_id, seq)
            ON DELETE CASCADE {_FK},
        FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, id) {_FK}
    )""",
    "CREATE INDEX contradiction_claims_claim ON contradiction_claims(article_id, claim_id)",
)
