/**
 * `ddProfilerConfig/validateFiles`: the client's "Validate workspace" command sends the files it found;
 * the server reads each from disk and publishes its diagnostics, so the Problems panel shows files
 * that are not open. Open documents are skipped: the editor's own copy is the truth for those.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { LanguageService } from '../core/languageService.js';
import type { AnalysisSettings } from '../core/types.js';

export const VALIDATE_FILES_REQUEST = 'ddProfilerConfig/validateFiles';

export interface ValidateFilesDeps {
  service(): LanguageService | undefined;
  settings(uri: string): Promise<AnalysisSettings>;
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): Promise<void>;
}

export async function validateFiles(params: { uris?: unknown }, deps: ValidateFilesDeps) {
  const uris = Array.isArray(params.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
  const service = deps.service();
  let files = 0;
  let findings = 0;
  for (const uri of uris) {
    if (!service || deps.isOpen(uri) || !uri.startsWith('file:')) continue;
    const text = await readFile(fileURLToPath(uri), 'utf8');
    const diagnostics = service.validate({ uri, text }, await deps.settings(uri));
    await deps.publish(uri, diagnostics);
    files++;
    findings += diagnostics.length;
  }
  return { files, findings };
}
