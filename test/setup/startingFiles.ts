/**
 * Realistic starting files for "Enable Datadog profiling…", per format and runtime: a partial setup
 * (one setting present, `DD_PROFILING_ENABLED` switched off), the same with CRLF line endings and
 * with tab or wider indentation, and an empty file. The "complete" case is the planned result itself.
 */
import type { Runtime } from '../../server/src/core/types.js';

export interface StartingFile {
  readonly fileName: string;
  readonly variant: string;
  readonly text: string;
}

const IMAGES: Readonly<Record<Runtime, string>> = {
  java: 'eclipse-temurin:21-jre',
  python: 'python:3.12-slim',
  go: 'golang:1.23',
  ruby: 'ruby:3.3',
  nodejs: 'node:22-slim',
  dotnet: 'mcr.microsoft.com/dotnet/aspnet:8.0',
  php: 'php:8.3-fpm',
  ddprof: 'debian:bookworm-slim',
};

const COMMANDS: Readonly<Record<Runtime, readonly string[]>> = {
  java: ['java', '-javaagent:/opt/datadog/dd-java-agent.jar', '-jar', '/app/app.jar'],
  python: ['ddtrace-run', 'gunicorn', 'app:app'],
  go: ['/app/server'],
  ruby: ['bundle', 'exec', 'rails', 'server'],
  nodejs: ['node', '-r', 'dd-trace/init', 'server.js'],
  dotnet: ['dotnet', 'MyApp.dll'],
  php: ['php-fpm'],
  ddprof: ['/usr/local/bin/ddprof', '/usr/local/bin/myapp'],
};

const WINDOWS_COMMANDS: Readonly<Partial<Record<Runtime, string>>> = {
  java: 'java -javaagent:C:\\datadog\\dd-java-agent.jar -jar app.jar',
  go: 'server.exe',
  nodejs: 'node -r dd-trace/init server.js',
  dotnet: 'dotnet MyApp.dll',
};

const off = (runtime: Runtime): string => (runtime === 'dotnet' || runtime === 'php' ? '0' : 'false');
const lines = (...all: string[]): string => `${all.join('\n')}\n`;

function dockerfile(runtime: Runtime, continuation: string): string {
  return lines(
    '# syntax=docker/dockerfile:1',
    `FROM ${IMAGES[runtime]} AS build`,
    'WORKDIR /src',
    'COPY . .',
    `FROM ${IMAGES[runtime]}`,
    'WORKDIR /app',
    'COPY --from=build /src /app',
    'ENV DD_ENV=staging \\',
    `${continuation}DD_PROFILING_ENABLED=${off(runtime)}`,
    'EXPOSE 8080',
    `CMD ${JSON.stringify(COMMANDS[runtime])}`,
  );
}

function compose(runtime: Runtime, unit: string): string {
  return lines(
    'services:',
    `${unit}app:`,
    `${unit}${unit}image: ${IMAGES[runtime]}`,
    `${unit}${unit}command: ${JSON.stringify(COMMANDS[runtime])}`,
    `${unit}${unit}environment:`,
    `${unit}${unit}${unit}DD_ENV: staging`,
    `${unit}${unit}${unit}DD_PROFILING_ENABLED: "${off(runtime)}"`,
    `${unit}redis:`,
    `${unit}${unit}image: redis:7`,
  );
}

function kubernetes(runtime: Runtime, unit: string): string {
  const u = (n: number): string => unit.repeat(n);
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `${u(1)}name: app`,
    'spec:',
    `${u(1)}template:`,
    `${u(2)}spec:`,
    `${u(3)}containers:`,
    `${u(3)}- name: app`,
    `${u(3)}  image: ${IMAGES[runtime]}`,
    `${u(3)}  args: ${JSON.stringify(COMMANDS[runtime])}`,
    `${u(3)}  ports:`,
    `${u(3)}  - containerPort: 8080`,
    `${u(3)}- name: sidecar`,
    `${u(3)}  image: busybox`,
  );
}

function webConfig(indent: string): string {
  const i = (n: number): string => indent.repeat(n);
  return lines(
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    `${i(1)}<location path="." inheritInChildApplications="false">`,
    `${i(2)}<system.webServer>`,
    `${i(3)}<handlers>`,
    `${i(4)}<add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />`,
    `${i(3)}</handlers>`,
    `${i(3)}<aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" hostingModel="inprocess">`,
    `${i(4)}<environmentVariables>`,
    `${i(5)}<environmentVariable name="DD_ENV" value="staging" />`,
    `${i(5)}<environmentVariable name="DD_PROFILING_ENABLED" value="0" />`,
    `${i(4)}</environmentVariables>`,
    `${i(3)}</aspNetCore>`,
    `${i(2)}</system.webServer>`,
    `${i(1)}</location>`,
    '</configuration>',
  );
}

const webConfigWithoutVariables = lines(
  '<?xml version="1.0" encoding="utf-8"?>',
  '<configuration>',
  '  <system.webServer>',
  '    <aspNetCore processPath="dotnet" arguments=".\\MyApp.dll" hostingModel="inprocess" />',
  '  </system.webServer>',
  '</configuration>',
);

function rubyInitializer(indent: string): string {
  return lines(
    '# frozen_string_literal: true',
    '',
    'Datadog.configure do |c|',
    `${indent}c.env = 'staging'`,
    `${indent}c.profiling.enabled = false`,
    `${indent}c.tracing.instrument :rails`,
    'end',
  );
}

function shell(runtime: Runtime, indent: string): string {
  return lines(
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    'export DD_ENV=staging',
    `export DD_PROFILING_ENABLED=${off(runtime)}`,
    'if [ -d /app ]; then',
    `${indent}cd /app`,
    `${indent}exec ${COMMANDS[runtime].join(' ')}`,
    'fi',
  );
}

function batch(runtime: Runtime): string {
  return lines(
    '@echo off',
    'REM Start the service',
    'SET DD_ENV=staging',
    'SET DD_PROFILING_ENABLED=0',
    'cd /d C:\\app',
    WINDOWS_COMMANDS[runtime] ?? 'app.exe',
  );
}

function powershell(runtime: Runtime, indent: string): string {
  return lines(
    '$ErrorActionPreference = "Stop"',
    "$env:DD_ENV = 'staging'",
    "$env:DD_PROFILING_ENABLED = '0'",
    'if (Test-Path C:\\app) {',
    `${indent}Set-Location C:\\app`,
    `${indent}& ${WINDOWS_COMMANDS[runtime] ?? 'app.exe'}`,
    '}',
  );
}

const phpIni = lines(
  '[PHP]',
  'memory_limit = 256M',
  'datadog.env = staging',
  'datadog.profiling.enabled = 0',
  '',
  '[PATH=/var/www/admin]',
  'display_errors = On',
);
const fpmPool = lines('[www]', 'user = www-data', 'pm = dynamic', 'php_admin_value[datadog.env] = staging');
const dotenv = lines('# Service settings', 'DD_ENV=staging', 'DD_PROFILING_ENABLED=false', 'LOG_LEVEL=info');

const crlf = (file: StartingFile): StartingFile => ({
  ...file,
  variant: `${file.variant}, CRLF`,
  text: file.text.replace(/\n/g, '\r\n'),
});

/** The starting files for one format's file name and a runtime that fits it. */
export function startingFiles(fileName: string, runtime: Runtime): StartingFile[] {
  const partial = (variant: string, text: string): StartingFile => ({ fileName, variant, text });
  const empty = partial('empty', '');
  const build = (make: (indent: string) => string, wide: string): StartingFile[] => {
    const base = partial('partial', make('  '));
    return [empty, base, crlf(base), partial('wide indentation', make(wide))];
  };
  switch (fileName) {
    case 'Dockerfile':
      return [
        empty,
        partial('partial', dockerfile(runtime, '    ')),
        crlf(partial('partial', dockerfile(runtime, '    '))),
        partial('tabs', dockerfile(runtime, '\t')),
      ];
    case '.env':
      return [empty, partial('partial', dotenv), crlf(partial('partial', dotenv))];
    case 'docker-compose.yml':
      return build((unit) => compose(runtime, unit), '    ');
    case 'deployment.yaml':
      return build((unit) => kubernetes(runtime, unit), '    ').filter((f) => f !== empty);
    case 'web.config':
      return [...build(webConfig, '\t'), partial('no environmentVariables', webConfigWithoutVariables)];
    case 'datadog.rb':
      return build(rubyInitializer, '\t');
    case 'start.sh':
      return build((indent) => shell(runtime, indent), '\t');
    case 'start.bat':
      return [empty, partial('partial', batch(runtime)), crlf(partial('partial', batch(runtime)))];
    case 'start.ps1':
      return build((indent) => powershell(runtime, indent), '\t');
    case 'php.ini':
      return [empty, partial('partial', phpIni), crlf(partial('partial', phpIni))];
    case 'www.conf':
      return [partial('pool', fpmPool)];
    default:
      return [];
  }
}

export const FILE_NAMES = [
  'Dockerfile',
  '.env',
  'docker-compose.yml',
  'deployment.yaml',
  'web.config',
  'datadog.rb',
  'start.sh',
  'start.bat',
  'start.ps1',
  'php.ini',
  'www.conf',
] as const;
