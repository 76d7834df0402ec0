/**
 * Values that stand in for a value rather than being one: template expressions that a tool fills in
 * (`${VAR}`, `{{ .Values.apiKey }}`, `<%= ENV['KEY'] %>`) and fill-me-in text (`<your-api-key>`,
 * `your_api_key_here`, `xxxx`, `changeme`, `REPLACE_ME`, `***`, `TODO`). Neither is a hard-coded
 * secret nor a malformed one: checking them against a key's format only produces false alarms.
 */

/** Syntax some tool replaces before the runtime reads the value (shells, compose, Helm, ERB, Maven...). */
const TEMPLATE = [
  /\$\{[^}]*\}/, // ${VAR}, ${VAR:-default}
  /\$[A-Za-z_]\w*/, // $VAR
  /\$\([^)]*\)/, // $(VAR), $(command)
  /%[A-Za-z_]\w*%/, // %VAR% (batch)
  /\{\{.*\}\}/, // {{ .Values.apiKey }} (Helm, Go templates, Jinja, Mustache)
  /\{%.*%\}/, // {% ... %} (Jinja)
  /<%.*%>/, // <%= ... %> (ERB, EJS)
  /#\{[^}]*\}/, // #{...} (Ruby interpolation, Octopus)
  /^@[A-Za-z_][\w.]*@$/, // @api.key@ (Maven resource filtering)
  /^__[A-Za-z]\w*__$/, // __API_KEY__ (token replacement in CI)
];

/** Fill-me-in shapes: `<...>`, runs of one mask character, the usual words. */
const FILL_IN = [
  /^<[^<>]*>$/, // <your-api-key>, <DD_API_KEY>
  /^\[[^[\]]*\]$/, // [your api key]
  /^([xX*#.•…?_-])\1{2,}$/, // xxxx, ***, ..., ????
  /^(x{3,}|X{3,}|\*{3,})[\w*-]*$/, // xxxx-xxxx, XXXXX_KEY
  /^(todo|tbd|fixme|changeme|change[_-]me|replace[_-]?me|dummy|fake|placeholder|example|sample|secret|none|null|nil|undefined|empty|redacted|masked)$/i,
];

/** Words that only a description of a key, never a key, is made of. */
const DESCRIPTIVE =
  /(^|[\W_])(your|my|insert|enter|replace|put|paste|add|set|here|placeholder|example|sample|dummy|fake|change|todo|api|app|application|key|secret|token|datadog|dd)($|[\W_])/i;

/** A value that some tool fills in at deploy time; its content is not the value the runtime reads. */
export function isTemplateExpression(value: string): boolean {
  return TEMPLATE.some((pattern) => pattern.test(value));
}

/**
 * A run of letters and digits as long as a key, with both: whatever surrounds it, the value holds a
 * real-looking key. Runs are found first and then looked into, since lookaheads tried at every position
 * rescan the run and take quadratic time on a long value (a properties value continued over 50k lines).
 */
function hasKeyLike(value: string): boolean {
  for (const [run] of value.matchAll(/[A-Za-z0-9]{20,}/g)) if (/\d/.test(run) && /[A-Za-z]/.test(run)) return true;
  return false;
}

/** A value written to be replaced by a human before use (`<your-api-key>`, `changeme`, `xxxx`). */
export function isFillInPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (hasKeyLike(trimmed)) return false;
  if (FILL_IN.some((pattern) => pattern.test(trimmed))) return true;
  // `your_api_key_here`, `YOUR_DATADOG_API_KEY`, `insert-key-here`: letters only and made of telling words.
  return /^[A-Za-z][A-Za-z _.-]*$/.test(trimmed) && DESCRIPTIVE.test(trimmed);
}

/** Anything that is not a real value: empty, a template expression or a fill-in placeholder. */
export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || isTemplateExpression(value) || isFillInPlaceholder(value);
}
