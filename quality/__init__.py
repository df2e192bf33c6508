"""Search quality for Stadtsuche: golden queries, misspellings and the "Meinten Sie" rule.

``python -m quality`` indexes the sample site with the real indexer (into its own Solr unless
``--solr-url`` is given) and prints top-1/top-3 hit rates and the correction accuracy.
"""
