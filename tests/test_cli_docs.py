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


def test_no_option_help_holds_text_the_terminal_help_would_swallow_as_markup():
    # Rich reads "[word]" as a style tag and drops it: `dateline run --help` said "pip install 'dateline'"
    # where the source said 'dateline[cluster]'.
    import re

    import typer

    from dateline.cli import app

    def commands(group):
        for command in group.commands.values():
            yield command
            yield from commands(command) if hasattr(command, "commands") else ()

    swallowed = [(command.name, param.name, param.help)
                 for command in commands(typer.main.get_command(app))
                 for param in command.params
                 if getattr(param, "help", None) and re.search(r"\[[a-z/]", param.help)]
    assert swallowed == []
