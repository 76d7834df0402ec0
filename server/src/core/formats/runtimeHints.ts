/**
 * Evidence of a runtime in images and commands: what a Dockerfile stage, a compose service or a k8s
 * container runs. Used by every format that names images or start commands.
 */
import type { Runtime } from '../types.js';

const IMAGES: readonly (readonly [RegExp, Runtime])[] = [
  [
    /(^|\/)(openjdk|eclipse-temurin|amazoncorretto|ibmjava|ibm-semeru-runtimes|sapmachine|azul\/zulu[^:]*|[^/:]*(jdk|jre)[^/:]*|maven|gradle|tomcat|jetty|wildfly)(:|$)/,
    'java',
  ],
  [/(^|\/)(python|pypy)[^/:]*(:|$)/, 'python'],
  [/(^|\/)golang(:|$)/, 'go'],
  [/(^|\/)(ruby|jruby)(:|$)/, 'ruby'],
  [/(^|\/)(node|bun)(:|$)/, 'nodejs'],
  [/mcr\.microsoft\.com\/dotnet\/|(^|\/)dotnet[^/:]*(:|$)/, 'dotnet'],
  [/(^|\/)(php|php-fpm|wordpress|drupal|composer)[^/:]*(:|$)/, 'php'],
];

/** Runtimes an image name implies (`python:3.12-slim` -> python); empty for generic images. */
export function hintsFromImage(image: string): Runtime[] {
  const name = image.toLowerCase().replace(/@sha256:.*/, '');
  return IMAGES.filter(([pattern]) => pattern.test(name)).map(([, runtime]) => runtime);
}

const COMMANDS: readonly (readonly [RegExp, Runtime])[] = [
  [/-javaagent:\S*dd-java-agent|dd-java-agent\.jar|dtdg\.co\/latest-java-tracer/, 'java'],
  [/\bddtrace-run\b|pip3? install[^&|;]*\bddtrace\b|ddtrace\.profiling\.auto/, 'python'],
  [/\bddprofrb\b|gem install[^&|;]*\bdatadog\b|datadog\/profiling\/preload/, 'ruby'],
  [/dd-trace\/init|(npm|yarn|pnpm) (install|i|add)[^&|;]*\bdd-trace\b/, 'nodejs'],
  [/datadog-dotnet-apm|Datadog\.Trace\.ClrProfiler|\bdotnet\s+\S+\.dll\b/, 'dotnet'],
  [/datadog-setup\.php|\bphp-fpm\b/, 'php'],
  [/(^|[\s/"'])ddprof(\s|"|'|$)|ddprof-[\w.-]*\.tar/, 'ddprof'],
  [/dd-trace-go|gopkg\.in\/DataDog|github\.com\/DataDog\/dd-trace-go|\borchestrion\b/, 'go'],
];

/** Runtimes a command line or install step implies (`ddtrace-run python app.py` -> python). */
export function hintsFromCommand(text: string): Runtime[] {
  return COMMANDS.filter(([pattern]) => pattern.test(text)).map(([, runtime]) => runtime);
}
