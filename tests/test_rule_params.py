"""Rule params are checked against their rule type's declarations at load: a pack that
names an unknown param, a value of the wrong type, or a name the vocabulary does not
declare fails with exit 2 and one line naming the file, the rule, the key, the value
and the closest known name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from nghiquyet.engine import hookimpl
from nghiquyet.engine.check import build_ruleset
from nghiquyet.engine.errors import ConfigError
from nghiquyet.engine.plugin_manager import make_plugin_manager
from nghiquyet.engine.rule_params import Param, rule_type
from nghiquyet.engine.rules import Outcome, RuleRegistry

RULE = (
    "  - id: {id}\n    name: {name}\n    criterion: {criterion}\n    severity: warning\n"
    "    type: {type}\n    params: {params}\n    message: x\n"
)


@pytest.fixture
def folder(tmp_path, samples) -> Path:
    path = tmp_path / "ho-so"
    path.mkdir()
    shutil.copy(samples / "strong.md", path / "strong.md")
    return path


def _pack(folder: Path, *rules: str, lexicon: str = "") -> Path:
    pack = folder / "luat" / "rieng.yaml"
    pack.parent.mkdir(exist_ok=True)
    pack.write_text(lexicon + "rules:\n" + "".join(rules), "utf-8")
    (folder / "nghiquyet.yaml").write_text("rule_paths: [luat]\n", "utf-8")
    return pack


def _rule(type_: str, params: str, id_: str = "NQ795", criterion: str = "procedure") -> str:
    return RULE.format(id=id_, name="my-rule", criterion=criterion, type=type_, params=params)


def _error(result) -> str:
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("nghiquyet: ")
    return lines[0].removeprefix("nghiquyet: ")


def test_misspelled_signal_names_file_rule_key_value_and_closest(run, folder):
    pack = _pack(folder, _rule("signals", "{signals: [draft_markk]}"))
    assert _error(run(folder / "strong.md", "--lang", "en")) == (
        f"{pack} rule 1 (NQ795): params.signals: unknown signal 'draft_markk' "
        "(did you mean 'draft_mark'?)"
    )


def test_item_kind_in_the_plural(run, folder):
    pack = _pack(
        folder, _rule("item_ratio", "{items: tasks, check: has_owner}", "NQ695", "assignments")
    )
    assert _error(run(folder / "strong.md", "--lang", "en")) == (
        f"{pack} rule 1 (NQ695): params.items: unknown item kind 'tasks' (did you mean 'task'?)"
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            "{items: task, check: has_owners}",
            "unknown task check 'has_owners' (did you mean 'has_owner'?)",
        ),
        # a check of another kind of item is no check of this one
        (
            "{items: target, check: has_owner}",
            "unknown target check 'has_owner' (known: measurable, dated, not_vague)",
        ),
        (
            "{items: task, check: has_owner, detail: vague_ownr}",
            "unknown task detail 'vague_ownr' (did you mean 'vague_owner'?)",
        ),
    ],
)
def test_unknown_check_or_detail(run, folder, params, expected):
    _pack(folder, _rule("item_ratio", params, "NQ695", "assignments"))
    message = _error(run(folder / "strong.md", "--lang", "en"))
    assert "rule 1 (NQ695): params." in message and message.endswith(expected), message


@pytest.mark.parametrize(
    ("type_", "params", "expected"),
    [
        (
            "figures",
            "{sections: [situaton]}",
            "params.sections: unknown section 'situaton' (did you mean 'situation'?)",
        ),
        (
            "signals",
            "{signals: [vote_record], point_to: [section:implementaton]}",
            "params.point_to: unknown section 'implementaton' (did you mean 'section:implementation'?)",
        ),
        (
            "section",
            "{kinds: [obstacle]}",
            "params.kinds: unknown section 'obstacle' (did you mean 'obstacles'?)",
        ),
    ],
)
def test_unknown_section(run, folder, type_, params, expected):
    _pack(folder, _rule(type_, params))
    assert _error(run(folder / "strong.md", "--lang", "en")).endswith(expected)


@pytest.mark.parametrize(
    ("type_", "params", "expected"),
    [
        (
            "item_ratio",
            "{items: task, chek: has_owner}",
            "params.chek: unknown param of rule type 'item_ratio' (did you mean 'check'?)",
        ),
        (
            "topic_local",
            "{min: 2}",
            "params.min: unknown param of rule type 'topic_local' (none is declared)",
        ),
        ("figures", "{min: four}", "params.min: expected an integer, got 'four'"),
        ("figures", "{min: 0}", "params.min: must be ≥ 1, got 0"),
        (
            "docx_font",
            "{size: [14, 13]}",
            "params.size: expected two numbers [low, high], got [14, 13]",
        ),
        ("item_ratio", "{items: task}", "params.check: missing (rule type 'item_ratio' needs it"),
        (
            "phrase_presence",
            "{any: [cause], per: blok}",
            "params.per: unknown value 'blok' (did you mean 'block'?)",
        ),
        (
            "phrase_presence",
            "{any: [causes]}",
            "params.any: unknown mention kind 'causes' (did you mean 'cause'?)",
        ),
        (
            "phrase_density",
            "{category: slogans}",
            "params.category: unknown lexicon category 'slogans' (did you mean 'slogan'?)",
        ),
        (
            "signals",
            "{signals: [vote_record], labels: {vote_recrd: phiếu}}",
            "params.labels: unknown signal 'vote_recrd' (did you mean 'vote_record'?)",
        ),
    ],
)
def test_unknown_key_wrong_type_or_missing(run, folder, type_, params, expected):
    _pack(folder, _rule(type_, params))
    message = _error(run(folder / "strong.md", "--lang", "en"))
    assert "rieng.yaml rule 1 (NQ795): " + expected in message, message


def test_a_category_a_pack_adds_is_known_to_its_rules(run, folder):
    _pack(
        folder,
        _rule(
            "phrase_presence", "{any: [water_source], sections: [situation]}", "NQ295", "evidence"
        ),
        lexicon="lexicon:\n  water_source: [giếng khoan, bể chứa nước]\n",
    )
    result = run(folder / "strong.md", "--select", "NQ295", "-f", "json")
    assert result.exit_code in (0, 1) and result.stderr == ""


def test_every_builtin_pack_validates_against_declared_params():
    registry = RuleRegistry()
    make_plugin_manager().hook.register_rules(register=registry)
    rules = registry.load()
    assert len(rules) >= 45
    for name, rule_type_ in registry.types.items():
        assert rule_type_.params is not None, f"built-in rule type {name} declares no params"
        assert rule_type_.doc, f"built-in rule type {name} has no docstring"
    for rule in rules.values():
        declared = {p.name for p in registry.types[rule.type].params}
        assert set(rule.params_given) <= declared and set(rule.params) == declared, rule.id


def _plugin(declare: bool, reads: dict | None = None):
    """A plugin whose pipeline component finds wells: it declares the mention kind and
    ships a rule that counts it (written to ``pack``)."""

    @rule_type(Param("min_wells", "integer", "wells needed", default=1), reads=reads)
    def check_wells(facts, rule):
        """Pass when the draft names enough wells."""
        return Outcome(1, 1)

    class Wells:
        pack: Path

        @staticmethod
        @hookimpl
        def register_rules(register):
            if declare:
                register.declare("mention", {"well": "a well named in the text ('giếng')"})
            register.check("wells", check_wells)
            register.pack(Wells.pack)

    return Wells


def _wells_pack(tmp_path: Path) -> Path:
    pack = tmp_path / "wells.yaml"
    pack.write_text(
        "rules:\n"
        + _rule("phrase_presence", "{any: [well]}", "NQ296", "evidence")
        + RULE.format(
            id="NQ297",
            name="few-wells",
            criterion="evidence",
            type="wells",
            params="{min_wells: 2}",
        ),
        "utf-8",
    )
    return pack


def test_a_plugin_declares_its_own_vocabulary(tmp_path):
    plugin = _plugin(declare=True, reads={"mention": ["well"]})
    plugin.pack = _wells_pack(tmp_path)
    ruleset = build_ruleset(make_plugin_manager(extra=(plugin,)))
    assert ruleset.rules["NQ296"].params["any"] == ["well"]
    assert ruleset.vocabulary.term("mention", "well").meaning["en"].startswith("a well")


def test_without_the_declaration_its_rule_fails_to_load(tmp_path):
    plugin = _plugin(declare=False)
    plugin.pack = _wells_pack(tmp_path)
    with pytest.raises(ConfigError, match=r"params.any: unknown mention kind 'well'"):
        build_ruleset(make_plugin_manager(extra=(plugin,)))


def test_a_rule_type_may_only_read_declared_names(tmp_path):
    plugin = _plugin(declare=True, reads={"signal": ["topik"]})
    plugin.pack = _wells_pack(tmp_path)
    with pytest.raises(
        ConfigError,
        match=r"rule type 'wells' reads an unknown signal 'topik' \(did you mean 'topic'\?\)",
    ):
        build_ruleset(make_plugin_manager(extra=(plugin,)))


def test_an_undeclared_rule_type_takes_its_params_unchecked(tmp_path):
    class Old:
        @staticmethod
        @hookimpl
        def register_rules(register):
            register.check("old_style", lambda facts, rule: Outcome(1, 1))
            register.pack(pack)

    pack = tmp_path / "old.yaml"
    pack.write_text("rules:\n" + _rule("old_style", "{anything: [goes]}", "NQ098", "meta"), "utf-8")
    ruleset = build_ruleset(make_plugin_manager(extra=(Old,)))
    assert ruleset.rules["NQ098"].params == {"anything": ["goes"]}


@pytest.mark.parametrize(
    ("type_", "params", "expected"),
    [
        (
            "signals",
            "{signals: [draft_markk]}",
            "quy tắc 1 (NQ795): params.signals: tín hiệu 'draft_markk' chưa được khai báo "
            "(có phải là 'draft_mark'?)",
        ),
        (
            "item_ratio",
            "{items: task, check: has_owners}",
            "quy tắc 1 (NQ795): params.check: điều kiện của task 'has_owners' chưa được khai báo "
            "(có phải là 'has_owner'?)",
        ),
        (
            "figures",
            "{min: four}",
            "quy tắc 1 (NQ795): params.min: cần một số nguyên, nhưng nhận 'four'",
        ),
        (
            "item_ratio",
            "{items: task}",
            "quy tắc 1 (NQ795): params.check: còn thiếu (loại quy tắc 'item_ratio' cần nó: ",
        ),
    ],
)
def test_param_errors_are_in_vietnamese_by_default(run, folder, type_, params, expected):
    _pack(folder, _rule(type_, params))
    message = _error(run(folder / "strong.md"))
    assert expected in message, message
    assert not {"unknown", "expected", "missing", "rule 1"} & set(message.split()), message
