# syntax=docker/dockerfile:1
# One image for every role of a deployment (docs/deploy.md): the default command serves the web app under
# gunicorn; `foia scheduler` runs the release scheduler and `foia migrate` the database migrations.
#
# Base images are pinned by a precise version tag AND the digest of its multi-platform index, so a rebuild
# gets the same bytes; update both together, deliberately (docs/deploy.md, "Updating the image").

# --- 1. the public pages' CSS and JavaScript (GOV.UK Frontend from the npm lock file) ---------------------
FROM node:20.19.5-bookworm-slim@sha256:9e70124bd00f47dd023e349cd587132ae61892acc0e47ed641416c3e18f401c3 AS assets
WORKDIR /src
COPY service/frontend/ service/frontend/
RUN bash service/frontend/build.sh /src/build/frontend

# --- 2. Python dependencies, the project (editable, so templates/ and migrations/ resolve from /app) and
#        the spaCy model, installed by hash from requirements/model.txt: nothing is fetched at run time ----
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY pyproject.toml README.md ./
COPY redaction/ redaction/
COPY service/ service/
COPY scheduler/ scheduler/
COPY requirements/ requirements/
RUN pip install --quiet "pip>=24,<27" && pip install --quiet -c requirements/constraints.txt -e .
RUN pip install --quiet --no-deps --require-hashes -r requirements/model.txt

# --- 3. the image: no compilers, no npm, a user without a login and without root --------------------------
FROM python:3.11.14-slim-bookworm@sha256:65a93d69fa75478d554f4ad27c85c1e69fa184956261b4301ebaf6dbb0a3543d
# The verifier reads every output with poppler's pdftotext and OCRs pictures with tesseract: without them
# every redaction is refused (fail closed), so they are part of the image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends poppler-utils tesseract-ocr tesseract-ocr-eng \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 foia \
    && useradd --system --uid 10001 --gid foia --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin foia \
    && mkdir -p /data && chown foia:foia /data
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    FOIA_ENV=production \
    FOIA_DATA_DIR=/data \
    FOIA_LOG_FORMAT=json \
    FOIA_LOG_LEVEL=INFO
COPY --from=python /opt/venv /opt/venv
COPY --from=python /app /app
COPY templates/ /app/templates/
COPY migrations/ /app/migrations/
COPY --from=assets /src/build/frontend/assets /app/build/frontend/assets
WORKDIR /app
USER foia
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["foia", "healthcheck", "http://127.0.0.1:8000/healthz"]
CMD ["foia", "web", "--host", "0.0.0.0", "--port", "8000"]
