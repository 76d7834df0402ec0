/**
 * `docker run` / `podman run` option parsing: which word is the image (options with and without values,
 * joined short flags, `--opt=value`, `--`), what `-e` forms set, and what is not a container at all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractShell } from '../../server/src/core/formats/shell.js';

function imagesOf(line: string): string[] {
  return (extractShell(`${line}\n`).images ?? []).map((i) => i.image);
}

describe('docker run: the image argument', () => {
  const cases: [string, string[]][] = [
    ['docker run -it --rm -v /a:/b -p 80:80 --name web nginx:1 sh', ['nginx:1']],
    ['docker run -dit --env-file .env --network=host img', ['img']],
    ['docker --context prod container run -e A=1 -- img --flag', ['img']],
    ['podman run --rm --replace -e DD_ENV=x quay.io/org/app:2', ['quay.io/org/app:2']],
    ['docker create --init -u 1000 -w /app img cmd', ['img']],
    ['sudo docker run img', ['img']],
    ['docker ps -a', []],
    ['docker build -t img .', []],
    ['docker run', []],
    ['echo docker run img', []],
  ];
  for (const [line, images] of cases) it(line, () => assert.deepEqual(imagesOf(line), images));
});

describe('docker run: environment options', () => {
  it('reads -e, --env and --env= as settings of the container, -e NAME as a reference', () => {
    const result = extractShell('docker run -e A=1 --env B="two words" --env=C=3 -e D -e "E=5" img\n');
    assert.deepEqual(
      result.occurrences.map((o) => [o.scope, o.name, o.value, o.valueKind, o.quoting]),
      [
        ['docker:1:1', 'A', '1', 'literal', 'none'],
        ['docker:1:1', 'B', 'two words', 'literal', 'double'],
        ['docker:1:1', 'C', '3', 'literal', 'none'],
        ['docker:1:1', 'D', undefined, 'reference', undefined],
        ['docker:1:1', 'E', '5', 'literal', 'none'],
      ],
    );
  });

  it('keeps the container apart from the script: its command hints its own runtime only', () => {
    const result = extractShell('export DD_ENV=prod\ndocker run -e DD_SERVICE=x img ddtrace-run python app.py\n');
    assert.deepEqual(
      result.runtimeHints.map((h) => [h.runtime, h.scope]),
      [['python', 'docker:2:1']],
    );
    assert.deepEqual(
      result.occurrences.map((o) => [o.name, o.scope]),
      [
        ['DD_ENV', 'file'],
        ['DD_SERVICE', 'docker:2:1'],
      ],
    );
  });
});
