"""Measure PDF and office text extractors on the sample site's German documents.

    .venv/bin/pip install pypdf pdfminer.six      # the candidates that are not dependencies
    .venv/bin/python tools/compare_extractors.py  # prints the tables of indexer/README.md

Quality is measured against the texts the documents were written from
(tools/sample_document_texts.py), after the indexer's own clean-up (indexer/files/text.py):
word recall, recall of words with ä/ö/ü/ß, compound words that were hyphenated at a line end,
and the reading order of the two-column gazettes. Speed is milliseconds per page on a
generated 240-page German PDF; memory is the peak resident size of a fresh process that
extracts that file (the import alone is reported separately).
"""

from __future__ import annotations

import difflib
import io
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.etree

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tools")]

from sample_document_texts import DOCUMENTS, SHY  # noqa: E402

from indexer.files.text import clean_extracted  # noqa: E402

SITE = REPO / "sample-site"
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
UMLAUT = re.compile(r"[äöüÄÖÜß]")


def pdfium_text(body: bytes) -> tuple[str, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(body)
    parts = []
    for index in range(len(pdf)):
        page = pdf[index]
        textpage = page.get_textpage()
        parts.append(textpage.get_text_bounded())
        textpage.close()
        page.close()
    count = len(pdf)
    pdf.close()
    return "\f".join(parts), count


def pypdf_text(body: bytes) -> tuple[str, int]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(body))
    return "\f".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def pdfminer_text(body: bytes) -> tuple[str, int]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    pages = sum(1 for _ in PDFPage.get_pages(io.BytesIO(body)))
    return extract_text(io.BytesIO(body)), pages


PDF_EXTRACTORS: dict[str, Callable[[bytes], tuple[str, int]]] = {
    "pypdfium2": pdfium_text, "pypdf": pypdf_text, "pdfminer.six": pdfminer_text}


def expected_words(doc) -> list[str]:
    text = doc.heading + " " + " ".join(t + " " + " ".join(ps) for t, ps in doc.sections)
    return WORD.findall(text.replace(SHY, ""))


def hyphenated(doc) -> list[str]:
    text = " ".join(" ".join(ps) for _, ps in doc.sections)
    return [w.replace(SHY, "") for w in re.findall(r"\w*" + SHY + r"[\w" + SHY + "]*", text)]


def quality(name: str) -> dict[str, float]:
    extract = PDF_EXTRACTORS[name]
    found = missing = umlaut_found = umlaut_total = joined = joined_raw = compounds = 0
    order: list[float] = []
    for doc in (d for d in DOCUMENTS if d.kind == "pdf"):
        raw, _ = extract((SITE / doc.path).read_bytes())
        words = Counter(WORD.findall(clean_extracted(raw)))
        raw_words = set(WORD.findall(raw))
        want = expected_words(doc)
        for word, count in Counter(want).items():
            hit = min(count, words.get(word, 0))
            found += hit
            missing += count - hit
            if UMLAUT.search(word):
                umlaut_found += hit
                umlaut_total += count
        for word in hyphenated(doc):
            compounds += 1
            joined += word in words
            joined_raw += word in raw_words
        if doc.layout == "columns":
            got = WORD.findall(clean_extracted(raw))
            order.append(difflib.SequenceMatcher(None, want, got, autojunk=False).ratio())
    return {"recall": found / (found + missing), "umlaut": umlaut_found / umlaut_total,
            "hyphen": joined / compounds, "hyphen_raw": joined_raw / compounds,
            "order": statistics.mean(order)}


def big_pdf(path: Path, pages: int = 240) -> None:
    """A long German two-column PDF made of the sample texts."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    pdf.set_font("DejaVu", "", 9)
    texts = [p for d in DOCUMENTS for _, ps in d.sections for p in ps]
    while pdf.pages_count < pages:
        pdf.add_page()
        with pdf.text_columns(ncols=2, gutter=8) as cols:
            for text in texts[: 18]:
                cols.write(text + "\n\n")
        texts = texts[18:] + texts[:18]
    pdf.output(str(path))


def speed(name: str, body: bytes) -> float:
    times = []
    for _ in range(3):
        started = time.perf_counter()
        _, pages = PDF_EXTRACTORS[name](body)
        times.append((time.perf_counter() - started) * 1000 / pages)
    return statistics.median(times)


def memory(name: str, path: Path) -> tuple[float, float]:
    """Peak RSS in MB of a fresh process: after import, and after extracting ``path``."""
    out = subprocess.run([sys.executable, __file__, "--memory", name, str(path)],
                         capture_output=True, text=True, check=True)
    data = json.loads(out.stdout)
    return data["imported"], data["peak"]


def _memory_child(name: str, path: str) -> None:
    body = Path(path).read_bytes()
    module = {"pypdfium2": "pypdfium2", "pypdf": "pypdf", "pdfminer.six": "pdfminer.high_level"}
    __import__(module[name])
    imported = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    PDF_EXTRACTORS[name](body)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"imported": imported, "peak": peak}))


# ---- office files: the libraries against plain zipfile + lxml -------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def docx_library(body: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(body)).paragraphs)


def docx_stdlib(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        root = lxml.etree.fromstring(archive.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))


def odt_library(body: bytes) -> str:
    import odfdo

    document = odfdo.Document(io.BytesIO(body))
    return "\n".join(b.text_recursive for b in document.body.xpath(
        "descendant::text:h|descendant::text:p"))


def odt_stdlib(body: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        root = lxml.etree.fromstring(archive.read("content.xml"))
    blocks = root.iter(TEXT_NS + "h", TEXT_NS + "p")
    return "\n".join("".join(b.itertext()) for b in blocks)


def big_office(kind: str, paragraphs: int = 3000) -> bytes:
    texts = [p for d in DOCUMENTS for _, ps in d.sections for p in ps]
    out = io.BytesIO()
    if kind == "docx":
        import docx

        document = docx.Document()
        for i in range(paragraphs):
            document.add_paragraph(texts[i % len(texts)].replace(SHY, ""))
        document.save(out)
    else:
        import odfdo

        document = odfdo.Document("text")
        for i in range(paragraphs):
            document.body.append(odfdo.Paragraph(texts[i % len(texts)].replace(SHY, "")))
        document.save(out)
    return out.getvalue()


def office_rows() -> list[str]:
    rows = []
    for kind, candidates in (("docx", {"python-docx": docx_library, "zipfile+lxml": docx_stdlib}),
                             ("odt", {"odfdo": odt_library, "zipfile+lxml": odt_stdlib})):
        body = big_office(kind)
        samples = [d for d in DOCUMENTS if d.kind == kind]
        for label, extract in candidates.items():
            found = total = 0
            for doc in samples:
                words = Counter(WORD.findall(extract((SITE / doc.path).read_bytes())))
                for word, count in Counter(expected_words(doc)).items():
                    found += min(count, words.get(word, 0))
                    total += count
            times = []
            for _ in range(3):
                started = time.perf_counter()
                extract(body)
                times.append(time.perf_counter() - started)
            rows.append(f"| {kind.upper()} | {label} | {found / total:.1%} | "
                        f"{statistics.median(times) * 1000:.0f} ms |")
    return rows


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "gross.pdf"
        big_pdf(big)
        body = big.read_bytes()
        print(f"PDF speed corpus: {len(body) // 1024} KB, 240 pages\n")
        print("| library | word recall | ä/ö/ü/ß words | compounds, library text | compounds, "
              "after clean-up | two-column order | ms per page | RSS after import | peak RSS |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for name in PDF_EXTRACTORS:
            q = quality(name)
            imported, peak = memory(name, big)
            print(f"| {name} | {q['recall']:.1%} | {q['umlaut']:.1%} | {q['hyphen_raw']:.1%} | "
                  f"{q['hyphen']:.1%} | "
                  f"{q['order']:.1%} | {speed(name, body):.1f} | {imported:.0f} MB | "
                  f"{peak:.0f} MB |")
    print("\n| format | reader | word recall | 3,000 paragraphs |")
    print("| --- | --- | --- | --- |")
    print("\n".join(office_rows()))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--memory":
        _memory_child(sys.argv[2], sys.argv[3])
    else:
        main()
