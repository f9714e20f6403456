"""lintnews on a real Dask LocalCluster with two worker processes."""
import json
import os

import pytest

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import dask.dataframe as dd  # noqa: E402
import pandas as pd  # noqa: E402

from conftest import FIXTURES  # noqa: E402
from lintnews import lint_text  # noqa: E402
from lintnews.dask import finding_meta, lint_frame, lint_partition, summarize  # noqa: E402

SENTENCES = [
    "The council approved the budget on Tuesday, the mayor said.",
    "Reports claim the strikes killed 23,000 people since 2014.",
    "It is estimated that the group has 20,000 fighters.",
    "The plan is clearly working.",
    "Officials said the bridge would reopen in March.",
    "Do you feel that progress is being made?",
    "Let us know in the comments.",
    "Police said 40 people were arrested, according to a statement.",
]


def articles(n=300):
    seed = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    rows = []
    for i in range(n):
        if i % 25 == 0:
            text = seed
        else:
            picked = [SENTENCES[(i * 7 + k * 3) % len(SENTENCES)] for k in range(1 + i % 5)]
            text = "Headline %d\n\n" % i + " ".join(picked[:-1]) + "\n\n" + picked[-1] + "\n"
        rows.append({"id": f"a{i:04d}", "text": text, "date": f"2015-{1 + i % 12:02d}-15"})
    return pd.DataFrame(rows)


def expected(frame):
    return sorted((row.id, d.start, d.end, d.rule) for row in frame.itertuples()
                  for d in lint_text(row.text, row.id))


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.mark.slow
def test_lint_frame_matches_lint_text(client):
    frame = articles()
    found = lint_frame(dd.from_pandas(frame, npartitions=8)).compute()
    assert len(found) > 300
    assert sorted(zip(found["id"], found["start"], found["end"], found["rule"])) == expected(frame)
    # Every field of a finding is there, with the JSON format's types.
    assert list(found.columns) == ["id", *json.loads(json.dumps(lint_text(SENTENCES[1])[0].to_dict()))]


@pytest.mark.slow
def test_worker_death_is_retried_without_loss_or_duplicates(client, tmp_path):
    frame = articles(120)
    marker = tmp_path / "crashed-once"

    def crash_once(part, *args):
        # The first attempt at the partition holding a0060 kills its worker process.
        if "a0060" in set(part["id"]) and not marker.exists():
            marker.write_text("x")
            os._exit(1)
        return lint_partition(part, *args)

    meta = finding_meta("string")
    ddf = dd.from_pandas(frame.astype({"id": "string", "text": "string"}), npartitions=6)
    found = ddf.map_partitions(crash_once, "text", "id", None, (), meta, meta=meta).compute()
    assert marker.exists()
    rows = list(zip(found["id"], found["start"], found["end"], found["rule"]))
    assert len(rows) == len(set(rows))
    assert sorted(rows) == expected(frame)


def test_summary_per_category_rule_and_period():
    frame = articles(50)
    found = lint_frame(dd.from_pandas(frame, npartitions=2), keep_columns=["date"]).compute(scheduler="sync")
    summary = summarize(found, date_column="date")
    assert summary["by_category"]["findings"].sum() == len(found)
    assert set(summary["by_rule"].index.get_level_values("rule")) == set(found["rule"])
    assert summary["by_period"].to_numpy().sum() == len(found)


def test_missing_column_is_named():
    with pytest.raises(KeyError, match="'body'"):
        lint_frame(dd.from_pandas(articles(5), npartitions=1), text_column="body")


@pytest.mark.slow
def test_audit_command_writes_parquet(tmp_path, run_cli):
    frame = articles(60)
    archive = tmp_path / "archive.jsonl"
    frame.to_json(archive, orient="records", lines=True)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text((FIXTURES / "seed-article.txt").read_text(encoding="utf-8"))
    out = tmp_path / "findings.parquet"
    status, stdout, err = run_cli("audit", archive, folder, "--workers", "2", "--output", out,
                                  "--date-column", "date")
    assert status == 0, err
    written = pd.read_parquet(out)
    assert sorted(zip(written["id"], written["start"], written["rule"])) == sorted(
        [(i, s, r) for i, s, _, r in expected(frame)]
        + [(str(folder / "seed.txt"), d.start, d.rule) for d in lint_text(
            (FIXTURES / "seed-article.txt").read_text(encoding="utf-8"))])
    assert "by category" in stdout and "engagement" in stdout


# -- real articles -------------------------------------------------------------------
# News copy as it comes, read from the evaluation data beside the checkout at test
# time (never copied into the repository; see ../shared/eval/README.md).

EVAL_DIR = os.environ.get("LINTNEWS_EVAL_DIR") or os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval")
REAL_ARTICLES = 300


@pytest.fixture(scope="module")
def real_articles():
    path = os.path.join(EVAL_DIR, "clean-bbc.jsonl")
    if not os.path.exists(path):
        pytest.skip(f"no real articles: {os.path.normpath(path)} is absent (the evaluation data lives "
                    f"beside the checkout; LINTNEWS_EVAL_DIR names another folder)")
    frame = pd.read_json(path, lines=True, dtype={"id": "string", "text": "string"})[["id", "text"]]
    return frame.iloc[:REAL_ARTICLES].reset_index(drop=True)


@pytest.fixture(scope="module")
def real_findings(real_articles):
    return one_by_one(real_articles)


def every_field(frame) -> list[tuple]:
    """Rows of a findings frame as tuples of every column, sorted."""
    return sorted(tuple(None if pd.isna(v) else v for v in row)
                  for row in frame.itertuples(index=False, name=None))


def one_by_one(articles) -> list[tuple]:
    """What lint_text finds, article by article, as rows of a findings frame."""
    return sorted(tuple([ident, *d.to_dict().values()]) for ident, text in zip(articles["id"], articles["text"])
                  for d in lint_text(text, ident))


@pytest.mark.slow
def test_lint_frame_on_real_articles_matches_lint_text_in_every_field(client, real_articles, real_findings):
    expected_rows = real_findings
    found = lint_frame(dd.from_pandas(real_articles, npartitions=8)).compute()
    assert len(real_articles) == REAL_ARTICLES and len(expected_rows) > 100
    assert list(found.columns) == ["id", *lint_text("The death tool rose.")[0].to_dict()]
    assert every_field(found) == expected_rows
    # Both workers took part.
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.slow
def test_audit_of_real_articles_on_a_running_cluster_writes_every_finding_to_parquet(
        client, tmp_path, run_cli, real_articles, real_findings):
    archive = tmp_path / "archive.jsonl"  # a temporary copy, outside the repository
    real_articles.to_json(archive, orient="records", lines=True, force_ascii=False)
    out = tmp_path / "findings.parquet"
    status, stdout, err = run_cli("audit", archive, "--scheduler", client.scheduler.address, "--output", out)
    assert status == 0, err
    written = pd.read_parquet(out)
    assert every_field(written) == real_findings
    assert f"findings written to {out}" in stdout and "by rule" in stdout


# -- odd input in an audit -------------------------------------------------------------

@pytest.mark.slow
def test_audit_reads_article_files_as_check_does_and_names_odd_ones(tmp_path, run_cli):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("The death tool rose on Tuesday.\n", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 owners said the death tool rose.\n".encode("cp1252"))
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0\1\2\3" * 1000)
    (folder / "empty.md").write_bytes(b"")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")  # listed, then unreadable
    out = tmp_path / "findings.parquet"
    status, _, err = run_cli("audit", folder, "--workers", "1", "--output", out)
    assert status == 2, err  # as with `check`: an unreadable file is an error; the others are linted
    found = pd.read_parquet(out)
    by_file = {os.path.basename(i): (line, column) for i, line, column, rule
               in zip(found["id"], found["line"], found["column"], found["rule"]) if rule.startswith("typos")}
    assert by_file == {"good.txt": (1, 11), "latin1.txt": (1, 28)}  # one column per Latin-1 byte
    notes = [line for line in err.splitlines() if line.startswith("lintnews: ")]
    assert notes == [
        f"lintnews: {folder / 'empty.md'}: note: empty; nothing to lint",
        f"lintnews: {folder / 'gone.txt'}: no such file",
        f"lintnews: {folder / 'latin1.txt'}: warning: not valid UTF-8 (byte 0xE9 at line 1, column 4); "
        f"read as Windows-1252 (Latin-1)",
        f"lintnews: {folder / 'picture.txt'}: passed over: binary data, not text (NUL bytes)",
        "lintnews: 1 file could not be read"]
    assert "Traceback" not in err and "\ufffd" not in "".join(found["message"])


@pytest.mark.parametrize("name, data", [
    ("table.csv", b'id,text\na1,"Caf\xe9 owners said the death tool rose."\n'),
    ("table.jsonl", b'{"id": "a1", "text": "Caf\xe9 owners said the death tool rose."}\n'),
])
def test_a_table_that_is_not_utf8_is_an_error_naming_it(tmp_path, run_cli, name, data):
    table = tmp_path / name
    table.write_bytes(data)
    status, _, err = run_cli("audit", table, "--output", tmp_path / "out.parquet")
    assert status == 2
    assert err == (f"lintnews: error: {table}: not valid UTF-8 (byte 0xE9); CSV and JSONL tables are read "
                   f"as UTF-8 only: convert it (e.g. iconv -f WINDOWS-1252 -t UTF-8)\n")
