#!/usr/bin/env bash
set -euo pipefail
cd /app
export DD_SERVICE=setup
export DD_PROFILING_ENABLED=true
exec java -javaagent:/opt/datadog/dd-java-agent.jar -jar app.jar
