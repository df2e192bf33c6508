def init_admin(app):
    """Register the admin area."""
    return None
