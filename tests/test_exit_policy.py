"""--fail-on and --exit-zero: 0 clean, 1 findings that fail, 2 errors."""
import pytest

from conftest import FIXTURES

PACK = FIXTURES / "packs" / "fixable.yaml"
ONLY = ("--pack", PACK, "--select", "fixable")


@pytest.fixture
def info_only(tmp_path):
    story = tmp_path / "info.txt"
    story.write_text("Irregardless, the council met.\n")  # one info finding
    return story


@pytest.fixture
def has_error(tmp_path):
    story = tmp_path / "error.txt"
    story.write_text("The death tool climbed.\n")  # one error finding
    return story


@pytest.mark.parametrize("options, status", [
    ((), 1),                        # default: any finding fails
    (("--fail-on", "info"), 1),
    (("--fail-on", "warning"), 0),
    (("--fail-on", "error"), 0),
    (("--exit-zero",), 0),
])
def test_fail_on_info_finding(run_cli, info_only, options, status):
    code, out, _ = run_cli("check", *ONLY, *options, info_only)
    assert code == status and "fixable.irregardless" in out  # still reported


def test_fail_on_error_finding(run_cli, has_error):
    assert run_cli("check", *ONLY, "--fail-on", "error", has_error)[0] == 1
    assert run_cli("check", *ONLY, "--fail-on", "error", "--exit-zero", has_error)[0] == 0


def test_errors_are_never_hidden(run_cli, has_error, tmp_path):
    status, _, err = run_cli("check", *ONLY, "--exit-zero", has_error, tmp_path / "missing.txt")
    assert status == 2 and "missing.txt: no such file" in err


def test_bad_fail_on_value_is_a_usage_error(run_cli, has_error):
    with pytest.raises(SystemExit) as info:
        run_cli("check", "--fail-on", "fatal", has_error)
    assert info.value.code == 2
