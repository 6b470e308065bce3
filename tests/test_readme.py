"""The README is checked against the code: every `heron ...` line names a real command and options."""

from __future__ import annotations

import re

import typer.main

from heron.cli import app
from tests.conftest import REPO


def _readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, flags=re.S)
    lines, current = [], ""
    for block in blocks:
        for raw in block.splitlines():
            line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#") else ""
            if current:
                current += " " + line.strip()
            elif line.strip().startswith("heron ") or " heron " in line:
                current = line[line.index("heron "):].strip()
            if current and not current.endswith("\\"):
                if current:
                    lines.append(current)
                current = ""
    return lines


def test_readme_heron_lines_use_real_commands_and_options():
    group = typer.main.get_command(app)
    lines = _readme_commands()
    assert len(lines) >= 8
    for line in lines:
        words = line.split()
        name = words[1]
        assert name in group.commands, f"README uses unknown command: {line}"
        command = group.commands[name]
        known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
        for flag in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line):
            assert flag in known, f"README uses unknown option {flag} of `heron {name}`: {line}"


def test_readme_mentions_every_command():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name in group.commands:
        assert f"heron {name}" in text, f"`heron {name}` is not documented in the README"
