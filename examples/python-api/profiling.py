"""Starts the profiler by hand, for the worker processes that do not run under ddtrace-run."""
from ddtrace.profiling import Profiler

prof = Profiler(
    env="prod",
    service="api",
    version="3.1.0",
    url="http://datadog-agent:8126",
)
prof.start()
