"""Every example in the docs runs. Python (``>>>``) examples are doctests (pytest collects the
Markdown files); ``console`` blocks are run here: each ``$ `` line is a command, the lines after
it are what it prints (standard output, then standard error)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
SCRIPT = Path(sys.executable).with_name("putin-interviews")
BLOCK = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for page in PAGES:
        for block in BLOCK.findall(page.read_text("utf-8")):
            command: str | None = None
            expected: list[str] = []
            for line in block.splitlines():
                if line.startswith("$ "):
                    if command is not None:
                        found.append((page.name, command, "\n".join(expected)))
                    command, expected = line[2:], []
                else:
                    expected.append(line)
            if command is not None:
                found.append((page.name, command, "\n".join(expected)))
    return found


EXAMPLES = _examples()


def test_the_docs_have_console_examples() -> None:
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize(("page", "command", "expected"), EXAMPLES, ids=[f"{p}:{c[:40]}" for p, c, _ in EXAMPLES])
def test_console_example(page: str, command: str, expected: str) -> None:
    args = shlex.split(command)
    assert args[0] == "putin-interviews", f"{page}: only putin-interviews commands are run"
    env = {"COLUMNS": "100", "PYTHONIOENCODING": "utf-8", "PATH": str(SCRIPT.parent)}
    result = subprocess.run(
        [str(SCRIPT), *args[1:]], capture_output=True, text=True, encoding="utf-8", env=env, check=False
    )
    assert (result.stdout + result.stderr).rstrip("\n") == expected


def test_every_page_is_in_the_table_of_contents() -> None:
    index = (ROOT / "docs" / "index.md").read_text("utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        if page.name != "index.md":
            assert f"\n{page.stem}\n" in index, page.name


def test_the_site_builds_without_warnings_and_documents_every_public_name(tmp_path: Path) -> None:
    pytest.importorskip("sphinx")
    pytest.importorskip("furo")
    pytest.importorskip("myst_parser")
    import putin_interviews

    out = tmp_path / "html"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(ROOT / "docs"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    api = (out / "api.html").read_text("utf-8")
    anchors = set(re.findall(r'id="putin_interviews\.([A-Za-z_]+)"', api))
    assert [name for name in putin_interviews.__all__ if name not in anchors] == []
    card = (out / "dataset-card.html").read_text("utf-8")
    assert "<td><p>quotes</p></td>" in card or "<td>quotes</td>" in card  # the generated counts are there
