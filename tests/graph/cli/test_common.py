"""graph.cli.common: what every command prints is plain text."""

from __future__ import annotations

import pytest
import typer

from extract.errors import InputError
from graph.cli import common
from graph.errors import CypherError


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("x[/b]", "x[/b]"),
        ("a\nb", "a\\nb"),
        ("\x1b[31mred", "\\x1b[31mred"),
        ("tab\there", "tab\\there"),
        ("right\u202eleft", "right\\u202eleft"),
        ("undecodable \udcff byte", "undecodable \\udcff byte"),
        ("Élysée – “quoted”", "Élysée – “quoted”"),
    ],
)
def test_visible_escapes_what_a_terminal_would_act_on(raw, shown):
    assert common.visible(raw) == shown


def test_messages_with_markup_and_control_characters_are_printed_as_text(capsys):
    problems = common.Problems()
    problems(InputError("x[/b]/a\nskipped forged.txt", "empty: no article text"))
    common.say("[/x] not found", label="not found", style="yellow")
    with pytest.raises(typer.Exit):
        with common.fail_cleanly():
            raise InputError("[bold]x[/]", "bad")
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["skipped x[/b]/a\\nskipped forged.txt: empty: no article text", "not found [/x] not found", "error: [bold]x[/]: bad"]


def test_a_server_message_keeps_its_lines_indented(capsys):
    message = "Neo4j rejected the query: Invalid input '[/x]'\n\"MATCH [/x] RETURN 1\"\n       ^ (Neo.ClientError.Statement.SyntaxError)"
    with pytest.raises(typer.Exit):
        with common.fail_cleanly():
            raise CypherError(message)
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "error: Neo4j rejected the query: Invalid input '[/x]'"
    assert lines[1] == '  "MATCH [/x] RETURN 1"' and len(lines) == 3
