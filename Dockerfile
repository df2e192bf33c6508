# Image for the web app and the indexer (Solr runs from the official image).
FROM python:3.11.13-slim-bookworm
WORKDIR /srv/stadtsuche
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY indexer ./indexer
COPY webapp ./webapp
COPY stadtsuche ./stadtsuche
COPY solrclient ./solrclient
COPY solrlauncher ./solrlauncher
COPY sample-site ./sample-site
# The app splits the visitor's compounds with the configset's own dictionary files.
COPY solr-config/conf/lang ./solr-config/conf/lang
COPY quality/golden_queries.json ./quality/golden_queries.json
RUN pip install --no-cache-dir . && useradd --system --home /srv/stadtsuche stadtsuche \
    && mkdir -p /var/lib/stadtsuche && chown stadtsuche /var/lib/stadtsuche
USER stadtsuche
EXPOSE 5000
