/**
 * Realistic Datadog keys planted in every format the tool reads, written every way people write them
 * (and a few ways the parsers find awkward), for tests that grep every output channel for them:
 * the core's findings, diagnostics, hovers and code actions (test/secrets), the CLI's outputs, and the
 * language server's notifications and traces.
 *
 * `findPlanted` reports any run of 8 or more characters of a planted key, in any letter case, so a
 * truncated or re-cased copy counts as a leak as much as a whole one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** An API key as Datadog issues them: 32 lowercase hex characters. */
export const PLANTED_API_KEY = '3f9a1c2b7d4e8f60a1b2c3d4e5f6a7b8';
/** An application key: 40 lowercase hex characters. */
export const PLANTED_APP_KEY = '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b';
export const PLANTED_SECRETS = [PLANTED_API_KEY, PLANTED_APP_KEY] as const;

const K = PLANTED_API_KEY;
const A = PLANTED_APP_KEY;

export interface PlantedFile {
  /** Path inside the workspace; its base name decides the format. */
  readonly path: string;
  readonly text: string;
  /**
   * Codes that must be reported, proving the key was seen at all (a test that finds nothing leaks
   * nothing). Empty where an extractor cannot see the key yet (see `note`).
   */
  readonly expects: readonly string[];
  readonly note?: string;
}

/**
 * A key pasted as the value of settings that are not credentials (`DD_ENV`, `DD_PROFILING_ENABLED`, a
 * port, a URL, tags), in every format: the rules that check those values quote them, and the mask
 * must still cut the key out (it masks anything shaped like a key, whatever names it). `prpi-key=`
 * comes from a report of a hover leaking a key behind a prefix that looks like nothing.
 */
const KEY_AS_VALUE: readonly PlantedFile[] = [
  {
    path: 'value-docker/Dockerfile',
    text: [
      'FROM python:3.12',
      `ENV DD_ENV=prpi-key=${K}`,
      `ENV DD_PROFILING_ENABLED=${K} DD_TRACE_AGENT_PORT=${A}`,
      `ENV DD_TRACE_AGENT_URL=${K.toUpperCase()} DD_TAGS="team:${K}"`,
      `CMD ["ddtrace-run", "python", "app.py", "--token=${A}"]`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-dotenv/.env',
    text: [
      `DD_PROFILING_ENABLED=${K}`,
      `DD_ENV="prpi-key=${A}"`,
      `DD_PROFILING_UPLOAD_PERIOD=${K}`,
      `DD_SERVICE=checkout ${K}`,
      `DD_TRACE_AGENT_URL=${A}`,
      '',
    ].join('\n'),
    expects: ['invalid-value', 'value-syntax'],
  },
  {
    path: 'value-compose/docker-compose.yml',
    text: [
      'services:',
      '  web:',
      '    image: python:3.12',
      '    environment:',
      `      DD_PROFILING_ENABLED: ${K}`,
      `      DD_ENV: "prpi-key=${K}"`,
      `      DD_TRACE_AGENT_PORT: ${A}`,
      '  worker:',
      '    image: eclipse-temurin:21',
      '    environment:',
      `      - DD_PROFILING_ALLOCATION_ENABLED=${A}`,
      `      - JAVA_TOOL_OPTIONS=-Ddd.profiling.enabled=${K} -Ddd.env=${A}`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-k8s/deployment.yaml',
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: node:20',
      '          env:',
      '            - name: DD_PROFILING_ENABLED',
      `              value: "${K}"`,
      '            - name: DD_ENV',
      `              value: prpi-key=${A}`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-iis/web.config',
    text: [
      '<configuration>',
      '  <system.webServer>',
      '    <aspNetCore processPath="dotnet" arguments=".\\app.dll">',
      '      <environmentVariables>',
      `        <environmentVariable name="CORECLR_ENABLE_PROFILING" value="${K}" />`,
      `        <environmentVariable name="DD_PROFILING_ENABLED" value="${A}" />`,
      `        <environmentVariable name="DD_ENV" value="prpi-key=${K}" />`,
      '      </environmentVariables>',
      '    </aspNetCore>',
      '  </system.webServer>',
      '</configuration>',
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-ruby/config/initializers/datadog.rb',
    text: [
      "require 'datadog'",
      '',
      'Datadog.configure do |c|',
      `  c.profiling.enabled = '${K}'`,
      `  c.env = 'prpi-key=${A}'`,
      'end',
      '',
      `ENV['DD_PROFILING_ENABLED'] = '${A}'`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-shell/start.sh',
    text: [
      '#!/bin/sh',
      `export DD_PROFILING_ENABLED=${K}`,
      `export DD_ENV="prpi-key=${A}"`,
      `java -Ddd.profiling.enabled=${A} -javaagent:/opt/dd-java-agent.jar -jar app.jar`,
      `DD_PROFILING_UPLOAD_PERIOD=${K} ddprof --environment ${A} ./server`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-batch/start.bat',
    text: [`SET DD_PROFILING_ENABLED=${K} `, `set "DD_ENV=prpi-key=${A}"`, `setx DD_TRACE_AGENT_PORT ${K}`, ''].join(
      '\r\n',
    ),
    expects: ['invalid-value', 'value-syntax'],
  },
  {
    path: 'value-powershell/start.ps1',
    text: [
      `$env:DD_PROFILING_ENABLED = "${K}"`,
      `$env:DD_ENV = 'prpi-key=${A}'`,
      `[Environment]::SetEnvironmentVariable("DD_TRACE_AGENT_PORT", "${K}", "Machine")`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
  {
    path: 'value-php/php.ini',
    text: [
      '[datadog]',
      `datadog.profiling.enabled = ${K}`,
      `datadog.env = prpi-key=${A}`,
      `env[DD_PROFILING_ENABLED] = ${A}`,
      '',
    ].join('\n'),
    expects: ['invalid-value'],
  },
];

export const PLANTED_FILES: readonly PlantedFile[] = [
  {
    path: 'docker-env/Dockerfile',
    text: [
      'FROM eclipse-temurin:21',
      `ENV DD_API_KEY=${K}`,
      `ARG DD_APP_KEY=${A}`,
      `ENV DD_APPLICATION_KEY="${A}"`,
      `ENV JAVA_TOOL_OPTIONS="-javaagent:/dd-java-agent.jar -Ddd.api-key=${K}"`,
      `RUN DD_API_KEY=${K} java -Ddd.api-key=${K} -Ddd.application-key=${A} -jar /app/build.jar`,
      `CMD ["java", "-javaagent:/dd-java-agent.jar", "-jar", "app.jar", "-Ddd.api-key=${K}"]`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'arg-order'],
  },
  {
    // The runtime comes from a command line that holds the key: runtime-mismatch cites it.
    path: 'docker-cmd/Dockerfile',
    text: [
      'FROM alpine:3.20',
      `CMD java -Ddd.api-key=${K} -javaagent:/opt/dd-java-agent.jar -jar app.jar`,
      'ENV DD_PROFILING_UPLOAD_INTERVAL=30',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'runtime-mismatch'],
  },
  {
    path: 'dotenv/.env',
    text: [
      `DD_API_KEY=${K}`,
      `DD_APP_KEY="${A}"`,
      `export DD_APPLICATION_KEY='${A}'`,
      `DD_API_KEY=${K.toUpperCase()} # upper case, for the format check`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'invalid-value'],
  },
  {
    path: 'dotenv-unclosed/.env',
    text: ['DD_SERVICE="checkout', `DD_API_KEY=${K}`, 'DD_ENV=prod', ''].join('\n'),
    // An unclosed quote must not swallow the next line (and its key) into DD_SERVICE's value.
    expects: ['hardcoded-secret'],
  },
  {
    path: 'dotenv-cr/.env',
    text: ['DD_SERVICE=checkout', `DD_API_KEY=${K}`, 'DD_PROFILING_ENABLED=maybe', ''].join('\r'),
    // CR-only line endings: three lines, not one value holding the key.
    expects: ['hardcoded-secret'],
  },
  {
    path: 'compose/docker-compose.yml',
    text: [
      'services:',
      '  web:',
      '    image: python:3.12',
      '    environment:',
      `      - DD_API_KEY=${K}`,
      `      - "DD_APP_KEY=${A}\\t"`,
      '  worker:',
      '    image: python:3.12',
      '    environment:',
      `      DD_API_KEY: "${K}\\n"`,
      `      DD_APP_KEY: ${A}`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'k8s/deployment.yaml',
    text: [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: api',
      '          image: eclipse-temurin:21',
      '          env:',
      '            - name: DD_API_KEY',
      `              value: ${K}`,
      '            - name: JAVA_TOOL_OPTIONS',
      `              value: "-Ddd.api-key=${K} -Ddd.application-key=${A}"`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'iis/web.config',
    text: [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <appSettings>',
      `    <add key="DD_API_KEY" value="${K}" />`,
      `    <add key="DD_APP_KEY" value="${A} " />`,
      '  </appSettings>',
      '  <system.webServer>',
      '    <aspNetCore processPath="dotnet" arguments=".\\app.dll">',
      '      <environmentVariables>',
      `        <environmentVariable name="DD_API_KEY" value="${K}" />`,
      '      </environmentVariables>',
      '    </aspNetCore>',
      '  </system.webServer>',
      '</configuration>',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    // An unquoted attribute is malformed XML: the parser's error must not quote it.
    path: 'iis-unquoted/web.config',
    text: [
      '<configuration>',
      '  <appSettings>',
      `    <add key="DD_API_KEY" value=${K} />`,
      '  </appSettings>',
      '  <appSettings>',
      '    <add key="DD_APP_KEY"',
      `         value=${A} />`,
      '  </appSettings>',
      '</configuration>',
      '',
    ].join('\n'),
    expects: ['parse-error'],
  },
  {
    path: 'ruby/config/initializers/datadog.rb',
    text: [
      "require 'datadog'",
      '',
      'Datadog.configure do |c|',
      `  c.api_key = '${K}'`,
      `  c.api_key = "${K}"`,
      'end',
      '',
      `ENV['DD_API_KEY'] = '${K}'`,
      `ENV["DD_APP_KEY"] ||= "${A}"`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'shell/start.sh',
    text: [
      '#!/bin/sh',
      `export DD_API_KEY=${K}`,
      `export DD_APP_KEY="${A}"`,
      `export JAVA_TOOL_OPTIONS="-Ddd.api-key=${K}"`,
      `java -Ddd.api-key=${K} -javaagent:/opt/dd-java-agent.jar \\`,
      '  -jar app.jar',
      `java -javaagent:/opt/dd-java-agent.jar -jar app.jar -Ddd.api-key=${K}`,
      `DD_API_KEY=${K} ddprof --api_key ${K} ./server`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'arg-order'],
  },
  {
    path: 'batch/start.bat',
    text: [`SET DD_API_KEY=${K} `, `set "DD_APP_KEY=${A}"`, `setx DD_API_KEY ${K}`, ''].join('\r\n'),
    expects: ['hardcoded-secret', 'value-syntax'],
  },
  {
    path: 'powershell/start.ps1',
    text: [
      `$env:DD_API_KEY = "${K}"`,
      `$env:DD_APP_KEY = '${A}'`,
      `[Environment]::SetEnvironmentVariable("DD_API_KEY", "${K}", "Machine")`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'github/.github/workflows/ci.yml',
    text: [
      'on: push',
      'env:',
      `  DD_API_KEY: ${K}`,
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      agent:',
      '        image: gcr.io/datadoghq/agent:7',
      '        env:',
      `          DD_API_KEY: "${K}"`,
      '    steps:',
      '      - run: make',
      '        env:',
      `          DD_APP_KEY: '${A}'`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'gitlab/.gitlab-ci.yml',
    text: [
      'variables:',
      `  DD_API_KEY: ${K}`,
      '  DD_APP_KEY:',
      `    value: "${A}"`,
      'test:',
      '  stage: test',
      '  services:',
      '    - name: datadog/agent:7',
      '      variables:',
      `        DD_API_KEY: ${K}`,
      '  script: [make]',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'serverless/serverless.yml',
    text: ['service: api', 'provider:', '  name: aws', '  environment:', `    DD_API_KEY: ${K}`, ''].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'helm/templates/deployment.yaml',
    text: [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: {{ .Release.Name }}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      env:',
      '        - name: DD_API_KEY',
      `          value: "${K}"`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'helm/values.yaml',
    text: ['env:', '  - name: DD_API_KEY', `    value: "${K}"`, 'extraEnv:', `  DD_APP_KEY: ${A}`, ''].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'ssi/application_monitoring.yaml',
    text: ['apm_configuration_default:', `  DD_API_KEY: ${K}`, ''].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'php/php.ini',
    text: ['[datadog]', `datadog.api_key = ${K}`, `env[DD_API_KEY] = ${K}`, ''].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'go/main.go',
    text: [
      'package main',
      '',
      'import (',
      '\t"os"',
      '',
      '\t"github.com/DataDog/dd-trace-go/v2/profiler"',
      ')',
      '',
      'func main() {',
      `\tos.Setenv("DD_API_KEY", "${K}")`,
      `\tos.Setenv("DD_APP_KEY", \`${A}\`)`,
      `\tprofiler.Start(profiler.WithAPIKey("${K}"), profiler.WithAgentlessUpload())`,
      '}',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'node/tracer.ts',
    text: [
      "import tracer from 'dd-trace';",
      `process.env.DD_API_KEY = '${K}';`,
      `process.env['DD_APP_KEY'] = "${A}";`,
      "tracer.init({ profiling: true, apiKey: 'x' });",
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'cdk/stack.ts',
    text: [
      "import * as ecs from 'aws-cdk-lib/aws-ecs';",
      "const agent = taskDef.addContainer('datadog-agent', {",
      "  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/datadog/agent:7'),",
      `  environment: { DD_API_KEY: '${K}', ECS_FARGATE: 'true' },`,
      '});',
      `agent.addEnvironment('DD_APP_KEY', '${A}');`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'python/app.py',
    text: [
      'import os',
      'from ddtrace.profiling import Profiler',
      '',
      `os.environ["DD_API_KEY"] = "${K}"`,
      `os.environ.setdefault("DD_APP_KEY", r'${A}')`,
      `Profiler(env="prod", api_key="${K}").start()`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'cdk/app.py',
    text: [
      'from aws_cdk import aws_ecs as ecs',
      '',
      `task.add_container("agent", image=ecs.ContainerImage.from_registry("datadog/agent:7"), environment={"DD_API_KEY": "${K}"})`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    // A key in the environment, in a `sh -c` command line, and a malformed line after it.
    path: 'ecs/task-definition.json',
    text: [
      '{ "containerDefinitions": [',
      '  { "name": "api", "image": "eclipse-temurin:21", "entryPoint": ["sh", "-c"],',
      `    "command": ["java -Ddd.api-key=${K} -jar app.jar -javaagent:/dd-java-agent.jar"],`,
      `    "environment": [{ "name": "DD_API_KEY", "value": "${K}" }, { "name": "DD_APP_KEY", "value": ${A.length} },`,
      `      { "name": "DD_APPLICATION_KEY", "value": "${A}\t" }, { "name": "DD_SERVICE" "value": "${K}" }]`,
      '  }',
      ']}',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'arg-order', 'parse-error', 'value-syntax'],
  },
  {
    path: 'dotnet/Properties/launchSettings.json',
    text: [
      '{ "profiles": { "Api": { "environmentVariables": {',
      `  "DD_API_KEY": "${K}", // a comment`,
      `  "DD_APP_KEY": "${A}",`,
      '} } } }',
      '',
    ].join('\r\n'),
    expects: ['hardcoded-secret'],
  },
  {
    // Quoted, escaped, continued over a line, and in the ExecStart command line.
    path: 'systemd/orders.service',
    text: [
      '[Service]',
      `Environment="DD_API_KEY=${K}" DD_SERVICE=orders`,
      `Environment=DD_APP_KEY=${A.slice(0, 20)}\\`,
      `${A.slice(20)} "DD_ENV=unterminated`,
      `Environment='DD_APPLICATION_KEY=${A}'`,
      `ExecStart=/usr/bin/java -jar app.jar -Ddd.api-key=${K}`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'arg-order', 'parse-error'],
  },
  {
    path: 'systemd/api.service.d/override.conf',
    text: ['[Service]', `Environment=DD_API_KEY=${K}`, ''].join('\r\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'java/datadog.properties',
    text: [
      `dd.api-key=${K}`,
      `dd.application-key : ${A.slice(0, 10)}\\`,
      `    ${A.slice(10)}`,
      `dd.api-key ${K}\\u00zz`,
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'parse-error'],
  },
  {
    path: 'fabric/ServiceManifest.xml',
    text: [
      '<ServiceManifest Name="Api"><CodePackage Name="Code"><EnvironmentVariables>',
      `  <EnvironmentVariable Name="DD_API_KEY" Value="${K}" />`,
      `  <EnvironmentVariable Name="DD_APP_KEY" Type="Encrypted" Value="${A}" />`,
      `  <EnvironmentVariable Name="DD_APPLICATION_KEY" Value=${A} />`,
      '</EnvironmentVariables></CodePackage></ServiceManifest>',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret', 'parse-error'],
  },
  {
    path: 'azure/webapp-settings.json',
    text: [
      '[',
      `  { "name": "DD_API_KEY", "value": "${K}", "slotSetting": false },`,
      `  { "name": "DD_APP_KEY", "value": "${A}", "slotSetting": true }`,
      ']',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'terraform/main.tf',
    text: [
      'resource "aws_ecs_task_definition" "app" {',
      '  container_definitions = jsonencode([{',
      '    name  = "agent"',
      `    image = "public.ecr.aws/datadog/agent:${K}"`,
      `    environment = [{ name = "DD_API_KEY", value = "${K}" }, { name = "DD_APP_KEY", "value" : "${A}" }]`,
      '  }])',
      '}',
      'resource "aws_ecs_task_definition" "heredoc" {',
      '  container_definitions = <<EOF',
      `[{"name": "app", "environment": [{"name": "DD_API_KEY", "value": "${K}"}]}]`,
      'EOF',
      '}',
      'resource "aws_lambda_function" "f" {',
      `  environment { variables = { DD_API_KEY = "${K}", DD_APP_KEY = "\\${A}" } }`,
      '}',
      '',
    ].join('\r\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'terraform/prod.tfvars',
    text: [`app_env = { DD_API_KEY = "${K}" }`, ''].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'nomad/app.nomad',
    text: [
      'job "a" {',
      '  group "g" {',
      '    task "t" {',
      `      env { DD_API_KEY = "${K}" }`,
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  {
    path: 'jenkins/Jenkinsfile',
    text: [
      'pipeline {',
      '  environment {',
      `    DD_API_KEY = '${K}'`,
      `    DD_APP_KEY = "${A}"`,
      '  }',
      '  stages { stage("x") { steps {',
      `    withEnv(["DD_API_KEY=${K}", 'JAVA_TOOL_OPTIONS=-Ddd.api-key=${K}']) { sh 'make' }`,
      '  } } }',
      '}',
      '',
    ].join('\n'),
    expects: ['hardcoded-secret'],
  },
  ...KEY_AS_VALUE,
];

/** The planted keys found in `text`, by any run of 8 or more characters in any case; [] when none. */
export function findPlanted(text: string): string[] {
  const folded = text.toLowerCase();
  return PLANTED_SECRETS.filter((secret) => {
    for (let i = 0; i + 8 <= secret.length; i++) if (folded.includes(secret.slice(i, i + 8))) return true;
    return false;
  });
}

/** Writes the planted files into a fresh temporary directory and returns its path. */
export function writePlantedWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'dd-planted-'));
  for (const file of PLANTED_FILES) {
    const path = join(root, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.text);
  }
  return root;
}
