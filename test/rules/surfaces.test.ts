/**
 * Which value a runtime uses when one setting is written on two surfaces: the precedence table covers
 * every surface but the environment, and the winner does not depend on the order of writing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PRECEDENCES, readersOf, winnerFor } from '../../server/src/core/rules/surfaces.js';
import { SURFACES, type SettingOccurrence, type Surface } from '../../server/src/core/types.js';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
function occurrence(surface: Surface, name: string, value: string): SettingOccurrence {
  return { surface, name, nameRange: at, value, valueKind: 'literal', scope: 'stage:0' };
}

describe('surface precedence', () => {
  it('covers every surface besides the environment, one runtime each', () => {
    assert.deepEqual(PRECEDENCES.map((p) => p.surface).sort(), SURFACES.filter((s) => s !== 'env').sort());
    assert.equal(new Set(PRECEDENCES.map((p) => p.runtime)).size, PRECEDENCES.length);
  });

  it('Java takes the system property, in either order', () => {
    const env = occurrence('env', 'DD_PROFILING_ENABLED', 'true');
    const property = occurrence('javaProperty', 'dd.profiling.enabled', 'false');
    assert.equal(winnerFor('java', [env, property]), property);
    assert.equal(winnerFor('java', [property, env]), property);
  });

  it('PHP takes the environment over php.ini; Ruby the code; ddprof the flag', () => {
    const env = occurrence('env', 'DD_PROFILING_ENABLED', 'true');
    const ini = occurrence('phpIni', 'datadog.profiling.enabled', '0');
    const ruby = occurrence('rubyConfigure', 'profiling.enabled', 'false');
    const flag = occurrence('ddprofFlag', '--enable', 'false');
    assert.equal(winnerFor('php', [ini, env]), env);
    assert.equal(winnerFor('php', [env, ini]), env);
    assert.equal(winnerFor('ruby', [ruby, env]), ruby);
    assert.equal(winnerFor('ddprof', [env, flag]), flag);
  });

  it('a runtime ignores the surfaces it does not read, and the last value on one surface wins', () => {
    const first = occurrence('env', 'DD_PROFILING_ENABLED', 'true');
    const property = occurrence('javaProperty', 'dd.profiling.enabled', 'false');
    const last = occurrence('env', 'DD_PROFILING_ENABLED', 'false');
    assert.equal(winnerFor('python', [first, property, last]), last);
    assert.equal(winnerFor('python', [property]), undefined);
    assert.deepEqual(readersOf(property, ['python', 'java']), ['java']);
    assert.deepEqual(readersOf(first, ['python', 'java']), ['python', 'java']);
  });
});
