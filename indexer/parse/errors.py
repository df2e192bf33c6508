"""The one exception a parse stage raises for a page that cannot be indexed."""


class PageSkipped(Exception):
    """The page is not usable (binary, empty, not HTML); the message is the reason."""
