"""Learn: what the Strange Situation is, how the model works, what to notice and try, what it
leaves out, and the adult analogues with their limits (NetLogo "Info" sections)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import state, ui
from dashboard.state import Param
from simulation.caregiving import ainsworth_sensitivity
from simulation.episodes import EPISODES
from simulation.working_model import WM_VARIABLES

PAGE = "learn"
PARAMS = [
    Param("responsiveness", "float", 0.85, 0.0, 1.0, ui.STEP),
    Param("consistency", "float", 0.85, 0.0, 1.0, ui.STEP),
]

ui.page_header(
    "Learn",
    "What the Strange Situation is, what the patterns look like, how this model works, and "
    "what it leaves out. **A teaching model, not a diagnostic tool:** it cannot classify a "
    "real child, and no real child should be described by what it shows.")
state.load(PAGE, PARAMS)

st.header("What it is")
st.markdown(
    "Mary Ainsworth's **Strange Situation** (Ainsworth, Blehar, Waters & Wall 1978) is a "
    "20-minute laboratory procedure for infants of about 12 months. The infant and its "
    "caregiver come into an unfamiliar playroom; a stranger comes in; the caregiver leaves "
    "twice and comes back twice. Trained coders behind a one-way mirror watch what the infant "
    "does, above all when the caregiver **returns**, and classify how the infant organises its "
    "attachment behaviour toward that caregiver. In the Baltimore sample of 106 infants, 66% "
    "were secure, 22% avoidant and 12% ambivalent.")

st.header("The eight episodes")
episodes = pd.DataFrame({
    "episode": [e.number for e in EPISODES],
    "name": [e.name for e in EPISODES],
    "who is in the room": [" and ".join([w for w, here in (("caregiver", e.caregiver),
                                                            ("stranger", e.stranger)) if here]
                                        + ["infant"]) for e in EPISODES],
    "what happens": [e.event for e in EPISODES],
    "nominal length": [f"{e.nominal // 60} min" if e.nominal >= 60 else f"{e.nominal} s"
                       for e in EPISODES],
})
st.table(episodes, hide_index=True)
st.caption("A separation is cut short when the infant has cried hard for about a minute and "
           "will not calm; a reunion is lengthened until it is reasonably comforted (Waters "
           "2002). Behaviour is scored as rates per 15-s interval, so a short episode is not "
           "mistaken for a calm one.")

st.header("The patterns")
st.markdown(
    f"- {ui.badge('secure', 'Secure (B)')} explores with the caregiver as a secure base; may "
    "be distressed when she leaves; on her return greets her, seeks and keeps contact if "
    "distressed, is comforted quickly and goes back to play.\n"
    f"- {ui.badge('avoidant', 'Avoidant (A)')} explores throughout and shows little overt "
    "distress; on reunion ignores or turns away from the caregiver. Its heart rate rises at "
    "separation as much as a secure infant's (Sroufe & Waters 1977): the distress is there, "
    "not shown.\n"
    f"- {ui.badge('ambivalent', 'Ambivalent / resistant (C)')} explores little even before "
    "separation, is intensely distressed, and on reunion seeks contact and resists it, angrily "
    "(C1) or passively (C2); it is hard to soothe.\n"
    f"- {ui.badge('disorganized', 'Disorganized (D)')} (Main & Solomon 1990): lapses of "
    "strategy in the caregiver's presence (freezing, approach broken off, apprehension), rated "
    "1-9 beside a best-fitting A, B or C.\n\n"
    "Each colour means the same classification on every page.", unsafe_allow_html=True)

st.header("How the model works")
st.markdown(
    "1. **A caregiver** has five settings, each from 0 to 1: *responsiveness* (how likely and "
    "fast she answers a bid for comfort), *consistency* (whether that holds steady or comes and "
    "goes in spells), *warmth* (whether she accepts close contact or rebuffs it), and "
    "*frightening* (frightening behaviour at home) and *unresolved* (her own unresolved loss "
    "or trauma: at times frightened or dissociated when the infant needs her).\n"
    "2. **The first year at home**: hundreds of occasions of need. The infant signals; the "
    "caregiver answers, or not, according to her settings; the infant **learns** its working "
    "model of her from what happened, never from her settings directly:\n" +
    "\n".join(f"   - *{k.replace('_', ' ')}*: {v}" for k, v in WM_VARIABLES.items()) + "\n"
    "3. **The Strange Situation** at 12 months: each second, the situation (strange room, "
    "stranger, the caregiver leaving, being alone, contact) moves the infant's arousal, and the "
    "infant chooses what to do from its arousal and its working model: explore, look, approach, "
    "cling, cry, resist, avoid, search at the door, or freeze.\n"
    "4. **A simulated coder** sees only the behaviour record (never the caregiving, the "
    "temperament or the arousal), scores Ainsworth's scales 1-7 per episode, and classifies by "
    "her ordered rules (Ainsworth et al. 1978, pp. 59-63), with a D rating beside.")
st.markdown("**Ainsworth's sensitivity scale, and the two settings it mixes.** Her 1-9 scale "
            "has 5 as *inconsistently* sensitive; an equivalent from two of the model's "
            "settings is 1 + 8 x responsiveness x (1 + consistency) / 2. It leaves out warmth "
            "and frightening behaviour, which her raters would also weigh: a caregiver who "
            "answers promptly but rebuffs contact, or frightens the infant, scores high here "
            "and would not on her scale. That is why the other pages do not show it. Try it:")
c1, c2, c3 = st.columns(3)
r = c1.slider("Responsiveness", 0.0, 1.0, step=ui.STEP, key=state.key(PAGE, "responsiveness"))
c = c2.slider("Consistency", 0.0, 1.0, step=ui.STEP, key=state.key(PAGE, "consistency"))
sens = ainsworth_sensitivity(r, c)
words = ("highly insensitive" if sens < 2 else "insensitive" if sens < 4 else
         "inconsistently sensitive" if sens < 6 else "sensitive" if sens < 8 else
         "highly sensitive")
c3.metric("Sensitivity equivalent", f"{sens:.1f} / 9", help=words)
st.caption(f"About '{words}' on Ainsworth's scale.")

st.header("How to use it")
st.markdown(
    "- **Watch one infant**: pick a preset or move the sliders; play the room (pause, step, "
    "change the speed, jump to an episode or to the next moment the coder scored); read why it "
    "was classified so, in plain words, and the coder's score sheet.\n"
    "- **Three patterns**: one infant raised three ways, side by side, on one clock.\n"
    "- **A population**: many infants against the published distributions; open any one.\n"
    "- **Explore**: the whole map of responsiveness by consistency.\n"
    "- **Change over time**: care that improves, or a second caregiver.\n"
    "- **You be the coder**: score a reunion yourself.\n\n"
    "Every page keeps its settings in the address bar: copy it to share a scenario. "
    "*Presentation mode* (sidebar) enlarges everything for a projector.")

st.header("Things to notice")
st.markdown(
    "- The reunions decide. Episodes 5 and 8 tell the patterns apart far better than the "
    "separations do.\n"
    "- Compare an avoidant infant's crying with its hidden arousal (Watch one infant, "
    "'Arousal and crying'; A population, 'Hidden distress'): the pages say, from their own "
    "numbers, whether its distress is hidden.\n"
    "- Caregiving does not fix the outcome: in a population with the same care, some infants "
    "land elsewhere, because of temperament and chance.\n"
    "- Ambivalence needs *inconsistency*: care that comes and goes in spells, where loud "
    "signals sometimes get through.")

st.header("Things to try")
st.caption("Each link opens a typical infant of its care: the first infant whom the simulation "
           "classified as that care classifies most infants.")
st.page_link("views/watch.py", label="Rejecting care: a typical infant ignores her at reunion",
             query_params={"preset": "rejecting", "episode": "8"}, icon=":material/play_arrow:")
st.page_link("views/watch.py", label="Inconsistent care: a typical infant seeks contact and "
             "resists it", query_params={"preset": "inconsistent", "episode": "5"},
             icon=":material/play_arrow:")
st.page_link("views/patterns.py", label="Consistent against inconsistent care: the same infant, "
             "side by side", query_params={"mode": "pair"}, icon=":material/view_column:")
st.page_link("views/population.py", label="A population like the 32 studies of the 1988 "
             "meta-analysis", query_params={"source": "population", "population": "global"},
             icon=":material/groups:")
st.page_link("views/explore.py", label="Lower the warmth and watch avoidance spread",
             query_params={"warmth": "0.2"}, icon=":material/grid_on:")
st.page_link("views/change.py", label="Inconsistent care that becomes sensitive at 6 months",
             query_params={"before": "inconsistent", "after": "sensitive", "month": "6"},
             icon=":material/trending_up:")
st.markdown(
    "- On *Watch one infant*, keep the caregiving and press *Atypical infant*, or change the "
    "infant no.: how often does the classification change?\n"
    "- Raise the infant's reactivity: the subgroup shifts (B1/B2 toward B3/B4) more than the "
    "group (Belsky & Rovine 1987).\n"
    "- Compare the population presets for Japan and West Germany with their published bars: "
    "which mechanisms carry the difference?")

st.header("What the model leaves out")
st.markdown(
    "- It is **a teaching model, not a diagnostic tool.** The Strange Situation itself is a "
    "research procedure, coded by trained, reliable coders; it is not a test for an individual "
    "child, and a simulation is further still from one.\n"
    "- Real caregiving is not four numbers, and real infants are not two traits. Culture, "
    "family stress, health, siblings, day care and much more are absent or folded into a few "
    "parameters.\n"
    "- The coder applies written rules to a simplified behaviour record; real coders judge "
    "richer behaviour, and disagree at times.\n"
    "- Insecure patterns are not disorders. Avoidance and resistance are ways of staying close "
    "to a particular caregiver that make sense given what the infant has learned.")

st.header("From infancy to adulthood, with care")
st.markdown(
    "Adult attachment *styles* (Hazan & Shaver 1987; Bartholomew & Horowitz 1991: secure, "
    "preoccupied, dismissing, fearful) are self-reported styles in romantic relationships, "
    "proposed as **analogues** of the infant patterns: the ambivalent infant and the "
    "anxious-preoccupied adult (fear of abandonment, reassurance seeking, hyperactivation); the "
    "avoidant infant and the dismissive-avoidant adult (deactivation).\n\n"
    "They are analogies, **not measured continuity**. The stability of attachment security from "
    "infancy to adulthood is modest (Fraley 2002). Attachment is specific to a relationship: "
    "an infant's classifications with mother and with father agree only modestly (Fox, "
    "Kimmerly & Schafer 1991). Patterns change when care changes (Bakermans-Kranenburg, van "
    "IJzendoorn & Juffer 2003). Nothing on these pages says what an infant will be like as an "
    "adult, and no one should read their own or anyone's past into it.")

st.header("Related models")
st.markdown(
    "Petters (2006) built infant and carer agents in a virtual room; Stevens & Zhang (2009) "
    "modelled responsiveness and reactivity with coupled equations; Cittern, Nolte, Friston & "
    "Edalat (2018) derived the four patterns by active inference; Gagliardi (2022) built an "
    "agent-based model of set-goals. None scores Ainsworth's scales or compares distributions "
    "with the meta-analyses, which this model does.")

st.header("References")
REFERENCES = (
    'Ainsworth, M. D. S., Blehar, M. C., Waters, E., & Wall, S. (1978). *Patterns of '
    'attachment: A psychological study of the Strange Situation.* Erlbaum.',
    'Bakermans-Kranenburg, M. J., van IJzendoorn, M. H., & Juffer, F. (2003). Less is more: '
    'Meta-analyses of sensitivity and attachment interventions in early childhood. '
    '*Psychological Bulletin* 129.',
    'Bartholomew, K., & Horowitz, L. M. (1991). Attachment styles among young adults.',
    'Belsky, J., & Rovine, M. (1987). *Child Development* 58, 787.',
    'Cassidy, J., & Berlin, L. J. (1994). The insecure/ambivalent pattern of attachment. '
    '*Child Development* 65, 971.',
    'De Wolff, M. S., & van IJzendoorn, M. H. (1997). Sensitivity and attachment: A '
    'meta-analysis. *Child Development* 68, 571.',
    'Fox, N. A., Kimmerly, N. L., & Schafer, W. D. (1991). Attachment to mother/attachment to '
    'father: A meta-analysis. *Child Development* 62, 210.',
    'Fraley, R. C. (2002). Attachment stability from infancy to adulthood. *Personality and '
    'Social Psychology Review* 6, 123.',
    'Hazan, C., & Shaver, P. (1987). Romantic love conceptualized as an attachment process.',
    'Isabella, R. A., & Belsky, J. (1991). Interactional synchrony and the origins of '
    'infant-mother attachment.',
    'Main, M., & Hesse, E. (1990). Parents\' unresolved traumatic experiences are related to '
    'infant disorganized attachment status. In Greenberg, Cicchetti & Cummings (Eds.), '
    '*Attachment in the preschool years.*',
    'Main, M., & Solomon, J. (1990). Procedures for identifying infants as '
    'disorganized/disoriented during the Strange Situation. In the same volume.',
    'Spangler, G., & Grossmann, K. E. (1993). Biobehavioral organization in securely and '
    'insecurely attached infants. *Child Development* 64.',
    'Sroufe, L. A., & Waters, E. (1977). Heart rate as a convergent measure in clinical and '
    'developmental research. *Merrill-Palmer Quarterly* 23.',
    'van IJzendoorn, M. H., & Kroonenberg, P. M. (1988). Cross-cultural patterns of '
    'attachment: A meta-analysis of the Strange Situation. *Child Development* 59, 147-156.',
    'van IJzendoorn, M. H., Schuengel, C., & Bakermans-Kranenburg, M. J. (1999). Disorganized '
    'attachment in early childhood. *Development and Psychopathology* 11, 225.',
    'Waters, E. (2002). *Comments on Strange Situation classification.*',
    'Teaching design: the NetLogo Models Library "Info" tabs; PhET interactive simulations '
    '(Adams et al. 2008; Podolefsky, Moore & Perkins).',
)
st.markdown("\n".join(f"- {ref}" for ref in REFERENCES))



state.save(PAGE, PARAMS)
