"""Generator of the sample city web (``sample-web/``): many hosts, duplicates, language copies."""
