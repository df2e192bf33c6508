"""Evaluation of rankings from visitors' clicks: click-derived judgements and nDCG,
team-draft interleaving and its significance. Pure functions over small event records
(see events.py); reading the events from the statistics core is not this package's job."""
