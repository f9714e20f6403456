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
