"""One dyad as a Mesa model: the readable reference, and what the dashboard animates.

``Infant``, ``Caregiver`` and ``Stranger`` agents live in a continuous room
(``mesa.space.ContinuousSpace``). Each second runs in fixed phases, not in shuffled order: the
procedure, the infant perceives, the infant decides, the caregiver and the stranger decide, the
caregiver and the stranger act, the infant acts. Every agent calls the same compiled rules as the
cohort engine (:mod:`simulation.rules`) on the model's one state record, with the same keyed
draws: infant k run here has exactly the trajectory it has in any cohort (docs/design.md,
reproducibility).
Mesa's own ``model.rng`` is seeded (``rng=seed``) but never used for decisions.
"""

from __future__ import annotations

import mesa
import numpy as np
import pandas as pd
from mesa.datacollection import DataCollector
from mesa.space import ContinuousSpace

from . import dyad_state, rng, room
from .codes import Action, AdultAct
from .observer import Coding, code_record
from .params import ModelParams
from .population import Population
from .preparation import Care, Prepared, Setup, prepare
from .record import RECORD_FIELDS, BehaviourRecord
from .rules import adults, infant, transitions
from .rules import perception as situation
from .rules.catalogue import ssp_params
from .rules.dispositions import dispositions
from .rules.jit import records
from .rules.observable import N_FIELDS, observe
from .strange_situation import toy_spots
from .temperament import Temperament, TemperamentDistribution


class Infant(mesa.Agent):
    """The infant: perceives the room, decides from arousal and its working model, moves."""

    def __init__(self, model: StrangeSituationModel, prepared: Prepared) -> None:
        super().__init__(model)
        self.working_model = prepared.working_model
        self.dispositions = records(dispositions(prepared.working_model, prepared.reactivity,
                                                 prepared.soothability, model.params))[0]
        self.key = prepared.keys[0]
        #: what the infant perceives this second (one PERCEPTION record, read by the adults too)
        self.perception = records(np.zeros((), dtype=situation.PERCEPTION))[()]

    def perceive(self) -> None:
        situation.perceive(self.model.dyad, self.perception)

    def decide(self) -> None:
        m = self.model
        infant.decide(m.dyad, self.perception, self.dispositions, self.key, m.purpose, m.tick,
                      m.rule_params)

    def act(self) -> None:
        m = self.model
        adults.hand_over(m.dyad)  # being picked up or put down happens to the infant
        infant.move(m.dyad)
        m.space.move_agent(self, (float(m.dyad["x"]), float(m.dyad["y"])))

    @property
    def arousal(self) -> float:
        return float(self.model.dyad["arousal"])


class Caregiver(mesa.Agent):
    """The caregiver: follows the procedure's instructions, responds to the infant's bids."""

    prefix = "cg"

    def decide(self) -> None:
        m = self.model
        adults.caregiver_decide(m.dyad, m.infant.perception)

    def act(self) -> None:
        adults.caregiver_act(self.model.dyad)
        self._sync()

    def _sync(self) -> None:
        s = self.model.dyad
        self.model.space.move_agent(self, (float(s[f"{self.prefix}_x"]),
                                           float(s[f"{self.prefix}_y"])))

    @property
    def present(self) -> bool:
        return bool(self.model.dyad[f"{self.prefix}_present"])

    @property
    def activity(self) -> str:
        return AdultAct(int(self.model.dyad[f"{self.prefix}_act"])).name


class Stranger(Caregiver):
    """The stranger: the episode-3 script, then geared to the infant in separations."""

    prefix = "st"

    def decide(self) -> None:
        m = self.model
        adults.stranger_decide(m.dyad, m.infant.perception)

    def act(self) -> None:
        adults.stranger_act(self.model.dyad)
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
        self.rule_params = records(ssp_params(self.params))[()]
        self.prepared = prepare(self.setup, np.array([infant_id]))
        self.purpose = rng.ssp_purpose(self.setup.age_months)
        #: the dyad's state: an array of one :data:`simulation.dyad_state.STATE` record
        self.state = dyad_state.start(*toy_spots(self.prepared.keys))
        self.dyad = records(self.state)[0]  # the record itself, which the rules update in place
        self.tick = 0
        self.space = ContinuousSpace(room.WIDTH, room.HEIGHT, torus=False)
        self.infant = Infant(self, self.prepared)
        self.caregiver = Caregiver(self)
        self.stranger = Stranger(self)
        s = self.dyad
        self.space.place_agent(self.infant, (float(s["x"]), float(s["y"])))
        self.space.place_agent(self.caregiver, (float(s["cg_x"]), float(s["cg_y"])))
        self.space.place_agent(self.stranger, (float(s["st_x"]), float(s["st_y"])))
        self._codes = np.zeros((N_FIELDS, 1, 1), dtype=np.uint8)
        self.row: dict[str, int] = {}
        reporters = {f: (lambda m, f=f: m.row[f]) for f in RECORD_FIELDS}
        reporters.update({
            "x": lambda m: float(m.dyad["x"]), "y": lambda m: float(m.dyad["y"]),
            "caregiver_x": lambda m: float(m.dyad["cg_x"]),
            "caregiver_y": lambda m: float(m.dyad["cg_y"]),
            "stranger_x": lambda m: float(m.dyad["st_x"]),
            "stranger_y": lambda m: float(m.dyad["st_y"]),
            "internal_arousal": lambda m: m.infant.arousal,
        })
        self.datacollector = DataCollector(model_reporters=reporters)
        self.running = True

    def step(self) -> None:
        """One second, in fixed phases (the same order as the cohort engine)."""
        s = self.dyad
        if not s["episode"] <= 8:
            self.running = False
            return
        transitions.advance(s)
        by_type = self.agents_by_type
        by_type[Infant].do("perceive")
        by_type[Infant].do("decide")
        by_type[Caregiver].do("decide")
        by_type[Stranger].do("decide")
        by_type[Caregiver].do("act")
        by_type[Stranger].do("act")
        by_type[Infant].do("act")
        transitions.count(s)
        observe(s, self._codes, 0, 0)
        self.tick += 1
        self.row = dict(zip(RECORD_FIELDS, self._codes[:, 0, 0].tolist(), strict=True))
        if self.row["episode"] > 0:
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
