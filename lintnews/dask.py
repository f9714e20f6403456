"""lintnews on Dask: lint a column of a Dask DataFrame on any Dask scheduler.

    import dask.dataframe as dd
    from lintnews.dask import lint_frame, summarize
    articles = dd.read_parquet("archive/")
    findings = lint_frame(articles, text_column="body", id_column="url")
    findings.to_parquet("findings/")

Each worker process builds the rules once (``_session``) and reuses them for
every partition it is given; nothing else is shared, so a task that is retried
after a worker dies recomputes the same rows and Dask keeps exactly one copy.
Install with ``pip install 'lintnews[dask]'``.
"""
from __future__ import annotations

import json

import pandas as pd

from .diagnostic import Diagnostic

#: Columns of a findings frame after the id column, in order, with dtypes.
FINDING_DTYPES = {
    "path": "string", "line": "int64", "column": "int64", "end_line": "int64",
    "end_column": "int64", "start": "int64", "end": "int64", "rule": "string",
    "category": "string", "severity": "string", "message": "string", "fix": "string",
}
assert list(FINDING_DTYPES) == [f for f in Diagnostic.__dataclass_fields__ if f in FINDING_DTYPES]

_SESSIONS: dict[str, object] = {}


def _session(config: dict | None):
    """The Session for ``config`` in this process, built on first use."""
    key = json.dumps(config or {}, sort_keys=True)
    if key not in _SESSIONS:
        from .api import Session
        _SESSIONS[key] = Session(**(config or {}))
    return _SESSIONS[key]


def finding_meta(id_dtype="string", keep: dict | None = None) -> pd.DataFrame:
    """An empty findings frame: the id column, kept columns, then every field of a finding."""
    dtypes = {"id": id_dtype, **(keep or {}), **FINDING_DTYPES}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})


def lint_partition(frame: pd.DataFrame, text_column: str, id_column: str, config: dict | None,
                   keep: tuple[str, ...] = (), meta: pd.DataFrame | None = None) -> pd.DataFrame:
    """Lint one pandas partition; one row per finding."""
    session = _session(config)
    rows = []
    kept = [frame[c] for c in keep]
    for i, (ident, text) in enumerate(zip(frame[id_column], frame[text_column])):
        if not isinstance(text, str) or not text:
            continue
        extra = {c: col.iloc[i] for c, col in zip(keep, kept)}
        for d in session.lint_source(text, str(ident)):
            rows.append({"id": ident, **extra, **d.to_dict()})
    meta = meta if meta is not None else finding_meta(str(frame[id_column].dtype))
    if not rows:
        return meta.iloc[:0].copy()
    return pd.DataFrame(rows, columns=list(meta.columns)).astype(meta.dtypes.to_dict())


def lint_frame(ddf, text_column: str = "text", id_column: str = "id", config: dict | None = None,
               keep_columns=()):
    """Lint ``ddf[text_column]``; return a Dask DataFrame of findings.

    ``config`` holds Session options (``select``, ``ignore``, ``packs``);
    ``keep_columns`` are copied from each article onto its findings (a date,
    a section) for later grouping."""
    for column in (text_column, id_column, *keep_columns):
        if column not in ddf.columns:
            raise KeyError(f"column {column!r} not in the frame (columns: {', '.join(map(str, ddf.columns))})")
    keep = {c: str(ddf[c].dtype) for c in keep_columns}
    meta = finding_meta(str(ddf[id_column].dtype), keep)
    return ddf.map_partitions(lint_partition, text_column, id_column, config, tuple(keep_columns), meta,
                              meta=meta, enforce_metadata=False)


def summarize(findings, date_column: str | None = None, freq: str = "M") -> dict[str, pd.DataFrame]:
    """Count findings per category and per rule (and per period of
    ``date_column`` when given). Computes ``findings`` if it is a Dask frame."""
    frame = findings.compute() if hasattr(findings, "compute") else findings
    out = {
        "by_category": frame.groupby("category").size().rename("findings").sort_values(ascending=False).to_frame(),
        "by_rule": frame.groupby(["category", "rule"]).size().rename("findings")
                        .sort_values(ascending=False).to_frame(),
    }
    if date_column:
        period = pd.to_datetime(frame[date_column], errors="coerce").dt.to_period(freq).rename("period")
        out["by_period"] = frame.groupby([period, "category"]).size().unstack(fill_value=0)
    return out
