#!/usr/bin/env node
// dd-profiler-lint: checks Datadog profiler settings in files and directories. Run with --help.
// Runs the self-contained bundle (scripts/bundle.mjs), so an installed package needs no dependencies.
const { run } = await import('../dist/cli.mjs');
process.exitCode = await run(process.argv.slice(2));
