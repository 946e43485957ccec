"""Page settings that live in the URL: read, validated, given to widgets, written back.

Every page declares its settings as :class:`Param` objects. :func:`load` runs at the top of the
page: on the page's first run in a session, or when a link followed inside the session brings
new settings, it reads each setting from ``st.query_params`` (a link that reopens a scenario),
falling back to the default with a visible notice when a value is out of range, is not a number
or names an unknown option; later runs keep what the widgets hold (remembered across page
switches). Widgets are created with ``key=key(page, name)`` and no ``value``, so they show what
:func:`load` put in ``st.session_state``. :func:`save`, at the end of the page, writes the
settings that differ from their defaults back to the URL, so the
address bar is always a link to what is on the screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

#: Global settings every page carries in its URL (handled by the app, not the pages).
PRESENT = "present"
#: Session key: the page whose settings were loaded last (a link from another page is followed).
LAST_PAGE = "_last_page"
#: Addresses remembered per page: those it wrote itself are never taken for a followed link.
HISTORY = 64


@dataclass(frozen=True)
class Param:
    """One page setting: its URL name, kind, default and the values it may take.

    ``kind`` is ``"float"`` (``low``-``high``, quantised to ``step`` so cached results are hit),
    ``"int"`` (``low``-``high``, and one of ``options`` if given), ``"choice"`` (one of
    ``options``) or ``"bool"``.
    """

    name: str
    kind: str
    default: Any
    low: float | None = None
    high: float | None = None
    step: float | None = None
    options: tuple = field(default=())
    label: str = ""

    def parse(self, text: str) -> Any:
        """The value a URL string stands for; ValueError with a plain message otherwise."""
        text = str(text).strip()
        if self.kind == "float":
            try:
                value = float(text)
            except ValueError:
                raise ValueError(
                    f"is not a number (expected {self.low:g} to {self.high:g})") from None
            if math.isnan(value) or not self.low <= value <= self.high:
                raise ValueError(f"is outside {self.low:g} to {self.high:g}")
            return self.quantise(value)
        if self.kind == "int":
            try:
                value = int(text)
            except ValueError:
                raise ValueError(f"is not a whole number (expected {int(self.low)} to "
                                 f"{int(self.high)})") from None
            if not self.low <= value <= self.high:
                raise ValueError(f"is outside {int(self.low)} to {int(self.high)}")
            if self.options and value not in self.options:
                raise ValueError(f"is not one of: {', '.join(map(str, self.options))}")
            return value
        if self.kind == "choice":
            if text not in self.options:
                raise ValueError(f"is not one of: {', '.join(self.options)}")
            return text
        if self.kind == "bool":
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError("is not 1 or 0")
        raise AssertionError(self.kind)

    def quantise(self, value: float) -> float:
        if self.step:
            steps = round((value - self.low) / self.step)
            value = self.low + steps * self.step
        return round(min(self.high, max(self.low, value)), 6)

    def format(self, value: Any) -> str:
        if self.kind == "float":
            return f"{float(value):g}"
        if self.kind == "bool":
            return "1" if value else "0"
        return str(value)

    def shown(self, value: Any) -> str:
        return self.format(value)


def _remember(history: list, query: dict) -> None:
    """Keep the last :data:`HISTORY` addresses a page wrote (or was opened with)."""
    if query in history:
        history.remove(query)
    history.append(dict(query))
    del history[:-HISTORY]


def key(page: str, name: str) -> str:
    """The session-state key of a page's widget."""
    return f"{page}.{name}"


def _saved(page: str, name: str) -> str:
    return f"_saved.{page}.{name}"


def _query_value(name: str) -> str | None:
    if name not in st.query_params:
        return None
    values = st.query_params.get_all(name)
    return values[-1] if values else None


#: The player's position (episode, second), written into the address by the browser alone
#: (``dashboard/player``), so the server's last address may lack it.
PLAYER_POSITION = ("episode", "t")


def _settings(query: dict[str, str]) -> dict[str, str]:
    """An address's settings, less the player's position where the player wrote one."""
    if "t" not in query:
        return query
    return {k: v for k, v in query.items() if k not in PLAYER_POSITION}


def load(page: str, params: Sequence[Param],
         adjust: Callable[[dict[str, Any], set[str]], None] | None = None) -> dict[str, Any]:
    """Put every setting of the page into ``st.session_state`` and return them.

    On the page's first run in this session, values come from the URL; a bad value falls back
    to the default and is listed in a visible notice. ``adjust(values, from_url)`` may fix up
    related settings (e.g. a preset sets the sliders) before they reach the widgets.
    """
    first = f"_url_read.{page}"
    state = st.session_state
    values: dict[str, Any] = {}
    query = {k: st.query_params.get_all(k)[-1] for k in st.query_params}
    # A link followed inside the session (Learn's "things to try") brings new settings. The
    # browser also sends its address with every rerun, and a quick second change (arrow keys
    # on a slider just after a preset) is sent before the address the previous run wrote has
    # reached it: that stale address is one this page wrote itself, and must not undo the
    # change. So a link counts as followed when it comes from another page, or names settings
    # this page never wrote. The player's paused position, which the browser writes into the
    # address by itself, is no setting.
    came_from = state.get(LAST_PAGE)
    state[LAST_PAGE] = page
    written = state.get(f"_url_written.{page}", query)
    history = state.setdefault(f"_url_history.{page}", [])
    settings = _settings(query)
    followed = bool(query) and settings != _settings(written) and (
        came_from != page or settings not in [_settings(h) for h in history])
    if not state.get(first, False) or followed:
        state[first] = True
        _remember(history, query)
        problems = []
        from_url: set[str] = set()
        for p in params:
            text = _query_value(p.name)
            value = p.default
            if text is not None:
                try:
                    value = p.parse(text)
                    from_url.add(p.name)
                except ValueError as exc:
                    problems.append(f"`{p.name}={text}` {exc}; using {p.shown(p.default)}")
            values[p.name] = value
        if adjust is not None:
            adjust(values, from_url)
        state[f"_notice.{page}"] = problems
        for p in params:
            state[key(page, p.name)] = values[p.name]
            state[_saved(page, p.name)] = values[p.name]
    else:
        for p in params:
            k = key(page, p.name)
            if k not in state:  # the widget was not on screen (page switch, hidden control)
                state[k] = state.get(_saved(page, p.name), p.default)
            values[p.name] = state[k]
            # what this run starts from: a widget the browser reports otherwise in a later
            # rerun was moved there (see set_value)
            state[_saved(page, p.name)] = values[p.name]
    problems = state.get(f"_notice.{page}", [])
    if problems:
        st.warning("Some settings in this link could not be used, so defaults are shown "
                   "instead:\n\n" + "\n".join(f"- {line}" for line in problems),
                   icon=":material/link_off:")
    return values


def values(page: str, params: Sequence[Param]) -> dict[str, Any]:
    """The current value of every setting (after the widgets ran)."""
    state = st.session_state
    return {p.name: state.get(key(page, p.name), state.get(_saved(page, p.name), p.default))
            for p in params}


def save(page: str, params: Sequence[Param], omit: set[str] | frozenset = frozenset(),
         extra: dict[str, str] | None = None) -> dict:
    """Remember the settings and write those that differ from the defaults to the URL.

    ``omit`` names settings left out of the URL (e.g. sliders a named preset already sets).
    """
    state = st.session_state
    current = values(page, params)
    query: dict[str, str] = {}
    for p in params:
        state[_saved(page, p.name)] = current[p.name]
        if current[p.name] != p.default and p.name not in omit:
            query[p.name] = p.format(current[p.name])
    if state.get(PRESENT, False):
        query[PRESENT] = "1"
    query.update(extra or {})
    state[f"_url_written.{page}"] = query
    _remember(state.setdefault(f"_url_history.{page}", []), query)
    if dict(st.query_params.to_dict()) != query:
        st.query_params.from_dict(query)
    return current


def moved(page: str, name: str) -> bool:
    """Whether the browser reports a widget's value other than the one the last run started
    from (or ended with): the user moved it in the interaction being handled now. For
    callbacks, which run before the page does."""
    state = st.session_state
    k, saved = key(page, name), _saved(page, name)
    return k in state and saved in state and state[k] != state[saved]


def set_value(page: str, name: str, value: Any) -> None:
    """Change a setting from a callback (e.g. a preset moves the sliders).

    A widget the user moved in the same interaction keeps the user's value. The browser sends
    every widget's value with each rerun, and a quick second change is sent before the
    previous run's answer has reached it: arrow keys on a slider just after a preset, sent
    while the selector still shows the preset the server has since replaced by ``custom``.
    Streamlit takes that stale selector for a new choice and calls its callback (before the
    slider's); moving the slider back would undo the key, and the slider on screen and the
    link would then disagree (the run sets the slider, the next key's run writes the link).
    """
    if moved(page, name):
        return
    st.session_state[key(page, name)] = value
    st.session_state[_saved(page, name)] = value
