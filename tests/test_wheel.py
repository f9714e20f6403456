"""The wheel carries the rule packs: build it, install it into a fresh venv
with a plain pip, and lint the sample article from there."""
import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_built_wheel_ships_packs_and_lints(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", wheels, ROOT], check=True)
    wheel = next(wheels.glob("lintnews-*.whl"))
    import zipfile
    names = zipfile.ZipFile(wheel).namelist()
    shipped = sorted(n for n in names if n.startswith("lintnews/rules/") and n.endswith(".yaml"))
    assert [Path(n).name for n in shipped] == sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert "lintnews/proselint.json" in names  # the proselint pack
    assert "lintnews/rules/licenses/Apache-2.0.txt" in names  # Harper's entries in typos.yaml

    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    # A plain pip install, dependencies included, as pre-commit does it.
    subprocess.run([python, "-m", "pip", "install", "-q", wheel], check=True)
    result = subprocess.run([env / "bin" / "lintnews", "check", "--format", "json",
                             FIXTURES / "seed-article.txt"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)
    assert {d["category"] for d in found} >= {"attribution", "loaded", "engagement"}
    where = subprocess.run([python, "-c", "import lintnews; print(lintnews.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path).stdout
    assert str(env) in where
