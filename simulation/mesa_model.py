"""One dyad as a Mesa model: the readable reference, and what the dashboard animates.

``Infant``, ``Caregiver`` and ``Stranger`` agents live in a continuous room
(``mesa.space.ContinuousSpace``). Each second runs in fixed phases, not in shuffled order: the
procedure, the infant perceives, the infant decides, the caregiver and the stranger decide, the
caregiver and the stranger act, the infant acts. Every agent calls the same numpy kernels as the
cohort engine, on arrays of shape (1,), with the same keyed draws: infant k run here has exactly
the trajectory it has in any cohort (DESIGN.md section 5). Mesa's own ``model.rng`` is seeded
(``rng=seed``) but never used for decisions.
"""

from __future__ import annotations

import mesa
import numpy as np
import pandas as pd
from mesa.datacollection import DataCollector
from mesa.space import ContinuousSpace

from . import rng, room
from .observer import Coding, code_record
from .params import ModelParams
from .population import Population
from .record import RECORD_FIELDS, Action, AdultAct, BehaviourRecord
from .rules import adults, infant, procedure, situation
from .rules.dispositions import Dispositions
from .rules.observable import observe
from .setup import Care, Prepared, Setup, prepare
from .ssp import toy_spots
from .ssp_state import SSPState
from .temperament import Temperament, TemperamentDistribution


class Infant(mesa.Agent):
    """The infant: perceives the room, decides from arousal and its working model, moves."""

    def __init__(self, model: StrangeSituationModel, prepared: Prepared) -> None:
        super().__init__(model)
        self.working_model = prepared.working_model
        self.dispositions = Dispositions.of(prepared.working_model, prepared.reactivity,
                                            prepared.soothability, model.params)
        self.keys = prepared.keys
        self.perception: situation.Perception | None = None

    def perceive(self) -> None:
        self.perception = situation.perceive(self.model.state)

    def decide(self) -> None:
        m = self.model
        draws = rng.uniform_quad(self.keys, m.purpose, m.tick)
        infant.decide(m.state, self.perception, self.dispositions, draws, m.params)

    def act(self) -> None:
        m = self.model
        adults.hand_over(m.state)  # being picked up or put down happens to the infant
        infant.move(m.state)
        m.space.move_agent(self, (float(m.state.x[0]), float(m.state.y[0])))

    @property
    def arousal(self) -> float:
        return float(self.model.state.arousal[0])


class Caregiver(mesa.Agent):
    """The caregiver: follows the procedure's instructions, responds to the infant's bids."""

    prefix = "cg"

    def decide(self) -> None:
        m = self.model
        adults.caregiver_decide(m.state, m.infant.perception)

    def act(self) -> None:
        adults.caregiver_act(self.model.state)
        self._sync()

    def _sync(self) -> None:
        s = self.model.state
        pos = (float(getattr(s, f"{self.prefix}_x")[0]), float(getattr(s, f"{self.prefix}_y")[0]))
        self.model.space.move_agent(self, pos)

    @property
    def present(self) -> bool:
        return bool(getattr(self.model.state, f"{self.prefix}_present")[0])

    @property
    def activity(self) -> str:
        return AdultAct(int(getattr(self.model.state, f"{self.prefix}_act")[0])).name


class Stranger(Caregiver):
    """The stranger: the episode-3 script, then geared to the infant in separations."""

    prefix = "st"

    def decide(self) -> None:
        m = self.model
        adults.stranger_decide(m.state, m.infant.perception)

    def act(self) -> None:
        adults.stranger_act(self.model.state)
        self._sync()


class StrangeSituationModel(mesa.Model):
    """Infant ``infant_id`` of a cohort, through its home year and the eight episodes.

    Give ``care`` (profile, history or arrangement) or a ``population``, as for
    :func:`simulation.run_cohort`; the same ``seed`` and ``infant_id`` give the same infant.
    """

    def __init__(
        self,
        care: Care | None = None,
        *,
        population: Population | None = None,
        infant_id: int = 0,
        seed: int = 0,
        temperament: Temperament | TemperamentDistribution | None = None,
        params: ModelParams | None = None,
        caregiver: str = "primary",
        age_months: float = 12.0,
        frozen: bool = False,
    ) -> None:
        self.setup = Setup(seed=seed, care=care, population=population,
                           temperament=temperament,
                           params=params if params is not None else ModelParams(),
                           caregiver=caregiver, age_months=age_months, frozen=frozen)
        super().__init__(rng=self.setup.seed)
        self.params = self.setup.effective_params()
        self.prepared = prepare(self.setup, np.array([infant_id]))
        self.purpose = rng.ssp_purpose(self.setup.age_months)
        self.state = SSPState.start(*toy_spots(self.prepared.keys))
        self.tick = 0
        self.space = ContinuousSpace(room.WIDTH, room.HEIGHT, torus=False)
        self.infant = Infant(self, self.prepared)
        self.caregiver = Caregiver(self)
        self.stranger = Stranger(self)
        s = self.state
        self.space.place_agent(self.infant, (float(s.x[0]), float(s.y[0])))
        self.space.place_agent(self.caregiver, (float(s.cg_x[0]), float(s.cg_y[0])))
        self.space.place_agent(self.stranger, (float(s.st_x[0]), float(s.st_y[0])))
        self.row: dict[str, np.ndarray] = {}
        reporters = {f: (lambda m, f=f: int(m.row[f][0])) for f in RECORD_FIELDS}
        reporters.update({
            "x": lambda m: float(m.state.x[0]), "y": lambda m: float(m.state.y[0]),
            "caregiver_x": lambda m: float(m.state.cg_x[0]),
            "caregiver_y": lambda m: float(m.state.cg_y[0]),
            "stranger_x": lambda m: float(m.state.st_x[0]),
            "stranger_y": lambda m: float(m.state.st_y[0]),
            "internal_arousal": lambda m: m.infant.arousal,
        })
        self.datacollector = DataCollector(model_reporters=reporters)
        self.running = True

    def step(self) -> None:
        """One second, in fixed phases (the same order as the cohort engine)."""
        s = self.state
        if not bool(s.running[0]):
            self.running = False
            return
        procedure.advance(s)
        by_type = self.agents_by_type
        by_type[Infant].do("perceive")
        by_type[Infant].do("decide")
        by_type[Caregiver].do("decide")
        by_type[Stranger].do("decide")
        by_type[Caregiver].do("act")
        by_type[Stranger].do("act")
        by_type[Infant].do("act")
        procedure.count(s)
        self.tick += 1
        self.row = observe(s)
        if self.row["episode"][0] > 0:
            self.datacollector.collect(self)
        else:
            self.running = False

    def run(self) -> StrangeSituationModel:
        """Run the whole procedure to the end of episode 8."""
        while self.running:
            self.step()
        return self

    def trace(self) -> pd.DataFrame:
        """The per-second trace: record codes, readable labels, positions, internal arousal."""
        df = self.datacollector.get_model_vars_dataframe().reset_index(drop=True)
        df.insert(0, "second", np.arange(len(df)))
        start = df.groupby("episode")["second"].transform("min")
        df.insert(2, "t_in_episode", df["second"] - start)
        df["action_name"] = [Action(a).name.lower() for a in df["action"]]
        return df

    def record(self) -> BehaviourRecord:
        """The observable record (what the coder sees)."""
        return BehaviourRecord.from_frame(self.trace())

    def coding(self) -> Coding:
        """The observer's coding of this infant's record."""
        return code_record(self.record())


def run_dyad(care: Care | None = None, **kwargs) -> StrangeSituationModel:
    """Build and run one dyad through the Mesa model (see :class:`StrangeSituationModel`)."""
    return StrangeSituationModel(care, **kwargs).run()
