"""News and press releases, council matters and session calendars, plans, defect reports."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

from tools.sample_web.council import MATTERS, PLANS
from tools.sample_web.model import Page
from tools.sample_web.news import SINGLE, YEARLY, News
from tools.sample_web.render import items, link_list, para, section, table
from tools.sample_web.reports import REPORTS

LOCAL = ZoneInfo("Europe/Berlin")
LAST_YEAR = 2026
_PRESS = ("Pressestelle der Stadt Jena · Telefon 03641 49-2005 · presse@jena.de · "
          "Abdruck honorarfrei")


def _published(day: str) -> str:
    """Ten in the morning in Jena on ``day``, with its offset, as the press office stamps it."""
    moment = datetime.fromisoformat(day).replace(hour=10, tzinfo=LOCAL)
    return moment.isoformat()


def _german(day: str) -> str:
    y, m, d = day.split("-")
    return f"{d}.{m}.{y}"


def slug(text: str) -> str:
    """Lower-case ASCII-ish path segment."""
    table_ = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-", ".": "",
                            "/": "-", "„": "", "“": "", "\"": "", ",": "", "–": "-"})
    out = text.lower().translate(table_)
    return "-".join(p for p in "".join(c if c.isalnum() or c == "-" else "-" for c in out)
                    .split("-") if p)


def _news_page(item: News, host: str, path: str, number: int) -> Page:
    body = para(*item.paragraphs) + (para(_PRESS) if host == "www.jena.de" else "")
    return Page(host=host, path=path, title=item.title, body=body, category="Aktuelles",
                content=f"news:{item.key}", answer=f"news:{item.key}", kind="news",
                published=_published(item.day),
                description="" if number % 2 else item.paragraphs[0])


def news_pages() -> Iterator[Page]:
    """Single news on their host; the rathaus ones mirrored on www.jena.de; yearly items."""
    for number, item in enumerate(_all_news()):
        year = item.day[:4]
        www_path = f"de/aktuelles/pressemitteilungen/{year}/{612000 + number * 11}"
        if item.host == "www.jena.de":
            yield _news_page(item, item.host, www_path, number)
            continue
        yield _news_page(item, item.host, f"de/aktuelles/{item.key}", number)
        if item.host == "rathaus.jena.de":
            yield _news_page(item, "www.jena.de", www_path, number)


def _all_news() -> Iterator[News]:
    yield from SINGLE
    for y in YEARLY:
        for year in range(y.first_year, LAST_YEAR + 1):
            day = f"{year + y.offset}-{y.month_day}"
            values = {"year": year, "next": year + 1, "stands": 60 + (year * 7) % 25,
                      "volume": 480 + (year - 2010) * 18, "km": 90000 + (year - 2015) * 14500,
                      "cars": 30 + year % 7}
            yield News(f"{y.key}-{year}", y.host, day, y.title.format(**values),
                       (y.text.format(**values),))


def council_pages() -> Iterator[Page]:
    """Council matters and the yearly session calendars (which have no date of their own)."""
    for m in MATTERS:
        body = (para(f"Beschlussvorlage Nr. {m.number}",
                     f"Sitzung des Stadtrates am {_german(m.day)}")
                + section("Inhalt", para(m.summary)) + section("Ergebnis", para(m.outcome)))
        yield Page(host="rathaus.jena.de", path=f"de/stadtrat/beschluesse/{slug(m.number)}",
                   title=f"{m.number}: {m.title}", body=body, category="Stadtrat",
                   content=f"council:{m.number}", answer=f"council:{m.number}", kind="council",
                   published=_published(m.day))
    for year in range(2010, LAST_YEAR + 1):
        rows = []
        for month in range(1, 13):
            if month in (7, 8):
                continue
            weeks = calendar.monthcalendar(year, month)
            wednesdays = [w[2] for w in weeks if w[2]]
            rows.append((f"{wednesdays[2]:02d}.{month:02d}.{year}", "17:00 Uhr", "Rathaussaal"))
        body = para(f"Die öffentlichen Sitzungen des Stadtrates im Jahr {year}. In den "
                    "Sommerferien tagt der Stadtrat nicht.")
        body += table(("Datum", "Beginn", "Ort"), rows)
        yield Page(host="rathaus.jena.de", path=f"de/stadtrat/sitzungskalender-{year}",
                   title=f"Sitzungskalender des Stadtrates {year}", body=body, category="Stadtrat",
                   content=f"calendar:{year}", answer=f"calendar:{year}", kind="council")


_PLAN_NOTE = ("Die Unterlagen zum Herunterladen dienen nur der Information. Verbindlich ist "
              "allein die Ausfertigung des Plans, die beim Fachdienst Stadtplanung eingesehen "
              "werden kann.")


def plan_pages() -> Iterator[Page]:
    """Each plan on rathaus.jena.de; every second one also on vorhaben.jena.de; four in English."""
    for i, plan in enumerate(PLANS):
        title = f"Bebauungsplan {plan.code} „{plan.name}“"
        body = (section("Verfahren", items([f"{step}: {day}" for step, day in plan.steps]))
                + section("Planinhalt", para(f"Das Plangebiet liegt im Ortsteil {plan.district}.",
                                             plan.aim))
                + section("Wichtiger Hinweis", para(_PLAN_NOTE)))
        base = dict(title=title, body=body, category="Planen und Bauen",
                    content=f"plan:{plan.code}", answer=f"plan:{plan.code}", kind="plan")
        path = f"de/bebauungsplan-{slug(plan.code)}-{slug(plan.name)}"
        yield Page(host="rathaus.jena.de", path=path, **base)
        if i % 2 == 0:
            yield Page(host="vorhaben.jena.de", path=f"de/{765900 + i * 13}", **base)
        if i < 4:
            yield Page(host="rathaus.jena.de", path=f"en/development-plan-{slug(plan.code)}",
                       title=f"Development plan {plan.code} ({plan.district})", body=body,
                       category="Planning and building", content=f"plan:{plan.code}", answer=None,
                       kind="language-copy", lang="en")


def report_pages() -> Iterator[Page]:
    """Each defect report, one list per category, and the help page."""
    categories: dict[str, list[tuple[str, str, str]]] = {}
    for r in REPORTS:
        answer = para(f"Antwort der Stadt: {r.answer}") if r.answer else ""
        body = (para(f"Meldung Nr. {r.number}", f"Erstellt am {_german(r.day)}",
                     f"Kategorie: {r.category}", f"Ort: {r.place}")
                + section("Beschreibung", para(r.text)) + section("Status", para(r.status))
                + answer)
        page = Page(host="maengelmelder.jena.de", path=f"meldung/{r.number}",
                    title=f"{r.category}: {r.place}", body=body, category="Meldungen",
                    content=f"report:{r.number}", answer=f"report:{r.number}", kind="report")
        categories.setdefault(r.category, []).append((page.url, page.title, r.text))
        yield page
    for name, links in categories.items():
        yield Page(host="maengelmelder.jena.de", path=f"kategorie/{slug(name)}",
                   title=f"Meldungen in der Kategorie {name}", body=link_list(links),
                   category="Kategorien", content=f"hub:kat-{slug(name)}",
                   answer=f"hub:kat-{slug(name)}", kind="hub")
    yield Page(host="maengelmelder.jena.de", path="hilfe",
               title="So funktioniert der Mängelmelder",
               body=para("Über den Mängelmelder teilen Sie der Stadt Schäden und Missstände im "
                         "öffentlichen Raum mit: Schlaglöcher, defekte Straßenlampen, wilden "
                         "Müll, kaputte Spielgeräte oder umgestürzte Bäume.",
                         "Wählen Sie eine Kategorie, setzen Sie einen Punkt auf der Karte und "
                         "beschreiben Sie den Mangel. Ein Foto hilft. Eine Anmeldung ist nicht "
                         "nötig; mit E-Mail-Adresse erhalten Sie Nachricht, wenn sich der Status "
                         "ändert.",
                         "Jede Meldung hat einen von drei Zuständen: gemeldet, in Bearbeitung, "
                         "geschlossen. In Notfällen rufen Sie bitte die Feuerwehr oder die "
                         "Polizei."),
               category="Hilfe", content="page:maengelmelder-hilfe",
               answer="page:maengelmelder-hilfe", kind="topic")


_TOPICS = (
    ("rathaus.jena.de", "de/stadtrat/", "Der Stadtrat", "Stadtrat",
     ("Der Stadtrat ist die gewählte Vertretung der Einwohnerinnen und Einwohner. Er hat 46 "
      "Mitglieder und den Oberbürgermeister als Vorsitzenden.",
      "Die Sitzungen sind öffentlich und werden im Internet übertragen. In der "
      "Einwohnerfragestunde zu Beginn jeder Sitzung können Sie Fragen stellen.")),
    ("rathaus.jena.de", "de/oberbuergermeister", "Der Oberbürgermeister", "Rathaus",
     ("Der Oberbürgermeister leitet die Stadtverwaltung und vertritt die Stadt nach außen. Er "
      "wird für sechs Jahre direkt gewählt.",
      "Bürgersprechstunden finden einmal im Monat im Historischen Rathaus statt; eine Anmeldung "
      "im Büro des Oberbürgermeisters ist nötig.")),
    ("rathaus.jena.de", "de/ortsteilraete", "Ortsteilräte", "Stadtrat",
     ("In den Ortsteilen wählen die Einwohnerinnen und Einwohner Ortsteilräte und eine "
      "Ortsteilbürgermeisterin oder einen Ortsteilbürgermeister.",
      "Die Ortsteilräte werden zu Bauvorhaben und Straßenplanungen im Ortsteil gehört.")),
    ("rathaus.jena.de", "de/beteiligung/einwohnerantrag", "Einwohnerantrag und Bürgerbegehren",
     "Beteiligung",
     ("Mit einem Einwohnerantrag können Einwohnerinnen und Einwohner ab 14 Jahren den Stadtrat "
      "zwingen, sich mit einem Thema zu befassen. Nötig sind Unterschriften von einem Prozent der "
      "Einwohner.",
      "Mit einem Bürgerbegehren kann ein Bürgerentscheid über eine Frage erreicht werden.")),
    ("vorhaben.jena.de", "", "Vorhabenliste der Stadt Jena", "Startseite",
     ("Die Vorhabenliste zeigt Bauprojekte, Planungen und Konzepte, zu denen sich Bürgerinnen "
      "und Bürger beteiligen können.",
      "Zu jedem Vorhaben finden Sie den Stand, die nächsten Schritte und eine Ansprechperson.")),
    ("maengelmelder.jena.de", "", "Mängelmelder der Stadt Jena", "Startseite",
     ("Schäden melden, Meldungen verfolgen: Hier sehen Sie alle Meldungen auf der Karte.",
      "Seit 2018 wurden über 12.000 Mängel gemeldet.")),
    ("rathaus.jena.de", "", "Rathaus Jena", "Startseite",
     ("Informationen aus dem Rathaus: Stadtrat, Beschlüsse, Bebauungspläne, Pressemitteilungen "
      "und Beteiligung.",)),
)


def topic_pages() -> Iterator[Page]:
    """A few pages of their own on the council and participation, and the remaining start pages."""
    for host, path, title, category, texts in _TOPICS:
        key = f"page:{host.split('.')[0]}-{slug(path) or 'start'}"
        yield Page(host=host, path=path, title=title, body=para(*texts), category=category,
                   content=key, answer=key, kind="topic")
