"""Stadtsuche benchmarks: our code measured against Solr itself, side by side, as ratios.

Absolute times on a shared two-core machine say little; ratios measured in one run with the
same Solr, the same queries, the same client and the same concurrency do. ``python -m bench``
runs everything and prints every ratio next to its target.
"""
