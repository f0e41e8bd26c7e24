"""docs/cli.md is generated from the Typer app; this fails when a command's help changed without it."""

import importlib.util
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "cli_docs.py"


def _tool():
    spec = importlib.util.spec_from_file_location("cli_docs", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current():
    tool = _tool()
    assert tool.DOCS.read_text(encoding="utf-8") == tool.render(), "run: python tools/cli_docs.py"


def test_cli_reference_documents_every_command():
    text = _tool().render()
    for command in ("extract", "evaluate", "schema", "geocode", "run", "merge", "export", "serve", "db upgrade",
                    "token create", "failures"):
        assert f"## `dateline {command}`" in text or f"### `dateline {command}`" in text, command
