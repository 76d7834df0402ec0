/**
 * "Enable Datadog profiling…": asks the server what fits the file (runtimes, the detected one, the
 * services or containers), lets the user pick, and applies the server's structural edit. Values that
 * contradict the setup are changed only if the user ticks them. Tests and automation pass the choices
 * as a second argument to skip the pickers.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { WorkspaceEdit } from 'vscode-languageclient';

interface Target {
  scope: string;
  label: string;
  detected?: string;
}
interface Choices {
  runtimes: string[];
  detected?: string;
  targets: Target[];
  unsupported?: string;
}
interface Planned {
  edit: WorkspaceEdit;
  added: string[];
  kept: string[];
  changes: { name: string; current: string; proposed: string; edit: WorkspaceEdit }[];
  error?: string;
}
/** Preset answers, for tests and scripts: skip the pickers. */
export interface EnableOptions {
  runtime?: string;
  target?: string;
  applyChanges?: boolean;
}
export interface EnableResult {
  added: string[];
  kept: string[];
  changed: string[];
}

const LABELS: Record<string, string> = {
  java: 'Java',
  python: 'Python',
  go: 'Go',
  ruby: 'Ruby',
  nodejs: 'Node.js',
  dotnet: '.NET',
  php: 'PHP',
  ddprof: 'Native (ddprof)',
};

export async function enableProfiling(
  client: LanguageClient,
  uriArg?: string,
  options: EnableOptions = {},
): Promise<EnableResult | undefined> {
  const uri = uriArg ?? vscode.window.activeTextEditor?.document.uri.toString();
  const say = (message: string) => void vscode.window.showWarningMessage(`Datadog Profiler: ${message}`);
  if (!uri) return say('open a Dockerfile, .env, compose file, manifest, web.config or start script first.');
  // The server answers for open documents; from a menu the file may not be open yet.
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
  const choices = await client.sendRequest<Choices | null>('ddProfilerConfig/setupChoices', { uri });
  if (!choices) return say('this file is not one the setup can edit.');
  if (choices.unsupported) return say(choices.unsupported);
  const target = options.target
    ? choices.targets.find((t) => t.scope === options.target)
    : await pickTarget(choices.targets);
  if (!target) return undefined;
  const runtime = options.runtime ?? (await pickRuntime(choices.runtimes, target.detected));
  if (!runtime) return undefined;
  const plan = await client.sendRequest<Planned | null>('ddProfilerConfig/planSetup', {
    uri,
    runtime,
    target: target.scope,
  });
  if (!plan || plan.error) return say(plan?.error ?? 'no setup was planned.');
  const accepted =
    options.applyChanges === undefined ? await pickChanges(plan.changes) : options.applyChanges ? plan.changes : [];
  // One edit, so the changes' ranges (computed on the text before the insertion) stay right.
  const edits = [plan.edit, ...(accepted ?? []).map((c) => c.edit)].flatMap((e) =>
    Object.values(e.changes ?? {}).flat(),
  );
  if (edits.length > 0) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit({ changes: { [uri]: edits } });
    await vscode.workspace.applyEdit(edit);
  }
  const changed = (accepted ?? []).map((c) => c.name);
  const parts = [
    plan.added.length > 0 ? `added ${plan.added.join(', ')}` : '',
    changed.length > 0 ? `changed ${changed.join(', ')}` : '',
    plan.kept.length > 0 ? `kept ${plan.kept.join(', ')}` : '',
  ].filter(Boolean);
  void vscode.window.showInformationMessage(
    `Datadog Profiler: ${parts.length > 0 ? parts.join('; ') : 'profiling is already enabled here'}.`,
  );
  return { added: plan.added, kept: plan.kept, changed };
}

async function pickTarget(targets: Target[]): Promise<Target | undefined> {
  if (targets.length <= 1) return targets[0];
  const picked = await vscode.window.showQuickPick(
    targets.map((t) => ({ label: t.label, description: t.detected ? LABELS[t.detected] : undefined, target: t })),
    { placeHolder: 'Which service or container runs the application?' },
  );
  return picked?.target;
}

/** The runtimes that fit the file, the detected one first (and so preselected). */
async function pickRuntime(runtimes: string[], detected: string | undefined): Promise<string | undefined> {
  if (runtimes.length === 1) return runtimes[0];
  const ordered = detected ? [detected, ...runtimes.filter((r) => r !== detected)] : runtimes;
  const picked = await vscode.window.showQuickPick(
    ordered.map((runtime) => ({
      label: LABELS[runtime] ?? runtime,
      description: runtime === detected ? 'detected' : undefined,
      runtime,
    })),
    { placeHolder: 'Which runtime does this service run?' },
  );
  return picked?.runtime;
}

async function pickChanges(changes: Planned['changes']): Promise<Planned['changes'] | undefined> {
  if (changes.length === 0) return [];
  const picked = await vscode.window.showQuickPick(
    changes.map((change) => ({
      label: `${change.name}: ${change.current} → ${change.proposed}`,
      picked: true,
      change,
    })),
    { canPickMany: true, placeHolder: 'These existing values keep the profiler off. Change them?' },
  );
  return picked?.map((p) => p.change);
}
