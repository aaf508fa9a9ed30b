// Trunk's post-build hook (Trunk.toml): cuts the app's WebAssembly in two, the start screen's
// share and the later part (src/ui/parts/later.rs), then makes the files Trunk staged smaller
// before they reach dist/, because every byte counts against the download budgets.
//
// - Splitting: rustc's output (linked with relocations kept, scripts/trunk.sh) is cut by
//   wasm-split (crates.io `wasm_split_cli_support`, the splitter cargo-leptos runs) at the
//   functions marked `#[wasm_split(later, …)]`. The main module goes through wasm-bindgen as
//   Trunk's would, and both through wasm-opt; their files replace the single module Trunk staged.
//   Trunk cannot do this itself: it has no step between cargo and wasm-bindgen.
// - The part's file name carries a hash of its bytes, written into its loader: a page never
//   joins a part from another build to its main module (that would not fail cleanly), whatever a
//   cache holds, and the service worker changes, so reinstalls, with every build that changes it.
// - The loader compiles a part from its bytes when the server does not say it is WebAssembly, as
//   wasm-bindgen's glue does for the main module.
// - Trunk's own minifier cannot minify wasm-bindgen's JavaScript, so esbuild (npm) does it here:
//   the glue, the later part's loader, boot.js, the service worker and the stylesheet.
// - The service worker is told the later part's file names (its loader and module), to keep them for offline use.
// - index.html loses its comments, which are for whoever reads its source.
// - The content files (content/**/*.json) lose their indentation.
// - The start screen is drawn into index.html, to show before the app's code arrives
//   (scripts/first-screen.mjs).
// - The Subresource Integrity hashes Trunk wrote into index.html are recomputed for the files
//   changed here; a stale hash would make the browser refuse the app.
import { readFileSync, writeFileSync, readdirSync, mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { transformSync } from 'esbuild';
import { drawFirstScreen } from './first-screen.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('finish-build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is unset)');
const path = (name) => join(dir, name);
const app = 'partnership-scorecard';
const glueName = `${app}.js`;
const loaderName = '__wasm_split.js';

// wasm-opt -Oz after flattening and re-looping the control flow (1.7 KB less gzipped than -Oz
// alone, measured), without debug names and tool sections. The features listed are those Rust
// 1.95 emits for wasm32 and every browser the widget supports runs.
const WASM_OPT = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-reference-types',
  '--enable-multivalue', '--enable-mutable-globals', '--flatten', '--rereloop', '-Oz', '--converge',
  '--strip-debug', '--strip-producers', '--strip-target-features',
];
// A tool's complaints are shown only when it fails (wasm-opt warns about every part's name
// section, which --strip-debug drops anyway).
const run = (command, args) => {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} failed: ${error.stderr ?? error.message}`);
  }
};
// Where cargo wrote the app, as cargo itself says (CARGO_TARGET_DIR, build.target-dir, ...).
const { target_directory: targetDir } = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }));
const built = join(targetDir, 'wasm32-unknown-unknown', process.env.TRUNK_PROFILE, `${app}.wasm`);
const work = mkdtempSync(join(tmpdir(), 'psc-split-'));
let parts;
try {
  run('wasm-split-cli', ['--target', 'web', '--out-name', app, built, work]);
  run('wasm-bindgen', ['--target=web', '--no-typescript', '--keep-lld-exports', `--out-dir=${work}/bound`, `--out-name=${app}`, join(work, `${app}.wasm`)]);
  copyFileSync(join(work, 'bound', glueName), path(glueName));
  run('wasm-opt', [...WASM_OPT, join(work, 'bound', `${app}_bg.wasm`), '-o', path(`${app}_bg.wasm`)]);
  let loader = readFileSync(join(work, loaderName), 'utf8');
  parts = [];
  for (const part of readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${app}.wasm`).sort()) {
    run('wasm-opt', [...WASM_OPT, join(work, part), '-o', join(work, 'bound', part)]);
    const bytes = readFileSync(join(work, 'bound', part));
    const named = part.replace(/\.wasm$/, `.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.wasm`);
    const literal = `"./${part}"`;
    if (!loader.includes(literal)) throw new Error(`${loaderName} does not fetch ${literal}: update scripts/finish-build.mjs`);
    loader = loader.replaceAll(literal, `"./${named}"`);
    writeFileSync(path(named), bytes);
    parts.push(named);
  }
  const streaming = 'WebAssembly.instantiateStreaming(src, imports)';
  if (!loader.includes(streaming)) throw new Error(`${loaderName} has no \`${streaming}\`: update scripts/finish-build.mjs`);
  writeFileSync(path(loaderName), `${loader.replaceAll(streaming, 'instantiatePart(src, imports)')}
async function instantiatePart(fetched, imports) {
  const response = await fetched;
  if (!response.ok) throw new Error(\`\${response.url}: \${response.status}\`);
  if (response.headers.get('Content-Type') === 'application/wasm') return WebAssembly.instantiateStreaming(response, imports);
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}
`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!parts.length) throw new Error('wasm-split found no split point: see src/ui/screens/split.rs');
const sw = readFileSync(path('sw.js'), 'utf8');
if (!sw.includes('const PARTS = [];')) throw new Error('sw.js has no `const PARTS = [];` to fill in');
writeFileSync(path('sw.js'), sw.replace('const PARTS = [];', `const PARTS = ${JSON.stringify([loaderName, ...parts])};`));

const changed = [`${app}_bg.wasm`];
for (const [name, loader] of [[glueName, 'js'], [loaderName, 'js'], ['boot.js', 'js'], ['sw.js', 'js'], ['main.css', 'css']]) {
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

// Last, once every file is in place: the start screen drawn into index.html (the script says why).
await drawFirstScreen(dir);
