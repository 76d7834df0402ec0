#!/bin/sh
# Starts the orders service outside Docker (used on the legacy VM fleet).
set -e
export DD_SERVICE=orders
export DD_ENV="${DEPLOY_ENV:-staging}"
export DD_PROFILING_ENABLED=true
export DD_PROFILING_UPLOAD_PERIOD=60
exec java -Xmx2g -jar /opt/orders/orders.jar -javaagent:/opt/datadog/dd-java-agent.jar --server.port=8080
