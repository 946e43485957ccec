"""One colour per classification, everywhere: the Okabe-Ito colour-blind-safe palette.

Okabe & Ito (2008), *Color Universal Design*: distinguishable under the common colour-vision
deficiencies.
"""

from __future__ import annotations

#: Classification -> colour (secure blue, avoidant orange, ambivalent reddish purple,
#: disorganized bluish green).
CLASS_COLOURS = {
    "secure": "#0072B2",
    "avoidant": "#E69F00",
    "ambivalent": "#CC79A7",
    "disorganized": "#009E73",
}
#: The same colours by group letter.
GROUP_COLOURS = {"B": "#0072B2", "A": "#E69F00", "C": "#CC79A7", "D": "#009E73"}
#: Published (literature) bars: neutral grey, so simulated colours stay meaningful.
PUBLISHED_COLOUR = "#999999"
#: Other figure colours: caregiver, stranger, infant, arousal (internal), crying (overt).
CAREGIVER_COLOUR = "#0072B2"
STRANGER_COLOUR = "#D55E00"
INFANT_COLOUR = "#000000"
AROUSAL_COLOUR = "#D55E00"
CRYING_COLOUR = "#56B4E9"


def figure_scale(presentation: bool) -> float:
    """Font and size multiplier for projector ("presentation") mode."""
    return 1.5 if presentation else 1.0
