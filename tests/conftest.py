from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def results_cache_per_test(tmp_path, monkeypatch):
    """Each test starts with an empty results cache of its own (in its
    tmp_path), so no test sees findings cached by another."""
    from lintnews import results
    monkeypatch.setattr(results, "DEFAULT_DIR", str(tmp_path / ".lintnews_cache"))


@pytest.fixture(scope="session")
def session():
    from lintnews.api import Session
    return Session()


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    from lintnews.cli import main

    def run(*args):
        status = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return status, out, err
    return run
