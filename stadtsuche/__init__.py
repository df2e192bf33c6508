"""What the parts of Stadtsuche share: the one settings loader (``stadtsuche.settings``)."""
