"""Fixtures for the geo tests: the packaged gazetteer, loaded once per session."""

from __future__ import annotations

import pytest

from claimledger.geo.gazetteer import Gazetteer, load_gazetteer


@pytest.fixture(scope="session")
def packaged_gazetteer() -> Gazetteer:
    return load_gazetteer()
