"""Triage and follow-up of a check: which rules run and which findings are shown (`selection`), the inspector's
recorded positions on findings (`decisions`) and the comparison with an earlier report (`baseline`).

Everything here works on the finding key (`keys`), never on the engine: a selection restricts the rule book
before it is compiled, and the rest marks report rows after they are made.
"""
