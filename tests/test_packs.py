"""Pack validation: every problem is `FILE:LINE: message`, never a traceback."""
import pytest

from lintnews.packs import PackError, load_pack
from lintnews.plugins import Registry

RULE_TYPES = Registry().rule_types

GOOD_RULE = """\
pack: house
description: test pack
rules:
  - id: house.no-utilize
    type: substitution
    category: style
    severity: info
    message: "Use '{fix}' instead of '{match}'"
    description: Plain words read faster.
    swap:
      utilize: use
    examples:
      flag: ["We utilize it."]
      pass: ["We use it."]
"""


def load(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return load_pack(path, RULE_TYPES)


def test_good_pack_loads(tmp_path):
    pack = load(tmp_path, GOOD_RULE)
    assert pack.name == "house" and [r.id for r in pack.rules] == ["house.no-utilize"]
    assert pack.rules[0].can_fix


@pytest.mark.parametrize("change, line, words", [
    (("severity: info", "severity: fatal"), 7, "'severity' must be one of error, warning, info"),
    (("type: substitution", "type: nonsense"), 5, "unknown rule type 'nonsense'"),
    (("      utilize: use", "      utilize: [use]"), 11, "must map a phrase to a phrase"),
    (("    swap:", "    swop:"), 10, "unknown option 'swop'"),
    (("id: house.no-utilize", "id: other.no-utilize"), 4, "must look like 'house.some-name'"),
    (("      pass: [\"We use it.\"]\n", ""), 12, "needs 'examples' with 'flag' and 'pass'"),
    (("message:", "message: [\n"), 10, "invalid YAML"),
])
def test_bad_pack_names_file_and_line(tmp_path, change, line, words):
    with pytest.raises(PackError) as info:
        load(tmp_path, GOOD_RULE.replace(*change))
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'pack.yaml'}:{line}: "), message
    assert words in message
    assert "\n" not in message


def test_bad_regex_names_its_line(tmp_path):
    text = GOOD_RULE.replace("type: substitution", "type: existence").replace(
        "    swap:\n      utilize: use\n", "    regex: ['(unclosed']\n")
    with pytest.raises(PackError, match=r"pack.yaml:10: .*invalid regular expression"):
        load(tmp_path, text)


def test_python_object_tags_are_refused(tmp_path):
    text = GOOD_RULE.replace("description: test pack",
                             "description: !!python/object/apply:os.system ['touch pwned']")
    with pytest.raises(PackError, match="invalid YAML"):
        load(tmp_path, text)
    assert not (tmp_path / "pwned").exists()


def test_cli_reports_bad_pack_with_exit_2(tmp_path, run_cli):
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD_RULE.replace("severity: info", "severity: fatal"), encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Hello.\n")
    status, out, err = run_cli("check", "--pack", bad, article)
    assert status == 2
    assert err.strip() == f"lintnews: error: {bad}:7: 'severity' must be one of error, warning, info, not 'fatal'"


def test_json_pack_loads_and_reports_its_line(tmp_path):
    import json

    import yaml
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(yaml.safe_load(GOOD_RULE), indent=1))
    pack = load_pack(path, RULE_TYPES)
    assert [r.id for r in pack.rules] == ["house.no-utilize"] and pack.rules[0].can_fix
    path.write_text('{"pack": "house",\n "rules": [,]}')
    with pytest.raises(PackError, match=r"pack\.json:2: invalid JSON: Expecting value"):
        load_pack(path, RULE_TYPES)


def test_a_rule_off_by_itself_needs_more_than_its_pack_named(tmp_path):
    from lintnews.api import Session
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD_RULE.replace("    swap:", "    enabled: false\n    swap:"))
    text = "We utilize it."
    assert Session(packs=[path]).lint_source(text) == []
    assert Session(packs=[path], select=["house"]).lint_source(text) == []
    assert len(Session(packs=[path], select=["house.no-utilize"]).lint_source(text)) == 1
    # a rule off only because its pack is: naming the pack runs it
    path.write_text(GOOD_RULE.replace("rules:", "enabled: false\nrules:"))
    assert Session(packs=[path]).lint_source(text) == []
    assert len(Session(packs=[path], select=["house"]).lint_source(text)) == 1
