/**
 * IIS `web.config` / `applicationHost.config`: the settings go inside the existing
 * `<environmentVariables>` of `<aspNetCore>` (or of an application pool), as sibling elements at the
 * siblings' indentation; an `<aspNetCore>` without one gets it. An empty file gets the minimal
 * ASP.NET Core skeleton. A file with neither is refused: classic ASP.NET reads no variables from it.
 */
import { parse } from '@xml-tools/parser';
import { buildAst, type XMLElement } from '@xml-tools/ast';
import type { TextEdit } from 'vscode-languageserver-types';
import { renderValue } from '../../rules/fixes.js';
import { indentOf, indentUnit, insertLines, lineAfter } from './text.js';
import type { Entry, FormatInput, FormatPlanner } from './types.js';

function root(text: string): XMLElement | undefined {
  const { cst, tokenVector, lexErrors, parseErrors } = parse(text);
  if (lexErrors.length > 0 || parseErrors.length > 0) return undefined;
  return buildAst(cst as Parameters<typeof buildAst>[0], tokenVector).rootElement ?? undefined;
}

function find(element: XMLElement | undefined, test: (e: XMLElement) => boolean): XMLElement | undefined {
  if (!element) return undefined;
  if (test(element)) return element;
  for (const child of element.subElements) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** Where the variables go: `<aspNetCore>` first, else an application pool's `<environmentVariables>`. */
function container(text: string): { element: XMLElement; child: string } | undefined {
  const tree = root(text);
  const aspNetCore = find(tree, (e) => e.name === 'aspNetCore');
  if (aspNetCore) return { element: aspNetCore, child: 'environmentVariable' };
  const pool = find(tree, (e) => e.name === 'environmentVariables' && (e.parent as XMLElement).name === 'add');
  return pool ? { element: pool, child: 'add' } : undefined;
}

export const xmlConfigPlanner: FormatPlanner = {
  runtimes: ['dotnet'],
  surface: 'env',
  platform: 'iis',
  targets(input) {
    const found = input.text.trim() === '' ? undefined : container(input.text);
    return [
      {
        scope: found ? scopeOf(found.element) : 'iis:site',
        label: found?.child === 'add' ? 'the application pool' : 'the site',
      },
    ];
  },
  unsupported(input) {
    if (/^servicemanifest\.xml$/i.test(input.fileName))
      return 'Enable Datadog profiling… does not edit Service Fabric manifests yet: add <EnvironmentVariable> elements to the code package by hand (completion lists the names).';
    if (input.text.trim() === '') return undefined;
    if (!root(input.text)) return 'The file is not well-formed XML; fix the parse error first.';
    return container(input.text)
      ? undefined
      : 'The file has no <aspNetCore> element: an IIS site without ASP.NET Core Module reads the profiler settings from the machine or app pool environment, not from web.config.';
  },
  insert(input, _target, entries): TextEdit[] | string {
    const unit = indentUnit(input.text);
    const found = container(input.text);
    if (!found)
      return [insertLines(input.text, input.index, input.index.lineCount, skeleton(entries, unit), input.eol)];
    const variables = (indent: string): string[] => entries.map((e) => `${indent}${variable(found.child, e)}`);
    const { element } = found;
    if (element.name === 'environmentVariables') return insertInto(input, element, unit, variables);
    const existing = element.subElements.find((e) => e.name === 'environmentVariables');
    if (existing) return insertInto(input, existing, unit, variables);
    return insertInto(input, element, unit, (indent) => [
      `${indent}<environmentVariables>`,
      ...variables(indent + unit),
      `${indent}</environmentVariables>`,
    ]);
  },
};

/** The scope the extractor gives settings here: the enclosing `<location>` or application pool, else the site. */
function scopeOf(element: XMLElement): string {
  for (let node: XMLElement | undefined = element; node?.type === 'XMLElement'; node = node.parent as XMLElement) {
    const attribute = (key: string): string => node?.attributes.find((a) => a.key === key)?.value ?? '';
    if (node.name === 'location') return `iis:location/${attribute('path')}`;
    if (node.name === 'add' && (node.parent as XMLElement).name === 'applicationPools')
      return `iis:appPool/${attribute('name')}`;
  }
  return 'iis:site';
}

function variable(tag: string, e: Entry): string {
  return `<${tag} name="${renderValue(e.name, 'xmlAttribute')}" value="${renderValue(e.value, 'xmlAttribute')}" />`;
}

/** Adds child lines to an element: after its last child, before its closing tag, or opening a self-closing one. */
function insertInto(
  input: FormatInput,
  element: XMLElement,
  unit: string,
  lines: (indent: string) => string[],
): TextEdit[] | string {
  const { text, index, eol } = input;
  const own = indentOf(text, index, index.positionAt(element.position.startOffset).line);
  const last = element.subElements[element.subElements.length - 1];
  if (last) {
    const first = element.subElements[0]!;
    const indent = indentOf(text, index, index.positionAt(first.position.startOffset).line);
    return [insertLines(text, index, lineAfter(text, index, last.position.endOffset + 1), lines(indent), eol)];
  }
  const close = element.syntax.closeBody;
  const open = element.syntax.openBody;
  if (close && open) {
    const closeLine = index.positionAt(close.startOffset).line;
    if (
      text.slice(index.lineStart(closeLine), close.startOffset).trim() === '' &&
      closeLine > index.positionAt(open.endOffset).line
    )
      return [insertLines(text, index, closeLine, lines(own + unit), eol)];
    const range = index.rangeOf(open.endOffset + 1, close.startOffset);
    return [{ range, newText: eol + lines(own + unit).join(eol) + eol + own }];
  }
  if (element.syntax.isSelfClosing && open) {
    let at = open.endOffset - 1; // the `/` of `/>`
    while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
    const range = index.rangeOf(at, open.endOffset + 1);
    return [{ range, newText: `>${eol}${lines(own + unit).join(eol)}${eol}${own}</${element.name}>` }];
  }
  return `The <${element.name}> element is incomplete; fix the XML first.`;
}

function skeleton(entries: readonly Entry[], unit: string): string[] {
  const i = (n: number): string => unit.repeat(n);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    `${i(1)}<system.webServer>`,
    `${i(2)}<aspNetCore processPath="dotnet" arguments=".\\app.dll" hostingModel="inprocess">`,
    `${i(3)}<environmentVariables>`,
    ...entries.map((e) => `${i(4)}${variable('environmentVariable', e)}`),
    `${i(3)}</environmentVariables>`,
    `${i(2)}</aspNetCore>`,
    `${i(1)}</system.webServer>`,
    '</configuration>',
  ];
}
