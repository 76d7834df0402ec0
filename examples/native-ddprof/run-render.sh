#!/bin/bash
# Native profiling of the render worker with ddprof.
export DD_ENV=prod
export DD_SERVICE=render
exec ./ddprof --environment prod --service render --service_version 0.9.4 --log_mode disabled ./render --threads 8
