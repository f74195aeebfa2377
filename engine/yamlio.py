"""Reading YAML: libyaml's C parser where PyYAML was built with it, else the pure-Python
safe loader. Both are safe loaders (no Python objects); the C one reads the rule packs
and the lexicon several times faster, which is most of a cold start's YAML cost."""

from __future__ import annotations

from typing import Any

import yaml

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The value of one YAML document, read safely."""
    return yaml.load(text, Loader=SafeLoader)  # noqa: S506 (a safe loader)
