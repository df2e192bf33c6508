"""Stadtsuche indexer: reads pages from a folder, the live site or single URLs into Solr.

The data flows one way::

    source (folder | sitemap crawl | url) -> RawPage -> parse -> ParsedPage
        -> to_solr_doc -> SolrWriter

``indexer.pipeline.run`` is the entry point for the command line and the admin area.
"""
