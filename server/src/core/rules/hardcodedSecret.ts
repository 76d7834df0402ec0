/**
 * hardcoded-secret: `DD_API_KEY`, `DD_APP_KEY` (and other credentials) written as literal values. In a
 * Dockerfile `ENV`/`ARG` the key ends up in the image layers and history for anyone who pulls it; in a
 * committed `.env`, manifest or config file it ends up in the repository. The profilers upload through
 * the Agent and do not need the key at all unless agentless. The value is never repeated.
 */
import type { Fix, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule, RuleContext } from './context.js';
import { removeFix, renderValue } from './fixes.js';
import { isPlaceholder } from './placeholder.js';
import { isDatadogCredentialName } from '../text/secretNames.js';

export const hardcodedSecret: Rule = (ctx) =>
  ctx.occurrences.flatMap((occurrence) => {
    const value = occurrence.value?.trim() ?? '';
    // `<your-api-key>`, `changeme`, `${DD_API_KEY}`, `{{ .Values.apiKey }}`: nothing secret is written.
    if (!isCredential(ctx, occurrence) || occurrence.valueKind !== 'literal' || isPlaceholder(value)) return [];
    const name = displayName(occurrence.surface, occurrence.name);
    const where = occurrence.bakedIn
      ? 'it is baked into the artifact (image layers, history) for anyone who can read it'
      : 'it is committed with this file';
    return [
      {
        code: 'hardcoded-secret',
        severity: 'error' as const,
        message: `\`${name}\` has a literal key: ${where}. Pass it at run time from a secret store instead.`,
        range: occurrence.valueRange ?? occurrence.nameRange,
        fixes: secretFixes(occurrence),
      },
    ];
  });

function isCredential(ctx: RuleContext, occurrence: SettingOccurrence): boolean {
  return ctx.settingOf(occurrence)?.secret === true || isDatadogCredentialName(occurrence.surface, occurrence.name);
}

function secretFixes(occurrence: SettingOccurrence): Fix[] {
  const reference = referenceFor(occurrence);
  const fixes: Fix[] = [];
  if (reference && occurrence.valueRange) {
    fixes.push({
      title: `Replace the key with \`${reference}\`, read from the environment at run time`,
      edits: [{ range: occurrence.valueRange, newText: reference }],
      preferred: true,
    });
  }
  const remove = removeFix(occurrence, `Remove the hard-coded \`${occurrence.name}\``);
  if (remove) fixes.push(remove);
  return fixes;
}

/** How each place refers to a value supplied at run time; `undefined` where it has no such syntax. */
function referenceFor(occurrence: SettingOccurrence): string | undefined {
  if (occurrence.bakedIn && occurrence.scope.startsWith('stage:')) return undefined; // a Dockerfile: remove instead
  if (occurrence.secretReference !== undefined) return occurrence.secretReference;
  if (occurrence.environmentReference === 'none') return undefined;
  if (occurrence.environmentReference === 'batch') return `%${occurrence.name}%`;
  if (occurrence.environmentReference === 'powershell') return `$env:${occurrence.name}`;
  if (occurrence.environmentReference === 'githubSecrets') return `\${{ secrets.${occurrence.name} }}`;
  if (occurrence.environmentReference === 'serverless') return `\${env:${occurrence.name}}`;
  // PHP's INI reader expands `${VAR}` from the environment: `datadog.api_key` reads `DD_API_KEY`.
  if (occurrence.surface === 'phpIni') return `\${${occurrence.name.replace(/^datadog\./, 'DD_').toUpperCase()}}`;
  if (occurrence.surface === 'rubyConfigure') return `ENV.fetch('DD_API_KEY')`;
  if (occurrence.quoting === 'ruby') return `ENV.fetch('${occurrence.name}')`;
  if (occurrence.scope.startsWith('k8s:') || occurrence.quoting === 'xmlAttribute') return undefined;
  if (occurrence.surface !== 'env') return undefined;
  return renderValue(`\${${occurrence.name}}`, occurrence.quoting === 'single' ? 'double' : occurrence.quoting);
}
