"""URL settings (parsing, quantising, refusing) and the ``ssp dashboard`` command."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.state import Param
from simulation.cli import main
from simulation.cli.dashboard import app_path, streamlit_command

FLOAT = Param("warmth", "float", 0.5, 0.0, 1.0, 0.05)
INT = Param("n", "int", 400, 1, 5000, options=(100, 400, 1000))
CHOICE = Param("preset", "choice", "sensitive", options=("sensitive", "rejecting"))
BOOL = Param("present", "bool", False)


@pytest.mark.parametrize(("text", "value"), [("0.5", 0.5), ("0.537", 0.55), (" 1 ", 1.0),
                                             ("0", 0.0), ("1e-1", 0.1)])
def test_float_settings_are_quantised_to_the_slider_step(text, value):
    assert FLOAT.parse(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["abc", "", "nan", "inf", "-0.1", "1.01", "0,5"])
def test_bad_float_settings_are_refused(text):
    with pytest.raises(ValueError):
        FLOAT.parse(text)


def test_int_choice_and_bool_settings():
    assert INT.parse("1000") == 1000
    for bad in ("123", "0", "1e3", "x", "400.0"):
        with pytest.raises(ValueError):
            INT.parse(bad)
    assert CHOICE.parse("rejecting") == "rejecting"
    with pytest.raises(ValueError, match="one of: sensitive, rejecting"):
        CHOICE.parse("Rejecting")
    assert BOOL.parse("1") is True and BOOL.parse("false") is False
    with pytest.raises(ValueError):
        BOOL.parse("maybe")
    assert FLOAT.format(0.25) == "0.25" and BOOL.format(True) == "1"


def test_the_dashboard_command_runs_the_installed_app_on_localhost():
    path = app_path()
    assert path.name == "app.py" and path.is_file()
    assert (path.parent / "views" / "watch.py").is_file()
    cmd = streamlit_command("127.0.0.1", 8501)
    assert cmd[1:4] == ["-m", "streamlit", "run"]
    assert Path(cmd[4]) == path
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.port") + 1] == "8501"


@pytest.mark.parametrize("argv", [["dashboard", "--port", "abc"], ["dashboard", "--port", "0"],
                                  ["dashboard", "--port", "70000"],
                                  ["dashboard", "--host", "a b"]])
def test_bad_dashboard_options_are_one_line_errors(argv, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("ssp dashboard: error:") and err.count("\n") == 1
