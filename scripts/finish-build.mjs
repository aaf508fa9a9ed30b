// Trunk's post-build hook (Trunk.toml): makes the files Trunk staged smaller before they reach
// dist/, because every byte counts against the 150 KB download budget. Trunk's own minifier
// cannot minify wasm-bindgen's JavaScript, so esbuild (npm) does it here:
//
// - The glue, boot.js, the service worker and the stylesheet are minified (comments and spaces).
// - index.html loses its comments, which are for whoever reads its source.
// - The content files (content/**/*.json) lose their indentation.
// - The Subresource Integrity hashes Trunk wrote into index.html are recomputed for the files
//   changed here; a stale hash would make the browser refuse the app.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('finish-build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const path = (name) => join(dir, name);
const glueName = 'partnership-scorecard.js';

const changed = [];
for (const [name, loader] of [[glueName, 'js'], ['boot.js', 'js'], ['sw.js', 'js'], ['main.css', 'css']]) {
  const text = readFileSync(path(name), 'utf8');
  writeFileSync(path(name), transformSync(text, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code);
  changed.push(name);
}

const html = readFileSync(path('index.html'), 'utf8').replace(/<!--[\s\S]*?-->\s*/g, '').replace(
  /(href="[^"]*?([\w.-]+)"[^>]*?integrity=")(sha384-[^"]+)"/g,
  (all, before, file, old) => {
    if (!changed.includes(file)) return all;
    return `${before}sha384-${createHash('sha384').update(readFileSync(path(file))).digest('base64')}"`;
  },
);
writeFileSync(path('index.html'), html);

for (const entry of readdirSync(path('content'), { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
  const file = join(entry.parentPath, entry.name);
  writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))));
}
