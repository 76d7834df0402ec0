#!/usr/bin/env node
// The Datadog profiler settings language server. Usage: dd-profiler-language-server --stdio
await import('../out/server/src/lsp/main.js');
