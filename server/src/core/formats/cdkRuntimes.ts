/**
 * The runtime an AWS CDK function runs, from its `runtime` (`lambda.Runtime.NODEJS_20_X`,
 * `_lambda.Runtime.PYTHON_3_12`) or its construct (`NodejsFunction`, `PythonFunction`, `GoFunction`).
 */
import type { Runtime, RuntimeHint } from '../types.js';

const BY_NAME: readonly [RegExp, Runtime][] = [
  [/Runtime\.NODEJS|NodejsFunction$/, 'nodejs'],
  [/Runtime\.PYTHON|PythonFunction$/, 'python'],
  [/Runtime\.JAVA/, 'java'],
  [/Runtime\.DOTNET/, 'dotnet'],
  [/Runtime\.RUBY/, 'ruby'],
  [/Runtime\.GO_|GoFunction$/, 'go'],
];

export function cdkRuntimeHint(text: string, scope: string): RuntimeHint | undefined {
  const runtime = BY_NAME.find(([pattern]) => pattern.test(text))?.[1];
  return runtime ? { runtime, scope, reason: `\`${text.replace(/\s+/g, '')}\`` } : undefined;
}
