"""Reading YAML: libyaml's C parser where PyYAML was built with it, else the pure-Python
safe loader. Both are safe loaders (no Python objects); the C one reads the rule packs
and the lexicon several times faster, which is most of a cold start's YAML cost.

Aliases are counted before anything is built: a few hundred bytes of nested aliases
(a "billion laughs") stand for billions of values, which any code walking the result
would expand. A document whose aliases would expand past :data:`MAX_EXPANDED_NODES`
values, or that refers to itself, is refused as an :class:`AliasBomb`."""

from __future__ import annotations

from typing import Any

import yaml

from .messages import Message

SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Values a document may stand for once its aliases are expanded; the largest file we
# ship (a lexicon) has a few thousand, so this only ever stops a bomb.
MAX_EXPANDED_NODES = 1_000_000


class AliasBomb(yaml.YAMLError):
    """A YAML document whose aliases expand too far, or into themselves."""

    def __init__(self, problem: Message, node: yaml.Node):
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = node.start_mark  # where it is: errors.malformed_yaml shows the line


def load_yaml(text: str) -> Any:
    """The value of one YAML document, read safely; :class:`AliasBomb` (a
    ``yaml.YAMLError``) when its aliases would expand past the limit."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        expanded_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def expanded_size(root: yaml.Node, limit: int = MAX_EXPANDED_NODES) -> int:
    """How many values ``root`` stands for with every alias expanded, counting each
    shared node once per reference (memoised, so the count itself is linear)."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    # an explicit stack: deep nesting must not hit Python's recursion limit
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes and not children_done:
            continue
        children = _children(node)
        if not children_done:
            if key in open_nodes:
                raise AliasBomb(Message("an alias refers to the value that contains it"), node)
            open_nodes.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        for child in children:
            if id(child) not in sizes:
                raise AliasBomb(Message("an alias refers to the value that contains it"), child)
        open_nodes.discard(key)
        sizes[key] = 1 + sum(sizes[id(child)] for child in children)
        if sizes[key] > limit:
            raise AliasBomb(
                Message(
                    "aliases expand to over {limit} values, an alias bomb: refused",
                    limit=f"{limit:,}",
                ),
                node,
            )
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []
