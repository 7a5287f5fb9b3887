from datetime import date

import pytest

from eventwire import extract
from eventwire.store import EventFilter, Store, timex_interval


@pytest.mark.parametrize(
    ("value", "interval"),
    [
        ("2024-04-10", (date(2024, 4, 10), date(2024, 4, 10))),
        ("2024-04-10TMO", (date(2024, 4, 10), date(2024, 4, 10))),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
        ("2024-W11", (date(2024, 3, 11), date(2024, 3, 17))),
        ("2027", (date(2027, 1, 1), date(2027, 12, 31))),
        ("199", (date(1990, 1, 1), date(1999, 12, 31))),
        ("PAST_REF", (None, None)),
        ("XXXX-04-10", (None, None)),
        (None, (None, None)),
    ],
)
def test_timex_interval(value, interval):
    assert timex_interval(value) == interval


def test_an_interrupted_batch_leaves_nothing_and_a_rerun_completes(tmp_path, monkeypatch):
    first = extract("Russia attacked Ukraine on Tuesday.", published="2024-03-20")
    second = extract("Japan and China held talks on Monday.", published="2024-03-20")
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.ingest([first])
        real = store.con.register
        calls = []

        def fail_on_events(name, table):
            calls.append(table.column_names)
            if "trigger_text" in table.column_names:
                raise KeyboardInterrupt
            return real(name, table)

        monkeypatch.setattr(store, "con", _Proxy(store.con, register=fail_on_events))
        with pytest.raises(KeyboardInterrupt):
            store.ingest([second])
        monkeypatch.undo()
        assert store.counts()["articles"] == 1
        assert store.con.execute("SELECT count(*) FROM actors WHERE article_id = ?", [second.id]).fetchall() == [(0,)]
        result = store.ingest([first, second])
        assert (result.stored, result.skipped) == (1, 1)
        assert store.counts()["articles"] == 2
        assert store.events(EventFilter()).num_rows == 2
        assert store.article(second.id) == second and store.article("missing") is None


class _Proxy:
    """A connection whose ``register`` is replaced, to break an ingest half-way."""

    def __init__(self, con, register):
        self._con, self.register = con, register

    def __getattr__(self, name):
        return getattr(self._con, name)
