"""The project's promises: the README's commands, CI, packaging, and its example code."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def bash_blocks(text: str) -> list[str]:
    return re.findall(r"```bash\n(.*?)```", text, flags=re.S)


def test_readme_gives_exactly_two_setup_commands_and_ci_runs_the_test_one():
    first, second = bash_blocks(README)[:2]
    assert first.strip().endswith("ssp dashboard")
    # a plain install (not editable) of the core with the dashboard extra
    assert re.search(r'pip install (-q )?"\.\[dashboard\]"', first) and " -e " not in first
    test_command = second.strip()
    assert "pytest" in test_command and "-W error::DeprecationWarning" in test_command
    ci = (ROOT / ".ci" / "run").read_text()
    assert test_command in ci.splitlines()


def test_declared_ranges_and_entry_point():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = " ".join(project["dependencies"])
    assert "mesa>=3.3,<3.4" in deps
    assert project["requires-python"] == ">=3.11"  # no cap: pip would refuse newer Pythons
    assert "Programming Language :: Python :: 3.11" in project["classifiers"]
    extras = project["optional-dependencies"]
    assert not any(d.startswith(("streamlit", "pyarrow", "dask")) for d in
                   project["dependencies"]), "the core install must stay light"
    assert {"dashboard", "parquet", "dask", "test", "all"} <= set(extras)
    assert project["scripts"]["ssp"] == "simulation.cli:main"


def test_readme_python_example_runs(capsys):
    block = re.findall(r"```python\n(.*?)```", README, flags=re.S)[0]
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert "Infant 17 is classified" in capsys.readouterr().out
    assert set(namespace["table"]["classification"]) <= {
        "secure", "avoidant", "ambivalent", "disorganized"}
    assert len(namespace["trace"]) > 1000
    assert namespace["with_father"].table["caregiver"].eq("secondary").all()
