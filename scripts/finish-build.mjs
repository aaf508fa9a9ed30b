// Trunk's post-build hook (Trunk.toml): makes the files Trunk staged smaller before they reach
// dist/, because every byte counts against the 150 KB download budget. Trunk's own minifier
// cannot minify wasm-bindgen's JavaScript, so esbuild (npm) does it here:
//
// - Leptos always links server_fn, whose web streams are exported to JavaScript although a
//   client-only app never calls them. The release build's wasm-opt drops those exports
//   (index.html); this drops the JavaScript classes that wrapped them, and fails the build if
//   anything still refers to one.
// - The glue, boot.js, the service worker and the stylesheet are minified (comments and spaces).
// - The Subresource Integrity hashes Trunk wrote into index.html are recomputed for the files
//   changed here; a stale hash would make the browser refuse the app.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('finish-build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const path = (name) => join(dir, name);
const glueName = 'partnership-scorecard.js';

/** wasm-bindgen's wrapper classes whose WebAssembly exports are gone. */
function deadClasses(glue) {
  const exported = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(path('partnership-scorecard_bg.wasm'))))
    .map((e) => e.name);
  return [...glue.matchAll(/^export class (\w+) \{$/gm)]
    .map((m) => m[1])
    .filter((name) => !exported.some((e) => e.startsWith(`${name.toLowerCase()}_`) || e === `__wbg_${name.toLowerCase()}_free`));
}

function dropClasses(glue) {
  for (const name of deadClasses(glue)) {
    const body = new RegExp(`^export class ${name} \\{$[\\s\\S]*?^\\}\\n(if \\(Symbol\\.dispose\\) ${name}\\.prototype.*\\n)?`, 'm');
    const registry = new RegExp(`^const ${name}Finalization = [\\s\\S]*?\\);\\n`, 'm');
    if (!body.test(glue) || !registry.test(glue)) throw new Error(`${glueName}: cannot find all of class ${name}`);
    glue = glue.replace(body, '').replace(registry, '');
    if (new RegExp(`\\b${name}`).test(glue)) throw new Error(`${glueName}: ${name} is still used after dropping it`);
  }
  return glue;
}

const changed = [];
for (const [name, loader] of [[glueName, 'js'], ['boot.js', 'js'], ['sw.js', 'js'], ['main.css', 'css']]) {
  let text = readFileSync(path(name), 'utf8');
  if (name === glueName) text = dropClasses(text);
  writeFileSync(path(name), transformSync(text, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code);
  changed.push(name);
}

const html = readFileSync(path('index.html'), 'utf8').replace(
  /(href="[^"]*?([\w.-]+)"[^>]*?integrity=")(sha384-[^"]+)"/g,
  (all, before, file, old) => {
    if (!changed.includes(file)) return all;
    return `${before}sha384-${createHash('sha384').update(readFileSync(path(file))).digest('base64')}"`;
  },
);
writeFileSync(path('index.html'), html);
