// The module graph (scripts/module-graph.mjs): the crate has no cycle between modules and its
// layers depend inwards only; and the check finds a cycle and a broken layer where there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const run = (env = {}) => spawnSync(process.execPath, ['scripts/module-graph.mjs', '--list'], {
  cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8', env: { ...process.env, ...env },
});

test('the crate has no cycle between modules, and every layer depends inwards', () => {
  const out = run();
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /no cycle between modules/);
  assert.match(out.stdout, /^crate::ui::screens::results\n(  -> .*\n)*  -> crate::domain::result_file$/m, 'the list shows what a screen uses');
});

test('a cycle and a layer using an outer one are found and named', () => {
  const out = run({ MODULE_GRAPH_SRC: new URL('fixtures/module-graph/src', import.meta.url).pathname });
  assert.equal(out.status, 1);
  assert.match(out.stdout, /cycles:\n  crate::domain::a <-> crate::domain::b/);
  assert.match(out.stdout, /layers broken:\n  crate::domain::b -> crate::ui\n/);
  assert.doesNotMatch(out.stdout, /never_counted/, 'tests are not part of the graph');
});
