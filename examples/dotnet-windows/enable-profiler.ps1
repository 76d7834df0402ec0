# Enables the Datadog .NET profiler for the Billing Windows service (see the Datadog docs).
[string[]] $v = @(
    "CORECLR_ENABLE_PROFILING=1",
    "CORECLR_PROFILER={846F5F1C-F9AE-4B07-969E-05C26BC060D8}",
    "DD_PROFILING_ENABLED=1",
    "DD_SERVICE=billing",
    "DD_ENV=production",
    "DD_VERSION=1.2.3"
)
Set-ItemProperty HKLM:SYSTEM\CurrentControlSet\Services\Billing -Name Environment -Value $v
$env:DD_TRACE_AGENT_PORT = '8126'
