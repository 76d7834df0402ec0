/**
 * duplicate-setting: the same setting written twice for one process (one file, Dockerfile stage,
 * compose service or k8s container). Only one value takes effect, usually the last one; the earlier
 * one is reported, faded, with a fix that removes it. A later `ENV X=$X` that forwards a build argument
 * is a hand-over, not a duplicate.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { displayName } from '../text/names.js';
import type { Rule } from './context.js';
import { removeFix } from './fixes.js';

export const duplicateSetting: Rule = (ctx) => {
  const groups = new Map<string, SettingOccurrence[]>();
  for (const occurrence of ctx.occurrences) {
    if (occurrence.valueKind === 'none' || !ctx.settingOf(occurrence)) continue;
    const key = `${occurrence.scope}\u0000${occurrence.surface}\u0000${occurrence.name}`;
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const winner = group[group.length - 1];
    if (!winner || group.length < 2 || winner.valueKind === 'reference') continue;
    for (const loser of group.slice(0, -1)) findings.push(report(loser, winner));
  }
  return findings;
};

function report(loser: SettingOccurrence, winner: SettingOccurrence): Finding {
  const name = displayName(loser.surface, loser.name);
  const line = winner.nameRange.start.line + 1;
  const fix = removeFix(loser, `Remove this \`${name}\``);
  return {
    code: 'duplicate-setting',
    severity: 'warning',
    message: `\`${name}\` is set again on line ${line}; that later value wins and this one has no effect.`,
    range: loser.nameRange,
    tags: ['unnecessary'],
    related: [{ range: winner.nameRange, message: `\`${name}\` set again here` }],
    ...(fix ? { fixes: [fix] } : {}),
  };
}
