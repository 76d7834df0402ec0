#!/bin/sh
# Sourced by catalina.sh before Tomcat starts: JVM options go in CATALINA_OPTS.
CATALINA_OPTS="$CATALINA_OPTS -Xms512m -Xmx2g"
CATALINA_OPTS="$CATALINA_OPTS -Ddd.profiling.enabled=true -Ddd.profiling.allocation.enabled=true"
export CATALINA_OPTS
