"""The rules of the model, one module per mechanism (each with its declared parameters, its
formulas and propensity terms); the loops (:mod:`.per_occasion`, :mod:`.per_second`) only call
them. :mod:`.catalogue` lists the mechanisms; docs/ODD.md (section 8) maps each behaviour to
its module."""
