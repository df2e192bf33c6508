"""Request parsing: the visitor's text is cleaned the same way, whatever path it takes."""

from __future__ import annotations

import sys
import unicodedata

from flask.testing import FlaskClient

from webapp.request import clean_text, parse_search_request


def _by_category(value: str) -> str:
    """The rule clean_text implements: every character of the categories C (control, format,
    unassigned, ...) and Z (separators) becomes a space, then whitespace is collapsed."""
    value = unicodedata.normalize("NFC", value)
    kept = "".join(" " if unicodedata.category(ch).startswith(("C", "Z")) else ch
                   for ch in value)
    return " ".join(kept.split())


def test_clean_text_follows_the_category_rule_for_every_character() -> None:
    differ = [hex(cp) for cp in range(sys.maxunicode + 1)
              if clean_text(f"a{chr(cp)}b ") != _by_category(f"a{chr(cp)}b ")]
    assert differ == []


def test_clean_text_drops_controls_and_odd_spaces_and_keeps_letters() -> None:
    assert clean_text("  Stra\u00dfe\n\tbahn\u200b  Jena\u00a0Amt\u2028x ") == \
        "Straße bahn Jena Amt x"
    assert clean_text("Cafe\u0301 \x00\x7fBürger") == "Café Bürger"
    assert clean_text("") == "" and clean_text(" \u3000 ") == ""
    assert clean_text("<script>alert(1)</script>") == "<script>alert(1)</script>"


def test_parse_search_request_cleans_every_text_parameter() -> None:
    req = parse_search_request({"q": " Melde\u200bamt\x00 ", "category": "\tBürger\nservice",
                                "bereich": "www.jena.de\u2029"})
    assert (req.query, req.category, req.site) == ("Melde amt", "Bürger service",
                                                   "www.jena.de")


def test_a_repeated_parameter_counts_with_its_first_value(client: FlaskClient) -> None:
    data = client.get("/api/search?q=Jena&q=Rathaus&rows=20&rows=50&sort=datum_neu&sort=x"
                      ).get_json()["inData"]
    assert (data["KEYWORD"], data["ROWS"], data["SORT"]) == ("Jena", 20, "datum_neu")
