"""The pre-commit hook, end to end: a real ``pre-commit try-repo`` of this
repository against a temporary git repository with an article and a script."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
GIT_ENV = {"GIT_AUTHOR_NAME": "lintnews tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
           "GIT_COMMITTER_NAME": "lintnews tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

ARTICLE = """# Council budget

The council met on Tuesday to discuss the budget.
Experts believe the plan will fail.

The vote is next week.
"""
SCRIPT = '''"""Helper script."""
# Experts believe the plan will fail.
PLAN = "Experts believe the plan will fail."
'''


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, **GIT_ENV})


def working_tree_files(repo: Path) -> list[Path]:
    """The files of this checkout as they are now (committed or not), without
    ignored ones (virtual environments, caches)."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=repo, check=True, capture_output=True).stdout.decode().split("\0")
        return [repo / name for name in listed if name and (repo / name).is_file()]
    except (OSError, subprocess.CalledProcessError):  # not a git checkout (an unpacked sdist)
        skip = {".git", "__pycache__", ".pytest_cache"}
        return [p for p in repo.rglob("*") if p.is_file() and not skip & set(p.relative_to(repo).parts)
                and not any(part.startswith(".venv") for part in p.relative_to(repo).parts)]


@pytest.fixture
def hook_repo(tmp_path):
    """A copy of this repository's working tree, committed: try-repo clones HEAD."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    copy = tmp_path / "hook-repo"
    for path in working_tree_files(REPO):
        target = copy / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    git("init", "-q", cwd=copy)
    git("add", "-A", cwd=copy)
    git("commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit test", cwd=copy)
    return copy


@pytest.fixture
def content_repo(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    (repo / "article.md").write_text(ARTICLE)
    (repo / "tools").mkdir()
    (repo / "tools" / "script.py").write_text(SCRIPT)
    git("init", "-q", cwd=repo)
    git("add", "-A", cwd=repo)
    return repo


def try_repo(hook_repo, content_repo, *args, home):
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "lintnews", "--color", "never", *args],
        cwd=content_repo, capture_output=True, text=True, timeout=900,
        env={**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home)})


def test_hook_manifest():
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "lintnews" and hook["language"] == "python"
    assert hook["entry"] == "lintnews check"
    assert set(hook["types_or"]) == {"markdown", "plain-text", "html", "rst"}


@pytest.mark.slow
def test_pre_commit_try_repo_flags_the_article_and_ignores_python(hook_repo, content_repo, tmp_path):
    pytest.importorskip("pre_commit")
    home = tmp_path / "pre-commit-home"

    run = try_repo(hook_repo, content_repo, "--all-files", home=home)
    output = run.stdout + run.stderr
    assert run.returncode == 1, output
    assert "lintnews" in output and "Failed" in output
    assert "article.md:4:1: warning attribution." in output, output
    assert "script.py" not in output

    # Only the script staged: the hook has nothing to check and passes.
    run = try_repo(hook_repo, content_repo, "--files", "tools/script.py", home=home)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "(no files to check)" in output and "Skipped" in output
