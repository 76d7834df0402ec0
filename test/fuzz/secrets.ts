/**
 * A planted key: documents of every format with a secret setting (`DD_API_KEY`, `DD_APP_KEY`,
 * `-Ddd.api-key`, `c.api_key`, `--api_key`), or a setting that is not one (`DD_ENV`,
 * `DD_PROFILING_ENABLED`), holding {@link KEY}, placed beside the file's own settings and
 * then damaged like any other fuzz case. The key must never come back out of the service.
 */
import fc from 'fast-check';
import { detectFormat, extractorFor } from '../../server/src/core/formats/index.js';
import { SECRET_NAME } from '../../server/src/core/text/secretNames.js';
import type { FormatId, Parsers } from '../../server/src/core/types.js';
import { mutation, mutate } from './arbitraries.js';
import { loadCorpus, type FuzzCase } from './corpus.js';

/** The planted key: random-looking hex, so no placeholder rule and no fixture text matches it by chance. */
export const KEY = 'a3f9c2e8b1d74f6e9a0c5b2d8e1f4a7c';

/** A leak is any 8 characters of the key in a row: a key cut short by a mutation or a message is still a leak. */
const WINDOW = 8;

/**
 * The part of the key that `text` repeats, if any; with `held`, only the parts it accepts count (see
 * {@link heldAsKey}).
 */
export function leakedPart(text: string, held: (part: string) => boolean = () => true): string | undefined {
  for (let i = 0; i + WINDOW <= KEY.length; i++) {
    const part = KEY.slice(i, i + WINDOW);
    if (text.includes(part) && held(part)) return part;
  }
  return undefined;
}

/**
 * Which parts of the key the document still holds as a key: in the value of a credential setting, or
 * anywhere in a run still shaped like one (16 or more hex characters). A mutation can cut a key pasted
 * as `DD_ENV` down to `a3f9c2e8b1`: an ordinary value then, which messages may quote.
 */
export function heldAsKey(doc: FuzzCase, parsers: Parsers): (part: string) => boolean {
  const format = detectFormat(doc.fileName);
  const extracted = format ? extractorFor(format)(doc.text, { fileName: doc.fileName, parsers }) : undefined;
  const secretValues = (extracted?.occurrences ?? [])
    .filter((o) => SECRET_NAME.test(o.name) && o.value !== undefined)
    .map((o) => o.value ?? '');
  return (part) => {
    if (secretValues.some((value) => value.includes(part))) return true;
    for (let at = doc.text.indexOf(part); at >= 0; at = doc.text.indexOf(part, at + 1)) {
      let start = at;
      let end = at + part.length;
      while (start > 0 && /[0-9a-f]/i.test(doc.text[start - 1] ?? '')) start--;
      while (end < doc.text.length && /[0-9a-f]/i.test(doc.text[end] ?? '')) end++;
      if (end - start >= 16) return true;
    }
    return false;
  };
}

/** Lines that set a secret, per format; `$I` is the indentation of the line the secret is planted beside. */
const LINES: Record<FormatId, readonly string[]> = {
  dockerfile: [
    `ENV DD_API_KEY=${KEY}`,
    `ENV DD_API_KEY ${KEY}`,
    `ARG DD_API_KEY=${KEY}`,
    `ENV DD_SERVICE=web DD_APP_KEY="${KEY}"`,
    `RUN java -Ddd.api-key=${KEY} -javaagent:/dd-java-agent.jar -jar app.jar`,
    `CMD ["java", "-Ddd.api-key=${KEY}", "-jar", "app.jar"]`,
    `ENV DD_ENV=prpi-key=${KEY}`,
    `ENV DD_PROFILING_ENABLED=${KEY}`,
  ],
  dotenv: [
    `DD_API_KEY=${KEY}`,
    `DD_API_KEY="${KEY}"`,
    `export DD_APP_KEY='${KEY}'`,
    `DD_PROFILING_API_KEY=${KEY} # prod`,
    `DD_PROFILING_ENABLED=${KEY}`,
    `COR_ENABLE_PROFILING=${KEY} 1`,
  ],
  xmlConfig: [
    `<environmentVariable name="DD_API_KEY" value="${KEY}" />`,
    `<environmentVariable name='DD_APP_KEY' value='${KEY}'/>`,
    `<environmentVariable name="DD_PROFILING_ENABLED" value="${KEY}" />`,
  ],
  yaml: [
    `$I- DD_API_KEY=${KEY}`,
    `$IDD_API_KEY: ${KEY}`,
    `$IDD_APP_KEY: "${KEY}"`,
    `$I- name: DD_API_KEY\n$I  value: "${KEY}"`,
    `$IDD_PROFILING_ENABLED: ${KEY}`,
    `$I- DD_ENV=prpi-key=${KEY}`,
  ],
  ruby: [
    `$Ic.api_key = '${KEY}'`,
    `ENV['DD_API_KEY'] = '${KEY}'`,
    `ENV["DD_APP_KEY"] ||= "${KEY}"`,
    `$Ic.env = '${KEY}'`,
  ],
  shell: [
    `export DD_API_KEY=${KEY}`,
    `DD_API_KEY="${KEY}" java -jar app.jar`,
    `java -Ddd.api-key=${KEY} -javaagent:dd-java-agent.jar -jar app.jar`,
    `ddprof --api_key ${KEY} ./app`,
    `docker run -e DD_API_KEY=${KEY} gcr.io/datadoghq/agent:7`,
    `docker run --env="DD_APP_KEY=${KEY}" -d my-app:1`,
    `export DD_PROFILING_ENABLED=${KEY}`,
    `java -Ddd.profiling.enabled=${KEY} -jar app.jar`,
  ],
  batch: [
    `set DD_API_KEY=${KEY}`,
    `SET "DD_API_KEY=${KEY}"`,
    `set DD_APP_KEY=${KEY} `,
    `java -Ddd.api-key=${KEY} -jar app.jar`,
    `set DD_PROFILING_ENABLED=${KEY} `,
  ],
  powershell: [
    `$env:DD_API_KEY = "${KEY}"`,
    `[Environment]::SetEnvironmentVariable("DD_API_KEY", "${KEY}", "Machine")`,
    `$env:DD_APP_KEY='${KEY}'`,
    `$env:DD_PROFILING_ENABLED = "${KEY}"`,
  ],
  phpIni: [
    `env[DD_API_KEY] = ${KEY}`,
    `env[DD_APP_KEY] = "${KEY}"`,
    `datadog.profiling.enabled = ${KEY}`,
    `env[DD_ENV] = prpi-key=${KEY}`,
  ],
  makefile: [
    `export DD_API_KEY = ${KEY}`,
    `\tdocker run -e DD_API_KEY=${KEY} datadog/agent:7`,
    `\tdocker run --env "DD_APP_KEY=${KEY}" my-app:1`,
    `\tjava -Ddd.api-key=${KEY} -jar app.jar`,
  ],
  go: [`$Ios.Setenv("DD_API_KEY", "${KEY}")`, `$Iprofiler.Start(profiler.WithAPIKey("${KEY}"))`],
  javascript: [
    `process.env.DD_API_KEY = '${KEY}'`,
    `process.env["DD_APP_KEY"] = "${KEY}"`,
    `new ecs.ContainerDefinition(this, 'a', { environment: { DD_API_KEY: '${KEY}' } })`,
  ],
  python: [`os.environ["DD_API_KEY"] = "${KEY}"`, `Profiler(api_key="${KEY}")`],
  systemd: [
    `Environment=DD_API_KEY=${KEY}`,
    `Environment="DD_APP_KEY=${KEY}" DD_ENV=prod`,
    `ExecStart=/usr/bin/java -Ddd.api-key=${KEY} -jar /opt/app.jar`,
  ],
  javaProperties: [`dd.api-key=${KEY}`, `dd.api-key : ${KEY}`, `dd.application-key ${KEY}`],
  json: [
    `$I{ "name": "DD_API_KEY", "value": "${KEY}" },`,
    `$I"DD_API_KEY": "${KEY}",`,
    `$I{ "name": "DD_APP_KEY", "value": "${KEY}", "slotSetting": false },`,
  ],
  terraform: [
    `resource "aws_lambda_function" "planted" {\n  environment {\n    variables = { DD_API_KEY = "${KEY}" }\n  }\n}`,
    `resource "aws_ecs_task_definition" "planted" {\n  container_definitions = jsonencode([{ name = "app", environment = [{ name = "DD_API_KEY", value = "${KEY}" }] }])\n}`,
    `resource "aws_ecs_task_definition" "heredoc" {\n  container_definitions = <<EOF\n[{"name": "app", "environment": [{"name": "DD_APP_KEY", "value": "${KEY}"}]}]\nEOF\n}`,
  ],
  nomad: [
    `job "planted" {\n  group "g" {\n    task "t" {\n      env {\n        DD_API_KEY = "${KEY}"\n      }\n    }\n  }\n}`,
  ],
  jenkinsfile: [
    `pipeline {\n  environment {\n    DD_API_KEY = '${KEY}'\n  }\n}`,
    `withEnv(["DD_APP_KEY=${KEY}"]) {\n  sh 'make'\n}`,
  ],
};

/** Lines after which a secret line of the same shape fits (YAML needs the right indentation, Ruby the block). */
const ANCHORS: Partial<Record<FormatId, RegExp>> = {
  yaml: /^( *)(?:- [A-Z_]+=|[A-Z][A-Z0-9_]*:\s|- name: )/,
  ruby: /^(\s*)c\.\w/,
  // Go statements go inside a function body; JavaScript and Python ones at the top level.
  go: /^(\s+)(profiler|p|os)\./,
  javascript: /^()(const|import|process|require)\b/,
  python: /^()(import|from|os\.)/,
  json: /^(\s*)(\{\s*"name":|"[A-Z][A-Z0-9_]*":\s)/,
  // HCL and Groovy blocks go after a closing brace at the top level, where a new block may start.
  terraform: /^()\}\s*$/,
  nomad: /^()\}\s*$/,
  jenkinsfile: /^()\}\s*$/,
};

/** Plants `line` after line number `at` (modulo the lines that fit), indented like its anchor. */
export function plant(doc: FuzzCase, line: string, at: number): FuzzCase {
  const format = detectFormat(doc.fileName);
  const lines = doc.text.split('\n');
  const anchor = format ? ANCHORS[format] : undefined;
  const fits = lines.flatMap((text, i) => (anchor === undefined || anchor.test(text) ? [i] : []));
  const after = fits.length > 0 ? (fits[at % fits.length] ?? 0) : lines.length - 1;
  const indent = anchor?.exec(lines[after] ?? '')?.[1] ?? '';
  const planted = line.replaceAll('$I', indent);
  lines.splice(after + 1, 0, planted);
  return { fileName: doc.fileName, text: lines.join('\n') };
}

/** A corpus document with a planted key, then a few mutations (maybe none). */
export function plantedSecret(maxDepth: number): fc.Arbitrary<FuzzCase> {
  const docs = loadCorpus().flatMap((doc) => {
    const format = detectFormat(doc.fileName);
    return format ? [{ doc, lines: LINES[format] }] : [];
  });
  return fc
    .tuple(fc.constantFrom(...docs), fc.nat(), fc.nat(), fc.array(mutation(maxDepth), { maxLength: 4 }))
    .map(([{ doc, lines }, which, at, mutations]) => {
      const planted = plant(doc, lines[which % lines.length] ?? '', at);
      return { fileName: planted.fileName, text: mutations.reduce(mutate, planted.text) };
    });
}
