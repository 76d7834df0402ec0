#!/bin/bash
# Runs the Agent and the payments API on a single VM (no orchestrator).
set -euo pipefail

VERSION="${1:-latest}"

docker rm -f dd-agent payments 2>/dev/null || true

docker run -d --name dd-agent --restart unless-stopped \
  -e DD_API_KEY \
  -e DD_SITE=datadoghq.eu \
  -e DD_APM_NON_LOCAL_TRAFFIC=true \
  -e DD_PROFILING_ENABLED=true \
  -v /var/run/docker.sock:/var/run/docker.sock:ro \
  -v /proc/:/host/proc/:ro \
  -p 127.0.0.1:8126:8126 \
  gcr.io/datadoghq/agent:7

docker run -d --name payments --link dd-agent \
  -e DD_AGENT_HOST=dd-agent \
  -e DD_SERVICE=payments \
  -e DD_ENV=prod \
  -e DD_VERSION="$VERSION" \
  -e DD_PROFILING_ALLOCATION_ENABLED=true \
  -e DD_PROFILNG_ENABLED=true \
  -p 8000:8000 \
  registry.example.com/payments:"$VERSION" ddtrace-run gunicorn payments.wsgi --bind 0.0.0.0:8000
