"""The one exception of file extraction: the file is not indexable, with a reason."""

from indexer.parse.errors import PageSkipped


class FileSkipped(PageSkipped):
    """A document that cannot be indexed (encrypted, broken, image-only, too large, …).

    A PageSkipped, so that the page loop reports it like any page that is not indexable.
    """
