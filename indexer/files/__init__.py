"""Documents the city publishes (PDF, DOCX, ODT) as search documents.

RawPage (file bytes) -> kinds.detect -> extract in a bounded worker process -> Extracted ->
document.file_page -> ParsedPage with FileFacts. A file that cannot be used raises FileSkipped
with a German reason; the run goes on. See indexer/README.md ("Documents").
"""

from indexer.files.errors import FileSkipped
from indexer.files.kinds import looks_like_document

__all__ = ["FileSkipped", "looks_like_document"]
