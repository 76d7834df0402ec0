/**
 * Prism hangs (it does not throw) on Ruby nested ~200 deep, so the extractor measures nesting first.
 * The estimate must stay low on real files and pass the limit on deep ones, whatever the nesting kind.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_RUBY_NESTING, rubyNestingDepth } from '../../server/src/core/formats/rubyDepth.js';

describe('rubyNestingDepth', () => {
  it('is small on real configuration files', () => {
    const initializer = readFileSync('examples/ruby-rails/config/initializers/datadog.rb', 'utf8');
    assert.ok(rubyNestingDepth(initializer) <= 4, `depth ${rubyNestingDepth(initializer)}`);
  });

  it('counts blocks, brackets, and statement-opening keywords', () => {
    assert.equal(rubyNestingDepth('Datadog.configure do |c|\n  c.env = "x"\nend\n'), 1);
    assert.equal(rubyNestingDepth('if a\n  foo(bar[1])\nend\n'), 3);
    assert.equal(rubyNestingDepth('x = if a then 1 else 2 end\n'), 1);
  });

  it('ignores modifiers, method names, strings and comments', () => {
    assert.equal(rubyNestingDepth('return if done\nputs "(((( do do"\n# begin begin\nobj.end\n'), 0);
    assert.equal(rubyNestingDepth("x = '[[[' unless y\n"), 0);
    assert.equal(rubyNestingDepth('x = a <=> !!b || -c ** 2\n# ' + '='.repeat(300) + '\n'), 0);
  });

  it('passes the limit on nesting deep enough to hang Prism, closed or not', () => {
    const deep = (open: string, close: string) => open.repeat(200) + 'c.x = 1\n' + close.repeat(200);
    for (const text of [
      deep('Datadog.configure do |c|\n', 'end\n'),
      deep('Datadog.configure do |c|\n', ''),
      deep('begin\n', 'end\n'),
      deep('(', ')'),
      deep('[', ']'),
      deep('{', '}'),
      deep('<!--', '-->'),
    ]) {
      assert.ok(rubyNestingDepth(text) > MAX_RUBY_NESTING);
    }
  });
});
