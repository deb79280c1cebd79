"""Load YAML from untrusted files: plain data only, no aliases, with line numbers."""

import yaml

try:  # the C loader is much faster; both only build plain data
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader


class YamlError(ValueError):
    """Invalid YAML, with the 0-based line inside the YAML text where known."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


def _refuse_aliases(text: str) -> None:
    """Refuse aliases so an alias bomb can blow up neither memory nor time."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(
                "YAML-verwijzingen (*naam) zijn niet toegestaan; schrijf de waarde uit",
                event.start_mark.line,
            )


def load_mapping_lines(text: str):
    """Parse YAML and return ``(data, key_lines)``; key_lines maps top-level keys to 0-based lines."""
    loader = _Loader(text)
    try:
        if "*" in text:  # every alias starts with one; most front matter has none, and this pass costs a third of loading
            _refuse_aliases(text)
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(_dutch_yaml_message(error), mark.line if mark else None) from None
    except yaml.YAMLError as error:
        raise YamlError(f"ongeldige YAML ({error})", None) from None
    finally:
        loader.dispose()
    key_lines = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key_lines.setdefault(key_node.value, key_node.start_mark.line)
    return data, key_lines


def _dutch_yaml_message(error: yaml.MarkedYAMLError) -> str:
    """Explain a YAML error in Dutch, keeping PyYAML's own words as a hint."""
    problem = error.problem or ""
    if "could not determine a constructor" in problem:
        return "YAML-labels zoals !!python/... zijn niet toegestaan; schrijf gewone tekst"
    if "mapping values are not allowed" in problem:
        return "ongeldige YAML: staat er een dubbele punt in een waarde? Zet de waarde dan tussen aanhalingstekens"
    if "found character '\\t'" in problem:
        return "ongeldige YAML: gebruik spaties in plaats van tabs"
    return f"ongeldige YAML ({problem or error.context})"
