"""Service pages and everything made of them: their copies, language copies, hubs and staff pages.

Where a service lives, and under which further addresses the same text appears, follows the
patterns of the city's web:

* every office has a home host (``offices.py``); the page is there under ``de/<key>``
  (www.jena.de: under the office's long path with a numeric id);
* on the service portal, every second service is also reachable without ``de/`` and every
  fifth under ``index.php/de/…``; some of those copies name the ``de/`` page as canonical;
* services of other hosts are copied to the portal, and every second portal service has a
  copy on www.jena.de's long paths (same text, other host);
* the services in ``translations.TITLES`` have language copies with a translated title and
  the German body; ``translations.ENGLISH`` pages are English throughout.
"""

from __future__ import annotations

from collections.abc import Iterator

from tools.sample_web.model import Page
from tools.sample_web.offices import OFFICES, Office
from tools.sample_web.render import items, link_list, para, section, table
from tools.sample_web.services import SERVICES, SERVICES_BY_KEY, Service
from tools.sample_web.translations import ENGLISH, TITLES

PORTAL = "service.jena.de"
WWW = "www.jena.de"
_LANG_LABELS = {"en": ("In brief", "Documents", "Costs", "Details", "Contact"),
                "it": ("In breve", "Documenti", "Costi", "Dettagli", "Contatto"),
                "pl": ("W skrócie", "Dokumenty", "Koszty", "Szczegóły", "Kontakt"),
                "fr": ("En bref", "Documents", "Coûts", "Détails", "Contact"),
                "zh-hans": ("简介", "所需材料", "费用", "详情", "联系方式"),
                "pt-pt": ("Em resumo", "Documentos", "Custos", "Detalhes", "Contacto")}
_DE_LABELS = ("In Kürze", "Unterlagen", "Kosten", "Details", "Kontakt")


def contact_block(office: Office) -> str:
    """The long contact block (with the staff table) that every page of an office repeats."""
    lines = [office.unit, office.address, f"Telefon: {office.phone}", f"E-Mail: {office.mail}",
             f"Öffnungszeiten: {office.hours}"]
    block = para(*lines)
    if office.staff:
        block += "\n" + table(("Ansprechpartner", "Zuständigkeit", "Telefon"),
                              [(n, f"Buchstaben {t}" if "–" in t and len(t) <= 7 else t, p)
                               for n, t, p in office.staff])
    return block


def service_body(svc: Service, labels: tuple[str, ...] = _DE_LABELS) -> str:
    """The sections In Kürze, Unterlagen, Kosten, Details, Kontakt."""
    office = OFFICES[svc.area]
    return (section(labels[0], para(svc.short)) + section(labels[1], items(svc.documents))
            + section(labels[2], para(svc.costs)) + section(labels[3], para(svc.details))
            + section(labels[4], contact_block(office)))


def _dates(index: int) -> dict[str, str]:
    """Two thirds of the services state a modification date; the rest have none of their own."""
    if index % 3 == 2:
        return {}
    return {"modified": f"20{23 + index % 4}-{1 + index % 12:02d}-{1 + index % 27:02d}"}


def www_path(svc: Service, index: int) -> str:
    """The long www.jena.de address of a service: office folder plus a numeric id."""
    return f"{OFFICES[svc.area].www_path}/{284000 + index * 37}"


def home_path(svc: Service, index: int) -> tuple[str, str]:
    """(host, path) of the service's own page."""
    office = OFFICES[svc.area]
    if office.host == WWW:
        return WWW, www_path(svc, index)
    if office.host == "ksj.jena.de":
        return office.host, f"de/abfall/{svc.key}"
    return office.host, f"de/{svc.key}"


def service_pages() -> Iterator[Page]:
    """Every service at home, plus its copies on the portal and on www.jena.de."""
    for i, svc in enumerate(SERVICES):
        office = OFFICES[svc.area]
        body = service_body(svc)
        first = svc.short.split(". ")[0] + "."
        base = dict(title=svc.title, body=body, category=office.category,
                    content=f"svc:{svc.key}", answer=f"svc:{svc.key}",
                    description="" if i % 2 else first, category_meta=i % 4 == 0, **_dates(i))
        host, path = home_path(svc, i)
        yield Page(host=host, path=path, kind="service", **base)
        if host == PORTAL:
            if i % 2 == 0:
                canon = f"de/{svc.key}" if i % 4 == 0 else None
                yield Page(host=PORTAL, path=svc.key, kind="service-copy", canonical_path=canon,
                           **base)
            if i % 5 == 0:
                yield Page(host=PORTAL, path=f"index.php/de/{svc.key}", kind="service-copy", **base)
            if i % 2 == 1:
                yield Page(host=WWW, path=www_path(svc, i), kind="service-copy", **base)
        elif office.host != "umwelt.jena.de" or i % 2 == 0:
            yield Page(host=PORTAL, path=f"de/{svc.key}", kind="service-copy", **base)
            if office.host == "ksj.jena.de" and i % 2 == 0:
                yield Page(host=WWW, path=www_path(svc, i), kind="service-copy", **base)


def language_pages() -> Iterator[Page]:
    """Language copies (translated title, German body) and the real English pages."""
    node = 140
    for key, titles in TITLES.items():
        svc = SERVICES_BY_KEY[key]
        office = OFFICES[svc.area]
        for lang, title in titles.items():
            node += 1
            path = f"{lang}/node/{node}" if lang != "en" or node % 3 == 0 else f"en/{_slug(title)}"
            labels = _LANG_LABELS[lang]
            yield Page(host=PORTAL, path=path, title=title, body=service_body(svc, labels),
                       category=office.category, content=f"svc:{key}", answer=None,
                       kind="language-copy", lang=lang)
    for key, (title, summary, documents, costs) in ENGLISH.items():
        office = OFFICES[SERVICES_BY_KEY[key].area]
        body = (section("In brief", para(summary)) + section("Documents", items(documents))
                + section("Costs", para(costs)) + section("Contact", contact_block(office)))
        yield Page(host=PORTAL, path=f"en/{_slug(title)}", title=title, body=body,
                   category="Citizens' Service", content=f"en:{key}", answer=f"en:{key}",
                   kind="english", lang="en", description=summary.split(". ")[0] + ".")


def _slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(part for part in out.split("-") if part)


LIFE_EVENTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "umzug": ("Lebenslage Umzug", "Was beim Umzug nach Jena und innerhalb der Stadt zu tun ist.", (
        "wohnung-ummelden", "wohnsitz-anmelden", "wohnsitz-abmelden", "meldebescheinigung",
        "halteverbot-umzug", "bewohnerparkausweis", "kfz-zulassung", "hundesteuer",
        "zweitwohnungssteuer", "tonne-bestellen", "sperrmuell", "abfuhrtermine", "schulanmeldung",
        "kitaplatz", "wohngeld", "wohnberechtigungsschein", "auskunftssperre",
        "personalausweis", "briefwahl", "elektroschrott")),
    "familie": ("Lebenslage Geburt und Familie",
                "Von der Geburtsurkunde bis zur Einschulung: Leistungen für Familien.", (
        "geburt-beurkunden", "vaterschaft", "kitaplatz", "elternbeitraege", "schulanmeldung",
        "schuelerbefoerderung", "bildung-teilhabe", "unterhaltsvorschuss", "erziehungsberatung",
        "reisepass", "personalausweis", "namensaenderung", "wohngeld", "jenapass",
        "eheschliessung", "ehrenamtscard", "lastenrad", "schulwegplan", "meldebescheinigung",
        "fundbuero")),
    "bauen": ("Lebenslage Bauen und Wohnen",
              "Genehmigungen, Förderungen und Pflichten rund um Haus und Grundstück.", (
        "baugenehmigung", "bauvoranfrage", "abbruch", "denkmalschutz", "hausnummer",
        "aufgrabung", "sondernutzung", "baumfaellung", "solarfoerderung", "regenwasser",
        "grundsteuer", "tonne-bestellen", "abfallgebuehren", "strassenreinigung", "winterdienst",
        "energieberatung", "hochwasser", "wohnberechtigungsschein", "wohngeld",
        "laermaktionsplan")),
}


def _teaser(key: str) -> tuple[str, str, str]:
    svc = SERVICES_BY_KEY[key]
    index = SERVICES.index(svc)
    host, path = home_path(svc, index)
    return f"https://{host}/{path}", svc.title, svc.short.split(". ")[0] + "."


def hub_pages() -> Iterator[Page]:
    """Overview pages: life events, A–Z lists and each host's start page, twenty teasers each."""
    for key, (title, intro, keys) in LIFE_EVENTS.items():
        body = para(intro) + link_list([_teaser(k) for k in keys])
        yield Page(host=PORTAL, path=f"de/lebenslagen/{key}", title=title, body=body,
                   category="Lebenslagen", content=f"hub:{key}", answer=f"hub:{key}", kind="hub")
    ordered = sorted(SERVICES, key=lambda s: s.title)
    for start in range(0, len(ordered), 20):
        chunk = ordered[start:start + 20]
        span = f"{chunk[0].title[0]} bis {chunk[-1].title[0]}"
        yield Page(host=PORTAL, path=f"de/leistungen/{start // 20 + 1}",
                   title=f"Leistungen von {span}", body=link_list([_teaser(s.key) for s in chunk]),
                   category="Leistungen A–Z", content=f"hub:az{start // 20 + 1}",
                   answer=f"hub:az{start // 20 + 1}", kind="hub")
    for host, title, areas in (
            (WWW, "Bürgerservice der Stadt Jena",
             ("buergerservice", "kfz", "standesamt", "steuern")),
            ("ksj.jena.de", "Kommunalservice Jena", ("ksj",)),
            ("mobilitaet.jena.de", "Mobilität in Jena", ("mobilitaet", "verkehr")),
            ("umwelt.jena.de", "Umwelt und Klima in Jena", ("umwelt",)),
            (PORTAL, "Serviceportal der Stadt Jena", ("buergerservice", "soziales", "familie"))):
        keys = [s.key for s in SERVICES if s.area in areas][:20]
        path = "de/buergerservice/" if host == WWW else ""
        yield Page(host=host, path=path, title=title, body=link_list([_teaser(k) for k in keys]),
                   category="Startseite", content=f"hub:start-{host}", answer=f"hub:start-{host}",
                   kind="hub")


def staff_pages() -> Iterator[Page]:
    """One "Ansprechpartner" page per office with staff: the contact block alone."""
    for office in OFFICES.values():
        if not office.staff:
            continue
        host = office.host
        path = (f"{office.www_path}/ansprechpartner" if host == WWW
                else f"de/ansprechpartner-{office.key}")
        body = para(f"So erreichen Sie den {office.unit}.") + contact_block(office)
        yield Page(host=host, path=path, title=f"Ansprechpartner {office.name}", body=body,
                   category=office.category, content=f"staff:{office.key}",
                   answer=f"staff:{office.key}", kind="staff")
