$ErrorActionPreference = "Stop"
$env:DD_ENV = 'staging'
node -r dd-trace/init server.js
