$ErrorActionPreference = "Stop"
$env:DD_ENV = 'staging'
$env:DD_SERVICE = 'setup'
$env:DD_PROFILING_ENABLED = 'true'
node -r dd-trace/init server.js
