#!/usr/bin/env bash
set -euo pipefail
cd /app
exec java -javaagent:/opt/datadog/dd-java-agent.jar -jar app.jar
