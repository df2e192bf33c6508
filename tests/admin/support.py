"""Helpers shared by the admin tests: statistics written and committed now, HTML tables."""

from __future__ import annotations

from bs4 import BeautifulSoup
from flask import Flask

from webapp.admin.services import EXTENSION_KEY


def commit_statistics(app: Flask) -> None:
    """Write the queued search and click events and commit the statistics core, so that
    reports see them at once whatever the core's commit interval (no sleeping)."""
    services = app.extensions[EXTENSION_KEY]
    services.recorder.flush()
    services.stats.commit()


def html_table(html: str, table_id: str) -> tuple[list[str], list[list[str]]]:
    """Header cells and body rows (cell texts) of the table with ``table_id``."""
    table = BeautifulSoup(html, "lxml").find("table", id=table_id)
    assert table is not None, f"no table #{table_id}"
    headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")]
    return headers, rows
