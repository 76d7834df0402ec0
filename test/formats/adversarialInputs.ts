/**
 * Hostile texts, made on demand at a scale: the unit test runs every extractor on each at scale 1
 * (tens of KB: an endless loop or exponential walk still never ends), and `npm run stress`
 * (test/stress/run.mjs) runs the whole service on them at full scale (MB, 100k-deep) with time and
 * memory budgets. Each targets a mechanism that once looped, recursed or backtracked (issue #6).
 */
import type { FormatId } from '../../server/src/core/types.js';

export function adversarialInputs(scale: number): Readonly<Record<string, () => string>> {
  const n = (count: number) => Math.max(1, Math.round(count * scale));
  const r = (unit: string, count: number) => unit.repeat(n(count));
  return {
    empty: () => '',
    nbspShell: () => 'export DD_ENV=prod\u00a0x\n\u00a0\u00a0\nDD_A=\u00a0 java\u00a0-jar\n',
    nul: () => 'DD_ENV=a\u0000b\n\u0000\u0000\n',
    crOnly: () => 'DD_ENV=prod\rDD_API_KEY=0123456789abcdef0123456789abcdef\rENV DD_SERVICE=x\r',
    loneSurrogates: () => 'DD_ENV=\ud800\udc00\udfff\ud800\n',
    unclosedQuotes: () => r('DD_A="x\nDD_B=\'y\n`z\n', 2000),
    dockerSelfCopy: () => `FROM alpine AS a\n${r('COPY --from=a /x /y\nCOPY --from=0 /x /y\n', 200)}`,
    dockerStageChain: () =>
      Array.from(
        { length: n(200) },
        (_, i) => `FROM ${i === 0 ? 'python:3' : `s${i - 1}`} AS s${i}\nCOPY --from=s${i} / /\n`,
      ).join(''),
    // Wildcards in copied file names become patterns: many `*` against a short name would backtrack.
    dockerCopyGlobs: () => `FROM alpine\n${r(`COPY ${r('a*', 50)}b ${r('[', 40)} package*.json Gemfile* ./\n`, 2000)}`,
    dockerManyLines: () => `FROM python:3\n${r('ENV DD_ENV=prod\n', 100_000)}`,
    dockerWideEnv: () => `FROM python:3\nENV ${Array.from({ length: n(70_000) }, (_, i) => `A${i}=1`).join(' ')}\n`,
    yamlMergeBomb: () => {
      let text = 'x0: &a0 {k: 1, DD_ENV: x}\n';
      for (let i = 1; i < 40; i++) text += `x${i}: &a${i}\n  <<: [*a${i - 1}, *a${i - 1}]\n  k${i}: 1\n`;
      return `${text}services:\n  s:\n    environment:\n      <<: *a39\n`;
    },
    yamlAliasBomb: () => {
      let text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nx0: &a0 {containers: [{name: c, env: []}]}\n';
      for (let i = 1; i < 40; i++) text += `x${i}: &a${i} [*a${i - 1}, *a${i - 1}, {containers: *a${i - 1}}]\n`;
      return text;
    },
    yamlSelfMerge: () => 'services:\n  web: &w\n    <<: *w\n    environment: *w\n',
    // Template actions: unclosed, nested braces, many on a line, spread over lines, in keys.
    helmUnclosed: () => `apiVersion: v1\nkind: Pod\n${r('x: {{ .Values.a\n', 2000)}`,
    helmManyActions: () =>
      `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - env:\n${r('        - name: {{ a }}{{- b -}}\n          value: {{ "}}" }}\n', 2000)}`,
    helmBranches: () => `apiVersion: v1\nkind: Pod\n${r('{{ if a }}\n{{ else }}\n', 5000)}${r('{{ end }}\n', 5000)}`,
    helmMultiline: () => `kind: Pod\napiVersion: v1\nmetadata: {{ ${r('\n', 5000)} }}\n`,
    ciManyJobs: () =>
      `on: push\njobs:\n${Array.from({ length: n(3000) }, (_, i) => `  j${i}:\n    env: {DD_ENV: x}\n    steps: [{env: {DD_ENV: y}}]\n    services: {s: {image: datadog/agent, env: {DD_A: 1}}}\n`).join('')}`,
    gitlabManyRules: () =>
      `stages: [t]\nvariables: &v {DD_ENV: $X}\njob:\n  script: [x]\n  rules:\n${r('    - variables: *v\n', 5000)}`,
    helmValuesDeep: () => `${Array.from({ length: n(2_000) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')}\n`,
    deepBrackets: () => `${r('[', 100_000)}${r(']', 100_000)}`,
    // One level per line, so the nesting reaches the parsers instead of the line cap.
    deepBracketLines: () => `${r('[\n', 100_000)}${r(']\n', 100_000)}`,
    deepBraces: () => `services: ${r('{a: ', 20_000)}1${r('}', 20_000)}\n`,
    jsonDeepContainers: () => `{"containerDefinitions": ${r('[', 100_000)}${r(']', 100_000)}}`,
    jsonManyEnv: () =>
      `{"containerDefinitions": [{"name": "a", "environment": [${r('{"name": "DD_ENV", "value": "x"},', 100_000)}]}]}`,
    jsonManyContainers: () =>
      `{"containerDefinitions": [${r('{"name": "a", "command": ["sh", "-c", "java -jar x.jar -Ddd.env=1"]},', 50_000)}]}`,
    jsonManyProfiles: () =>
      `{"profiles": {${r('"p": {"environmentVariables": {"DD_ENV": "x", "DD_ENV": 1,}},', 50_000)}}}`,
    jsonAppServiceUnclosed: () => `[${r('{"name": "DD_ENV", "value": "x", "slotSetting": false', 50_000)}`,
    systemdContinuations: () => `[Service]\nEnvironment=${r('DD_ENV="a b" \\\n', 50_000)}\n`,
    systemdOpenQuotes: () => `[Service]\n${r('Environment="DD_A=\'x\n', 20_000)}`,
    propertiesContinuations: () => `dd.env=${r('a\\\n  ', 50_000)}\n${r('dd.a\\u00', 20_000)}`,
    deepXml: () => `${r('<a>', 100_000)}${r('</a>', 100_000)}`,
    deepXmlLines: () => `<configuration>\n${r('<a>\n', 100_000)}${r('</a>\n', 100_000)}</configuration>\n`,
    deepYamlLines: () =>
      `services:\n${Array.from({ length: n(2_000) }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} 1\n`,
    deepRuby: () => `${r('begin\n', 20_000)}${r('end\n', 20_000)}`,
    xmlBadCodePoint: () =>
      '<configuration><aspNetCore><environmentVariables><environmentVariable name="DD_ENV" value="&#x110000;&#99999999999;&#xD800;" /></environmentVariables></aspNetCore></configuration>',
    xmlEntityBomb: () =>
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      '<configuration><appSettings><add key="DD_ENV" value="&lol3;" /></appSettings></configuration>',
    xmlExternalEntity: () =>
      '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<configuration><appSettings><add key="DD_ENV" value="&xxe;" /></appSettings></configuration>',
    shellBlankHeredoc: () => `cat <<EOF\n${r(' \n', 50_000)}`,
    shellManyHeredocs: () => r('cat <<EOF\nx\nEOF\n', 20_000),
    shellOperators: () => r('&&||;|&', 10_000),
    shellSubshells: () => r('$(', 50_000),
    // Launchers and containers: wrappers are unwrapped in a loop, a container's command is read once.
    launchersWrapped: () => `exec ${r('ddtrace-run bundle exec ddprofrb exec env DD_A=1 ', 20_000)}node x.js\n`,
    containerRuns: () => `${r('docker run -e DD_ENV=x img ', 20_000)}\n\t${r('docker run -e ', 20_000)}\n`,
    tomcatOptions: () => `catalina.sh run ${r('-Ddd.env=x -javaagent:/a.jar ', 20_000)}\n`,
    installsNoPackage: () => `RUN ${r('pip install npm i gem install -javaagent:', 3000)}\n`,
    spacesThenText: () => `set DD_ENV=${r(' ', 100_000)}x\nsetx DD_ENV ${r(' ', 100_000)}x\n`,
    dollarBraces: () => `DD_ENV=${r('${', 50_000)}\n`,
    powershellOpenQuotes: () => r('$env:DD_A = "\'', 10_000),
    phpComments: () => `datadog.a = ${r(' ;', 50_000)}\n`,
    longLine: () => `DD_ENV=${r('a', 1_000_000)}\n`,
    manyLines: () => r('DD_ENV=prod\n', 100_000),
    binary: () => Array.from({ length: n(65_536) }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''),
  };
}

/** The unit-test scale: tens of kilobytes per input. */
export const UNIT_SCALE = 0.02;

/** A file name each format is detected from, for tests that feed an extractor text of their own. */
export const SAMPLE_FILE_NAMES: Readonly<Record<FormatId, string>> = {
  dockerfile: 'Dockerfile',
  dotenv: '.env',
  xmlConfig: 'web.config',
  yaml: 'docker-compose.yml',
  ruby: 'datadog.rb',
  shell: 'start.sh',
  batch: 'start.bat',
  powershell: 'setup.ps1',
  phpIni: 'php.ini',
  makefile: 'Makefile',
  go: 'main.go',
  javascript: 'tracer.ts',
  python: 'app.py',
  json: 'task-definition.json',
  systemd: 'api.service',
  javaProperties: 'datadog.properties',
  terraform: 'main.tf',
  nomad: 'app.nomad.hcl',
  jenkinsfile: 'Jenkinsfile',
};
