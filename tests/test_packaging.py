"""Project metadata and the built distributions: what a user installs."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

import putin_interviews as pi

ROOT = Path(__file__).resolve().parents[1]


def test_citation_cff_is_valid_and_carries_both_versions() -> None:
    yaml = pytest.importorskip("yaml")
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    # CFF 1.2.0: required keys, and the types of the ones used here.
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str)
    assert cff["message"].strip()
    assert cff["title"] == pi.dataset().info.title
    assert cff["type"] in ("dataset", "software")
    assert cff["version"] == pi.dataset().info.dataset_version
    assert all(isinstance(a, dict) and ("name" in a or "family-names" in a) for a in cff["authors"])
    assert [a["name"] for a in cff["authors"]] == list(pi.dataset().info.authors)
    allowed = {"cff-version", "message", "type", "title", "version", "authors", "abstract", "keywords", "references"}
    assert set(cff) <= allowed
    [software] = cff["references"]
    assert software["type"] == "software"
    assert software["version"] == pi.__version__
    assert software["license"] == "MIT"


def test_version_is_written_once() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert re.search(r"^version\s*=", pyproject, re.M) is None
    assert f'__version__ = "{pi.__version__}"' in (ROOT / "src/putin_interviews/_version.py").read_text("utf-8")


def test_info_command_reports_both_versions() -> None:
    script = Path(sys.executable).with_name("putin-interviews")
    out = subprocess.run([str(script), "info"], capture_output=True, text=True, check=True).stdout
    assert f"putin-interviews {pi.__version__}" in out
    assert f"dataset {pi.dataset().info.dataset_version} (schema {pi.SCHEMA_VERSION})" in out


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


def test_the_wheel_has_the_data_and_types_and_no_tests(dists: dict[str, Path]) -> None:
    with zipfile.ZipFile(dists["wheel"]) as wheel:
        names = wheel.namelist()
        entry_points = wheel.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    for needed in (
        "putin_interviews/py.typed",
        "putin_interviews/data/putin_interviews.json",
        "putin_interviews/data/putin_interviews.schema.json",
        "putin_interviews/data/croissant.json",
        "putin_interviews/data/putin_interviews.marshal",
        "putin_interviews/__main__.py",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "docs/"))]
    assert "putin-interviews = putin_interviews._cli:entry_point" in entry_points


def test_the_sdist_has_tests_and_docs(dists: dict[str, Path]) -> None:
    with tarfile.open(dists["sdist"]) as sdist:
        names = sdist.getnames()
    top = names[0].split("/")[0]
    needed = [
        "tests/test_provenance.py",
        "tests/data/good.json",
        "docs/conf.py",
        "docs/_fields.py",
        "docs/_inventories/python.inv",
        "docs/notebooks/tour.ipynb",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "CITATION.cff",
        "src/putin_interviews/py.typed",
    ]
    assert [n for n in needed if f"{top}/{n}" not in names] == []
    assert not [n for n in names if "/docs/_build/" in n or "/docs/_generated/" in n]


def test_the_wheel_installs_and_works_outside_the_checkout(dists: dict[str, Path], tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(dists["wheel"])], check=True, capture_output=True)
    code = (
        "import putin_interviews as pi, pathlib\n"
        "assert 'site-packages' in pi.__file__, pi.__file__\n"
        "assert (pathlib.Path(pi.__file__).parent / 'py.typed').exists()\n"
        "print(len(pi.quotes(speaker='putin', mode='direct')), pi.json_schema()['$schema'])\n"
        "import tempfile\n"  # the exports that read the model's docs from its installed source
        "with tempfile.TemporaryDirectory() as t:\n"
        "    pi.dataset().export(pathlib.Path(t) / 'pi.db', format='sqlite')\n"
        "    pi.dataset().export(pathlib.Path(t) / 'dp', format='datapackage')\n"
    )
    result = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["19", "https://json-schema.org/draft/2020-12/schema"]
    script = venv / "bin" / "putin-interviews"
    info = subprocess.run([str(script), "info"], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert f"putin-interviews {pi.__version__}" in info.stdout
