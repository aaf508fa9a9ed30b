// The release build's whole transfer (html + js + wasm + css, gzipped) stays within budget: the
// widget is used over slow and metered connections. Sizes are deterministic, so this is asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 150 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

test(`the release build transfers at most ${BUDGET_BYTES} bytes gzipped`, () => {
  const files = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  const kinds = new Set(files.map((f) => f.split('.').pop()));
  for (const kind of ['html', 'js', 'wasm', 'css']) assert.ok(kinds.has(kind), `dist has no .${kind} file`);
  let total = 0;
  for (const f of files) {
    const raw = readFileSync(join(dist, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`size: ${f}: ${raw.length} bytes, ${gz} bytes gzipped`);
  }
  console.log(`size: total ${total} bytes gzipped (budget ${BUDGET_BYTES})`);
  assert.ok(total <= BUDGET_BYTES, `${total} bytes gzipped is over the ${BUDGET_BYTES}-byte budget`);
});
