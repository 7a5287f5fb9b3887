"""The command line, called as a user would, with exact output where it is stable."""

import json

import duckdb
import pytest
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.record import validate

from conftest import EXAMPLES, SUMMIT

runner = CliRunner()


def run(*args, input=None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "summit.txt"
    path.write_text(SUMMIT, encoding="utf-8")
    return path


def test_extract_single_text_prints_one_valid_record(article_file):
    result = run("extract", str(article_file), "--published", "2024-03-18", "--title", "Summit set")
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert (record["title"], record["published"]) == ("Summit set", "2024-03-18")
    assert record["actors"] and record["times"] and record["figures"] and record["events"]


def test_extract_stdin():
    result = run("extract", "-", "--published", "2024-05-02", input="Germany and France condemned the attack.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"][0]["type"] == "ACCUSE"


def test_extract_folder_writes_json_lines_and_reads_html_metadata():
    result = run("extract", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 10
    page = next(r for r in records if r["title"] and "Nairobi" in r["text"] and r["published"] == "2024-06-20")
    assert "cookie" not in page["text"].lower()


def test_bad_published_date_is_a_usage_error(article_file):
    result = run("extract", str(article_file), "--published", "2024-02-30")
    assert result.exit_code == 2
    assert "'2024-02-30' is not a date in the form YYYY-MM-DD" in result.stderr


def test_missing_path_is_reported_and_the_rest_processed(article_file, tmp_path):
    result = run("extract", str(tmp_path / "nope.txt"), str(article_file))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"eventwire: {tmp_path / 'nope.txt'}: no such file or folder"
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty input"),
        ("blank.txt", b"  \n\n ", "empty input"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes), not text"),
        ("latin1.txt", "Caf\u00e9 talks in Montr\u00e9al".encode("latin-1"), "not valid UTF-8 (byte 0xe9 at offset 3); convert it to UTF-8"),
        ("empty.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text found in the HTML page"),
    ],
)
def test_bad_inputs_get_one_clear_line(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"eventwire: {path}: {reason}\n"
    assert result.stdout == ""


def test_huge_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"Japan met China. " * 1_200_000)  # 20.4 MB
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr == (f"eventwire: {path}: file is 20.4 MB; the limit is 1,000,000 characters "
                             "(set EVENTWIRE_MAX_CHARS or --max-chars to raise it)\n")


def test_long_text_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Japan met China. " * 100)
    result = run("extract", str(path), "--max-chars", "500")
    assert result.exit_code == 1
    assert "text is 1,700 characters; the limit is 500" in result.stderr


def test_jsonl_with_a_malformed_line_reports_file_and_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a", "text": "Japan and China held talks.", "published": "2024-01-05"}),
        "{not json",
        json.dumps({"id": "c", "title": "no text"}),
        json.dumps({"id": "d", "text": "Russia attacked Ukraine.", "published": "yesterday"}),
        json.dumps({"id": "e", "text": "Germany condemned the attack."}),
    ]))
    result = run("extract", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"eventwire: {path}:2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"eventwire: {path}:3 (c): no 'text' string in the object",
        f"eventwire: {path}:4 (d): 'yesterday' is not a date in the form YYYY-MM-DD",
    ]
    assert len(result.stdout.splitlines()) == 2


def test_ingest_twice_stores_each_article_once(tmp_path):
    db = str(tmp_path / "store.duckdb")
    first = run("ingest", str(EXAMPLES), "--db", db)
    assert first.exit_code == 0, first.stderr
    assert first.stderr.startswith("10 article(s) stored, 0 already stored, ")
    second = run("ingest", str(EXAMPLES), "--db", db)
    assert second.stderr.startswith("0 article(s) stored, 10 already stored, 0 event(s)")
    con = duckdb.connect(db, read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(10, 10)]
    con.close()


def test_events_filters_and_exact_csv(tmp_path):
    db = str(tmp_path / "store.duckdb")
    source = tmp_path / "a.txt"
    source.write_text("Japan and China held talks in Beijing on Monday. Russia attacked Ukraine on Tuesday.")
    assert run("ingest", str(source), "--db", db, "--published", "2024-03-20").exit_code == 0
    result = run("events", "--db", db, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("article_id,event_id,published,date,date_imputed,type,plover_type,mode,context,cameo,source,source_code,target,target_code,modality")
    rows = [line.split(",") for line in lines[1:]]
    assert [(r[3], r[5], r[10], r[12]) for r in rows] == [("2024-03-19", "ASSAULT", "Russia", "Ukraine"), ("2024-03-18", "CONSULT", "Japan; China", "")]
    by = lambda *args: [line.split(",")[5] for line in run("events", "--db", db, "--format", "csv", *args).stdout.splitlines()[1:]]
    assert by("--dyad", "JPN:CHN") == ["CONSULT"]
    assert by("--dyad", "RUS:UKR") == ["ASSAULT"]
    assert by("--dyad", "UKR:RUS") == []
    assert by("--actor", "UKR") == ["ASSAULT"]
    assert by("--type", "consult") == ["CONSULT"]
    assert by("--since", "2024-03-19") == ["ASSAULT"]
    assert by("--until", "2024-03-18") == ["CONSULT"]
    assert by("--modality", "future") == []


def test_events_formats(tmp_path):
    db = str(tmp_path / "store.duckdb")
    source = tmp_path / "a.txt"
    source.write_text("Russia attacked Ukraine on Tuesday.")
    run("ingest", str(source), "--db", db, "--published", "2024-03-20")
    rows = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert rows[0]["source"] == "Russia" and rows[0]["date"] == "2024-03-19"
    table = run("events", "--db", db)
    assert "ASSAULT" in table.stdout and table.stdout.rstrip().endswith("1 event(s)")
    out = tmp_path / "events.parquet"
    assert run("events", "--db", db, "--format", "parquet", "--output", str(out)).exit_code == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 1
    assert run("events", "--db", db, "--format", "parquet").exit_code == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "last week"], "'last week' is not a date"),
        (["--type", "MEET"], "'MEET' is not a PLOVER type"),
        (["--modality", "maybe"], "'maybe' is not one of asserted"),
        (["--dyad", "JPN"], "'JPN' is not SOURCE:TARGET"),
        (["--actor", "JPN' OR 1=1 --"], "is not an ISO3 country or actor code"),
    ],
)
def test_bad_filters_are_usage_errors(tmp_path, args, message):
    result = run("events", "--db", str(tmp_path / "x.duckdb"), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_file_that_is_not_a_database_is_reported(tmp_path):
    fake = tmp_path / "notes.duckdb"
    fake.write_text("these are my notes, not a database\n" * 100)
    for command in (["events", "--db", str(fake)], ["ingest", str(EXAMPLES / "taiwan-drills.txt"), "--db", str(fake)]):
        result = run(*command)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"eventwire: {fake}: cannot open as a DuckDB database (")
    assert fake.read_text().startswith("these are my notes")


def test_events_on_a_missing_database(tmp_path):
    result = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code == 1
    assert "no such database (run `eventwire ingest` first)" in result.stderr


def test_evaluate_skips_benchmarks_whose_data_is_absent(tmp_path):
    result = runner.invoke(app, ["evaluate", "--data", str(tmp_path), "--gate"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"eventwire: skipped geoparsing: {tmp_path}/geoparsing/data/Corpora/lgl.xml not found",
        f"eventwire: skipped actors: {tmp_path}/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt not found",
        f"eventwire: skipped meantime: {tmp_path}/meantime/intra-doc_annotation not found",
        f"eventwire: skipped times: {tmp_path}/tempeval3/TBAQ-cleaned not found",
        f"eventwire: skipped quotes: {tmp_path}/polnear/data not found",
        f"eventwire: skipped events: {tmp_path}/plover/gold_standard_records/PLOVER_GSR_CAMEO.txt not found",
        f"eventwire: skipped petrarch: {tmp_path}/petrarch/records/PETR.UnitTest.records.xml not found",
    ]


def test_evaluate_rejects_an_unknown_benchmark():
    result = runner.invoke(app, ["evaluate", "bogus"])
    assert result.exit_code == 2
    assert "unknown benchmark 'bogus'; choose from geoparsing, actors, meantime, times, quotes" in result.stderr


def test_gate_lists_figures_below_their_floor():
    from eventwire.evaluation import Figure, floors, gate

    pinned = floors()
    assert pinned["actors.plover.country"] > 0.5
    figures = [Figure("actors.plover.country", 0.1, 10), Figure("actors.plover.igo", 0.99, 10), Figure("unpinned", 0.0, 1)]
    assert gate(figures, pinned) == [f"actors.plover.country = 0.100 is below its floor {pinned['actors.plover.country']:.3f}"]
