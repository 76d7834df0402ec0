#!/usr/bin/env node
// The Datadog profiler settings language server. Usage: dd-profiler-language-server --stdio
// Runs the self-contained bundle (scripts/bundle.mjs), so an installed package needs no dependencies.
await import('../dist/server.mjs');
