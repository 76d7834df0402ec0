// Issue 9 asks whether tree-sitter-bash should replace the home-made shell word splitter
// (server/src/core/formats/shellWords.ts). This measures both on the same generated scripts: time to
// read every command's words (the splitter) against time to parse and walk the tree (tree-sitter),
// and how each copes with text being typed (an unclosed quote, a dangling `$(`, a lone `\`).
// Run: npm run build --silent && node test/bench/shellParsers.mjs
import { performance } from 'node:perf_hooks';
import { createRandom } from './gen.mjs';
import { median } from './stats.mjs';

const OUT = new URL('../../out/server/src/', import.meta.url);
const { splitShellLine } = await import(new URL('core/formats/shellWords.js', OUT).href);
const { loadGrammars, syntax } = await import(new URL('node/treeSitter.js', OUT).href);
const { walkTree } = await import(new URL('core/formats/syntaxTree.js', OUT).href);
await loadGrammars(['bash']);

/** A script of `lines` lines: exports, docker/java command lines with continuations, comments. */
export function shellScript(lines, seed = 9) {
  const random = createRandom(seed + lines);
  const out = ['#!/bin/sh', 'set -eu'];
  while (out.length < lines) {
    const pick = random.int(0, 4);
    if (pick === 0) out.push(`export DD_SERVICE_${out.length}="svc-${random.int(1, 99)}" # service`);
    else if (pick === 1) out.push(`APP_OPTS='-Xmx${random.int(1, 8)}g' && echo "$APP_OPTS"`);
    else if (pick === 2)
      out.push(
        `docker run -d \\`,
        `  -e DD_ENV=prod -e DD_PROFILING_ENABLED=true \\`,
        `  --name app${out.length} img:1`,
      );
    else if (pick === 3) out.push(`java -javaagent:/dd/dd-java-agent.jar -Ddd.profiling.enabled=true -jar app.jar`);
    else out.push(`if [ -n "\${DD_API_KEY:-}" ]; then echo "$(date) ok"; fi`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

function splitAll(text) {
  let words = 0;
  for (let at = 0; at < text.length;) {
    const line = splitShellLine(text, at);
    words += line.words.length;
    at = line.end + 1;
  }
  return words;
}

function treeAll(text) {
  return syntax('bash', text, (root) => {
    let words = 0;
    walkTree(root, (node) => {
      if (node.type === 'word' || node.type === 'string' || node.type === 'raw_string') words++;
    });
    return { words, errors: root.hasError };
  });
}

function time(fn, runs = 7) {
  fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

const rows = [];
for (const lines of [1_000, 10_000, 100_000]) {
  const text = shellScript(lines);
  rows.push({ lines, splitterMs: time(() => splitAll(text)), treeSitterMs: time(() => treeAll(text)) });
}
console.log('| lines | splitter (ms) | tree-sitter-bash parse + walk (ms) | ratio |');
console.log('| ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const ratio = (r.treeSitterMs / r.splitterMs).toFixed(1);
  console.log(`| ${r.lines} | ${r.splitterMs.toFixed(1)} | ${r.treeSitterMs.toFixed(1)} | ${ratio}x |`);
}

// Half-typed text: what each still reads on the line after the damage.
const damaged = {
  'unclosed quote': 'export DD_ENV="prod\nexport DD_SERVICE=api\n',
  'dangling $(': 'export DD_ENV=$(cat\nexport DD_SERVICE=api\n',
  'lone backslash': 'export DD_ENV=prod \\\n\nexport DD_SERVICE=api\n',
};
console.log('\n| half-typed input | splitter sees DD_SERVICE | tree-sitter sees DD_SERVICE as its own command |');
console.log('| --- | --- | --- |');
for (const [name, text] of Object.entries(damaged)) {
  const second = text.indexOf('export DD_SERVICE');
  const split = [];
  for (let at = 0; at < text.length; ) {
    const line = splitShellLine(text, at);
    split.push(...line.words.map((w) => w.value));
    at = line.end + 1;
  }
  const own = syntax('bash', text, (root) => {
    let found = false;
    walkTree(root, (node) => {
      if (node.type === 'declaration_command' && node.startIndex === second) found = true;
    });
    return found;
  });
  console.log(`| ${name} | ${split.includes('DD_SERVICE=api')} | ${own} |`);
}
