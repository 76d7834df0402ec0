/**
 * IIS `web.config` and `applicationHost.config` (.NET), parsed with @xml-tools/parser, an
 * error-tolerant XML parser that keeps positions, so a malformed file still gets its settings checked
 * where the parser recovered. Settings are `<environmentVariable name value>` under `<aspNetCore>`,
 * `<add name value>` under an app pool's `<environmentVariables>`, and `DD_*` keys of `<appSettings>`.
 */
import { parse } from '@xml-tools/parser';
import { buildAst, type XMLAttribute, type XMLElement } from '@xml-tools/ast';
import type { ExtractContext, ExtractResult, Finding, SettingOccurrence } from '../types.js';
import { createLineIndex, type LineIndex } from '../text/lineIndex.js';
import { readServiceManifest } from './serviceFabric.js';

export interface Xml {
  readonly text: string;
  readonly index: LineIndex;
  readonly occurrences: SettingOccurrence[];
}

export function extractXmlConfig(text: string, _ctx?: ExtractContext): ExtractResult {
  try {
    return extractParsed(text);
  } catch {
    // The parser and the tree builder recurse per element: nesting thousands deep overflows the stack.
    const at = { line: 0, character: 0 };
    const message = 'This XML file is not checked: its elements are nested too deeply for the parser.';
    return {
      occurrences: [],
      problems: [{ code: 'parse-error', severity: 'warning', message, range: { start: at, end: at } }],
      runtimeHints: [],
    };
  }
}

function extractParsed(text: string): ExtractResult {
  const index = createLineIndex(text);
  // XML reads a lone CR as a line break (XML 1.0, 2.11); the parser's lexer knows only LF and CRLF.
  // The replacement keeps every offset, so ranges still point at the source text.
  const { cst, tokenVector, lexErrors, parseErrors } = parse(text.replace(/\r(?!\n)/g, '\n'));
  const problems: Finding[] = [];
  const firstError = [
    ...lexErrors.map((e) => ({ offset: e.offset, message: e.message })),
    ...parseErrors.map((e) => ({ offset: e.token.startOffset, message: e.message })),
  ]
    .filter((e) => Number.isFinite(e.offset))
    .sort((a, b) => a.offset - b.offset)[0];
  if (firstError) {
    const at = index.rangeOf(firstError.offset, firstError.offset + 1);
    problems.push({
      code: 'parse-error',
      severity: 'error',
      message: `Malformed XML: ${withoutQuotedText(firstError.message)}. Settings after this point may not be checked.`,
      range: at,
    });
  }
  const xml: Xml = { text, index, occurrences: [] };
  const root = buildAst(cst as Parameters<typeof buildAst>[0], tokenVector).rootElement;
  if (root?.name === 'ServiceManifest') return { ...readServiceManifest(xml, root), problems };
  if (root) visit(xml, root, 'iis:site', undefined);
  const runtimeHints =
    xml.occurrences.length > 0 ? [{ runtime: 'dotnet' as const, reason: 'an IIS configuration file' }] : [];
  const osHints = [{ os: 'windows' as const, reason: 'an IIS / .NET Framework configuration file' }];
  return { occurrences: xml.occurrences, problems, runtimeHints, osHints };
}

function visit(xml: Xml, element: XMLElement, scope: string, parent: string | undefined): void {
  const name = element.name ?? '';
  let inner = scope;
  if (name === 'add' && parent === 'applicationPools') inner = `iis:appPool/${attribute(element, 'name')?.value ?? ''}`;
  if (name === 'location') inner = `iis:location/${attribute(element, 'path')?.value ?? ''}`;
  if ((name === 'environmentVariable' || name === 'add') && parent === 'environmentVariables')
    read(xml, element, 'name', scope);
  if (name === 'add' && parent === 'appSettings' && /^DD_/.test(attribute(element, 'key')?.value ?? ''))
    read(xml, element, 'key', scope);
  for (const child of element.subElements) visit(xml, child, inner, name);
}

/** How one element names its variable: the attributes, and whether the name is read case-insensitively. */
export interface XmlVariable {
  readonly key: string;
  readonly value: string;
  readonly caseInsensitive: boolean;
  /** Whether a secret here ends up inside a deployed artifact (IIS config files ship with the site). */
  readonly bakedIn: boolean;
  /** Whether the value is a reference rather than the value itself (an encrypted or secret-store value). */
  readonly reference?: boolean;
}

const IIS: Omit<XmlVariable, 'key'> = { value: 'value', caseInsensitive: true, bakedIn: true };

export function read(xml: Xml, element: XMLElement, keyAttribute: string | XmlVariable, scope: string): void {
  const names = typeof keyAttribute === 'string' ? { ...IIS, key: keyAttribute } : keyAttribute;
  const key = attribute(element, names.key);
  const keyRange = key && valueOffsets(key);
  if (!key?.value || !keyRange) return;
  const value = attribute(element, names.value);
  const valueRange = value && valueOffsets(value);
  const start = element.position.startOffset;
  const end = element.position.endOffset + 1;
  const first = xml.index.positionAt(start).line;
  const last = xml.index.positionAt(end).line;
  const decoded = value?.value !== null && value?.value !== undefined ? decodeEntities(value.value) : undefined;
  xml.occurrences.push({
    surface: 'env',
    name: decodeEntities(key.value),
    nameRange: xml.index.rangeOf(keyRange[0], keyRange[1]),
    ...(decoded !== undefined && valueRange
      ? { value: decoded, valueRange: xml.index.rangeOf(valueRange[0], valueRange[1]) }
      : {}),
    valueKind: decoded === undefined ? 'none' : names.reference || /%\w+%/.test(decoded) ? 'reference' : 'literal',
    scope,
    removalRange: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } },
    quoting: 'xmlAttribute',
    bakedIn: names.bakedIn,
    ...(names.caseInsensitive ? { caseInsensitive: true } : {}),
  });
}

export function attribute(element: XMLElement, key: string): XMLAttribute | undefined {
  return element.attributes.find((a) => a.key === key);
}

/** Offsets of an attribute value's text, inside its quotes. */
function valueOffsets(attribute: XMLAttribute): [number, number] | undefined {
  const token = attribute.syntax.value;
  return token ? [token.startOffset + 1, token.endOffset] : undefined;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Attribute values as the XML reader hands them to IIS: entities and character references decoded. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const hex = entity[1] === 'x' || entity[1] === 'X';
      const code = parseInt(entity.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Beyond U+10FFFF there is no character: the XML reader rejects it, so it is left as written.
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity] ?? whole;
  });
}

/** The parser's message without the text it found, which may be a key (`value=<key>` unquoted). */
function withoutQuotedText(message: string): string {
  return message
    .replace(/\s+/g, ' ')
    .replace(/Expecting token of type --> (\w+) <--/, 'expected $1')
    .replace(/ but found --> '.*' <--/, '')
    .replace(/ but found:.*$/, '')
    .replace(/ but found: '.*'/, '')
    .replace(/unexpected character: ->.<-/, 'unexpected character');
}
