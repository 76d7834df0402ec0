/**
 * Docs that match reality: the formats tables and the pre-commit pattern are generated from the code
 * (npm run docs:generate) and checked here; the README's Neovim snippet is the file the Neovim e2e test
 * runs; every relative link and anchor in every Markdown file resolves; no doc suggests `npx` of the
 * unpublished name; and every `dd-profiler-lint` command shown in the README and docs/cli.md runs.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { HELP } from '../../server/src/cli/args.js';
import {
  FORMATS_BEGIN,
  FORMATS_END,
  formatsTable,
  NEOVIM_BEGIN,
  NEOVIM_END,
  neovimSnippet,
} from '../../server/src/cli/formatsTable.js';
import { BIN } from './runCli.js';

const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.git', '.e2e', 'fixtures']);

function markdownFiles(dir = '.'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return SKIP_DIRS.has(name) ? [] : markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** The text between two markers, blank lines dropped and table padding normalised (prettier aligns). */
function between(text: string, begin: string, end: string): string {
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from);
  assert.ok(from >= 0 && to > from, `markers ${begin} present`);
  return normalise(text.slice(from + begin.length, to));
}

function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/ *\| */g, '|')
        .replace(/-{3,}/g, '---')
        .trimEnd(),
    )
    .filter((line) => line !== '')
    .join('\n');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, duplicates numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const line of withoutCode(markdown).split('\n')) {
    const heading = /^#{1,6} +(.+?) *#*$/.exec(line)?.[1];
    if (!heading) continue;
    const slug = heading
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    result.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const match of markdown.matchAll(/<a (?:name|id)="([^"]+)"/g)) result.add(match[1] ?? '');
  return result;
}

/** Fenced code blocks and inline code removed: links shown as code are not links. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

describe('generated docs are up to date (npm run docs:generate)', () => {
  for (const file of ['README.md', 'docs/cli.md']) {
    it(`${file} lists the formats and file names detection uses`, () => {
      assert.equal(between(readFileSync(file, 'utf8'), FORMATS_BEGIN, FORMATS_END), normalise(formatsTable()));
    });
  }

  it('the README shows docs/neovim.lua, the configuration the Neovim e2e test runs', () => {
    const lua = readFileSync('docs/neovim.lua', 'utf8');
    assert.equal(between(readFileSync('README.md', 'utf8'), NEOVIM_BEGIN, NEOVIM_END), normalise(neovimSnippet(lua)));
    assert.match(readFileSync('test/e2e/nvim/lsp_test.lua', 'utf8'), /dofile\(.*docs\/neovim\.lua/);
    // What Neovim 0.7 needs: start_client alone never attaches a buffer.
    assert.match(lua, /vim\.lsp\.buf_attach_client\(args\.buf, client_id\)/);
  });
});

describe('links in every Markdown file', () => {
  const files = markdownFiles();
  it('finds the docs', () => {
    assert.ok(files.includes('README.md') && files.includes(join('docs', 'cli.md')), files.join(', '));
  });
  for (const file of files) {
    it(`relative links and anchors resolve: ${file}`, () => {
      const text = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const match of withoutCode(text).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
        const target = match[1] ?? '';
        if (/^[a-z]+:/i.test(target)) continue; // http(s), mailto: not checked offline
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
        if (!existsSync(resolved)) broken.push(`${target}: no such file`);
        else if (
          anchor !== undefined &&
          resolved.endsWith('.md') &&
          !anchors(readFileSync(resolved, 'utf8')).has(anchor)
        )
          broken.push(`${target}: no heading #${anchor} in ${relative('.', resolved)}`);
      }
      assert.deepStrictEqual(broken, []);
    });
  }
});

describe('commands the docs show', () => {
  const docs = ['README.md', 'docs/cli.md', '.pre-commit-hooks.yaml', 'action.yml'];
  const dir = mkdtempSync(join(tmpdir(), 'dd-lint-docs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('never suggest npx of the unpublished package name', () => {
    for (const text of [...docs.map((file) => readFileSync(file, 'utf8')), HELP]) {
      assert.doesNotMatch(text, /npx(?: --yes)? dd-profiler/);
    }
  });

  it('every dd-profiler-lint command line in the README and docs/cli.md runs (exit 0 or 1, not usage)', () => {
    const commands = ['README.md', 'docs/cli.md'].flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^```sh\n([\s\S]*?)^```/gm)].flatMap((block) =>
        (block[1] ?? '').split('\n').filter((line) => line.startsWith('dd-profiler-lint')),
      ),
    );
    assert.ok(commands.length >= 8, `${commands.length} commands`);
    for (const command of commands) {
      const workspace = join(dir, String(commands.indexOf(command)));
      cpSync('examples', workspace, { recursive: true });
      const args = shellWords(command.replace(/\s+#.*$/, '').replace(/\s*>.*$/, '')).slice(1);
      const run = spawnSync(process.execPath, [BIN, ...args, '--allow-empty'], { cwd: workspace, encoding: 'utf8' });
      assert.ok(run.status === 0 || run.status === 1, `${command}: exit ${run.status}\n${run.stderr}`);
    }
  });
});

/** Just enough shell: words split on spaces, single and double quotes grouping. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}
