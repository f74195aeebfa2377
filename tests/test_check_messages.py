"""A finding's message, suggestion and summary: the rule's templates filled in.

``_fill`` looks up only the values a template names, in its language, and leaves a
text with no brace as it is; for every template of every built-in rule it gives what
filling each template from a dict of every value in that language gives.
"""

from __future__ import annotations

import string

from nghiquyet.engine.check import _fill, _Values


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def _plain_fill(template: dict[str, str], values: dict) -> dict[str, str]:
    def in_lang(lang: str) -> dict:
        return {
            k: v.get(lang, v.get("vi", "")) if isinstance(v, dict) else v for k, v in values.items()
        }

    return {lang: text.format_map(_Keep(in_lang(lang))).strip() for lang, text in template.items()}


def test_every_rules_templates_fill_as_one_at_a_time(assessor):
    templates = [
        template
        for rule in assessor.rules
        for template in (rule.message, rule.suggestion, rule.summary)
        if template
    ]
    templates += [{"vi": " Có {{ngoặc}} và {passed}/{total} ", "en": "{detail} }} {{"}]
    assert len(templates) > 100
    for template in templates:
        names = {
            name
            for text in template.values()
            for _, name, _, _ in string.Formatter().parse(text)
            if name
        }
        # half the names given, bilingual and plain by turns; the rest stay as written
        values = {
            name: {"vi": f"giá trị {name}", "en": f"value {name}"} if i % 2 else 3.5
            for i, name in enumerate(sorted(names))
            if i % 3 != 2
        }
        values["detail"] = {"vi": "chi tiết"}
        shared = _Values(values)
        assert _fill(template, shared) == _fill(template, values) == _plain_fill(template, values)
        # a finding's own detail stands over a detail among the rule's values
        finding = _Values(values, "chi tiết của phát hiện")
        own = {**values, "detail": "chi tiết của phát hiện"}
        assert _fill(template, finding) == _plain_fill(template, own)
