REM Starts the reporting console app with the Datadog profiler
SET COR_ENABLE_PROFILING=1
SET COR_PROFILER={846F5F1C-F9AE-4B07-969E-05C26BC060D8}
SET DD_PROFILING_ENABLED=1 
SET DD_SERVICE=reporting
Reporting.exe
