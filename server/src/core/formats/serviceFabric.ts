/**
 * Azure Service Fabric `ServiceManifest.xml`: each `<CodePackage>` is a process (a scope) with its
 * `<EnvironmentVariables>` of `<EnvironmentVariable Name Value [Type]>`, and, for a container, the
 * image in `<ContainerHost><ImageName>`. A `Type` of `Encrypted` or `SecretsStoreRef` means the value
 * is a reference to a secret, not the secret. Parsed by xmlConfig.ts's tolerant XML parser.
 */
import type { XMLElement } from '@xml-tools/ast';
import type { ExtractResult, RuntimeHint, ScopeImage } from '../types.js';
import { hintsFromImage } from './runtimeHints.js';
import { attribute, read, type Xml } from './xmlConfig.js';

export function readServiceManifest(xml: Xml, root: XMLElement): ExtractResult {
  const images: ScopeImage[] = [];
  const runtimeHints: RuntimeHint[] = [];
  for (const code of root.subElements.filter((e) => e.name === 'CodePackage')) {
    const scope = `sf:${attribute(code, 'Name')?.value ?? ''}`;
    for (const list of code.subElements.filter((e) => e.name === 'EnvironmentVariables')) {
      for (const variable of list.subElements.filter((e) => e.name === 'EnvironmentVariable')) {
        const type = attribute(variable, 'Type')?.value ?? 'PlainText';
        const reference = type === 'Encrypted' || type === 'SecretsStoreRef';
        read(xml, variable, { key: 'Name', value: 'Value', caseInsensitive: false, bakedIn: false, reference }, scope);
      }
    }
    const image = imageOf(code);
    if (image) {
      images.push({ scope, image });
      for (const runtime of hintsFromImage(image)) runtimeHints.push({ runtime, scope, reason: `image ${image}` });
    }
  }
  return { occurrences: xml.occurrences, problems: [], runtimeHints, ...(images.length > 0 ? { images } : {}) };
}

/** `<EntryPoint><ContainerHost><ImageName>repo/app:1</ImageName>`, trimmed. */
function imageOf(code: XMLElement): string | undefined {
  const host = code.subElements
    .filter((e) => e.name === 'EntryPoint')
    .flatMap((e) => e.subElements)
    .find((e) => e.name === 'ContainerHost');
  const name = host?.subElements.find((e) => e.name === 'ImageName');
  const text = name?.textContents
    .map((t) => t.text ?? '')
    .join('')
    .trim();
  return text ? text : undefined;
}
