/**
 * The edits that insert a suppression directive (see suppressions.ts) in a format's comment syntax:
 * one above the finding's line, or one at the top of the file, after whatever must stay first
 * (a shebang, Dockerfile parser directives, an XML declaration).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex.js';
import type { FormatId } from '../types.js';
import { DIRECTIVE } from './suppressions.js';
import { logicalLineStarts } from './logicalLines.js';

const COMMENT: Readonly<Record<FormatId, (body: string) => string>> = {
  dockerfile: (b) => `# ${b}`,
  dotenv: (b) => `# ${b}`,
  yaml: (b) => `# ${b}`,
  ruby: (b) => `# ${b}`,
  shell: (b) => `# ${b}`,
  makefile: (b) => `# ${b}`,
  powershell: (b) => `# ${b}`,
  phpIni: (b) => `; ${b}`,
  batch: (b) => `REM ${b}`,
  xmlConfig: (b) => `<!-- ${b} -->`,
  go: (b) => `// ${b}`,
  javascript: (b) => `// ${b}`,
  python: (b) => `# ${b}`,
  json: (b) => `// ${b}`,
  systemd: (b) => `# ${b}`,
  javaProperties: (b) => `# ${b}`,
  terraform: (b) => `# ${b}`,
  nomad: (b) => `# ${b}`,
  jenkinsfile: (b) => `// ${b}`,
};

/**
 * Whether a suppression comment can be written in the file: strict JSON (an ECS task definition, App
 * Service settings) has no comments, and one would break the file; launchSettings.json allows them.
 */
export function commentsAllowed(format: FormatId, fileName: string): boolean {
  return format !== 'json' || /^launchsettings\.json$/i.test(fileName);
}

/** Lines that must stay at the very top of a file. */
const MUST_LEAD = /^(\uFEFF)?(#!|#\s*(escape|syntax|check)\s*=|<\?xml|%YAML)/i;

/** `findingLine` is `undefined` for a finding that only "in this file" can silence (see codeActions.ts). */
export function suppressionEdits(
  text: string,
  index: LineIndex,
  format: FormatId,
  code: string,
  findingLine: number | undefined,
  starts: readonly number[] = logicalLineStarts(text.split(/\r\n|\r|\n/), format === 'xmlConfig'),
) {
  const comment = COMMENT[format];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  // Above the whole command or start tag the finding is in: a comment cannot go inside either.
  const line = findingLine === undefined ? undefined : (starts[findingLine] ?? findingLine);
  const lineText = line === undefined ? '' : text.slice(index.lineStart(line), index.lineEnd(line));
  const indent = /^[ \t]*/.exec(lineText.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const at = (l: number) => ({ line: l, character: l === 0 && text.startsWith('\uFEFF') ? 1 : 0 });
  let top = 0;
  while (top < index.lineCount - 1 && MUST_LEAD.test(text.slice(index.lineStart(top), index.lineEnd(top)))) top++;
  const edits: { title: string; edit: TextEdit }[] = [];
  if (line !== undefined) {
    edits.push({
      title: `Ignore ${code} on this line`,
      edit: {
        range: { start: at(line), end: at(line) },
        newText: `${indent}${comment(`${DIRECTIVE} ignore ${code}`)}${eol}`,
      },
    });
  }
  edits.push({
    title: `Ignore ${code} in this file`,
    edit: {
      range: { start: at(top), end: at(top) },
      newText: `${comment(`${DIRECTIVE} ignore-file ${code}`)}${eol}`,
    },
  });
  return edits;
}
