"""Shared fixtures: the pipeline loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire import Settings, extract, load_pipeline

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Written for these tests; the people and the quotes are invented.
SUMMIT = (
    "Japanese Prime Minister Fumio Kishida will meet US President Joe Biden on April 10 in Washington, "
    "the Yomiuri reports. The two governments are expected to announce closer defence ties.\n\n"
    "\"We will deepen our alliance,\" Kishida said. He added that Japan would raise defence spending to "
    "2% of GDP by 2027.\n\n"
    "There are 54,000 US troops in Japan. Tokyo wants a larger role in the region, and Japanese "
    "government spokesman Kenji Amano told reporters on Monday that no decision had been made on new bases."
)


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline(Settings())


@pytest.fixture(scope="session")
def summit(nlp):
    return extract(SUMMIT, published="2024-03-18", title="Summit set", source="Test Wire")
