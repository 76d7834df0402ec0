#!/usr/bin/env node
// dd-profiler-lint: checks Datadog profiler settings in files and directories. Run with --help.
const { run } = await import('../out/server/src/cli/main.js');
process.exitCode = await run(process.argv.slice(2));
