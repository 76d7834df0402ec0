/**
 * Which settings hold credentials, by name, on every surface (`DD_API_KEY`, `DD_APPLICATION_KEY`,
 * `-Ddd.api-key`, `c.api_key`, `datadog.api_key`, `--api_key`, proxy passwords), whether or not the
 * catalog knows the name: a misspelt or unknown credential is still a credential.
 */
export const SECRET_NAME = /(api|app|application)[-_.]?key|apikey|password|passwd|secret|token/i;

/** `NAME=value` / `NAME: value` where NAME names a credential, as text appears in a command line. */
const ASSIGNED_SECRET =
  /((?:api|app|application)[-_.]?key|apikey|password|passwd|secret|token)(["']?\s*[=:]\s*["']?)[^\s"',;&|)]+/gi;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Text quoted from the document (a command line cited as evidence) with credential values replaced. */
export function redactAssignments(text: string, mask = '****'): string {
  return text.replace(ASSIGNED_SECRET, `$1$2${mask}`);
}

/** Credential words that end a Datadog setting's name: `DD_API_KEY`, `dd.application-key`, `c.api_key`. */
const CREDENTIAL_END = /((api|app|application)[-_.]?key|apikey|password|passwd)$/i;

/**
 * A Datadog credential the catalog may not list (`DD_APPLICATION_KEY`, `datadog.api_key`): a Datadog
 * name ending in a credential word. `DD_API_KEY_FILE` holds a path, not a key, and does not count.
 */
export function isDatadogCredentialName(surface: string, name: string): boolean {
  return (surface !== 'env' || /^(_?DD_|DATADOG_)/i.test(name)) && CREDENTIAL_END.test(name);
}
