// Writes dist-single/partnership-scorecard.html: the whole app in one HTML file, to download,
// email or carry on a USB stick and open from disk with no network at all. Made from the release
// build in dist/ (run after `bash scripts/trunk.sh build --release`).
//
// The stylesheet travels in a <style id="psc-stylesheet" media="not all"> that each widget copies
// into its shadow root; the wasm-bindgen glue and every part of the WebAssembly (base64) run from
// one inline module script. The file keeps a strict Content Security Policy: the inline script and style are
// allowed by their SHA-256 hashes only, and nothing may be fetched from anywhere.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';

const repo = new URL('../', import.meta.url).pathname;
const dist = join(repo, 'dist');
const out = join(repo, 'dist-single');
const read = (name) => readFileSync(join(dist, name));

const css = read('main.css').toString('utf8');
// Every content file (the list of questionnaires, each questionnaire), by its path under
// content/, in a JSON block the app reads instead of fetching (src/adapters/content.rs). `<\/`
// is JSON's own escape, so no `</script>` can end the block early.
const contentDir = join(dist, 'content');
const content = Object.fromEntries(
  readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => {
      const file = join(e.parentPath, e.name);
      return [file.slice(contentDir.length + 1).split('\\').join('/'), readFileSync(file, 'utf8')];
    }),
);
const contentBlock = JSON.stringify(content).replaceAll('</', '<\\/');
// The wasm-bindgen glue and the loader of the later part import each other, so esbuild
// bundles them into the one inline script. Every part is carried in it (base64) and handed to
// the loader from there: the loader's fetch of a part beside it becomes a Response made from its
// bytes, so nothing is fetched.
const app = 'partnership-scorecard';
const base64 = (name) => JSON.stringify(read(name).toString('base64'));
const bytes = `(b) => Uint8Array.from(atob(b), (c) => c.charCodeAt(0))`;
const parts = readdirSync(dist).filter((name) => name.endsWith('.wasm') && name !== `${app}_bg.wasm`);
const fetchOfPart = /fetch\(new URL\("\.\/([\w.-]+\.wasm)",\s*import\.meta\.url\)\)/g;
let loader = read('__wasm_split.js').toString('utf8');
const fetched = [...loader.matchAll(fetchOfPart)].map((m) => m[1]);
if (!fetched.length || fetched.some((name) => !parts.includes(name)) || parts.some((name) => !fetched.includes(name))) {
  throw new Error(`the parts' loader fetches ${fetched.join(', ') || 'nothing it can be seen to'}, dist has ${parts.join(', ')}: update scripts/single-file.mjs`);
}
loader = loader.replace(fetchOfPart, (_, name) => `part(${JSON.stringify(name)})`);
if (/\bfetch\(/.test(loader)) throw new Error("the parts' loader still fetches something: update scripts/single-file.mjs");
loader = `const partBytes = ${bytes};
const parts = { ${parts.map((name) => `${JSON.stringify(name)}: ${base64(name)}`).join(', ')} };
const part = (name) => Promise.resolve(new Response(partBytes(parts[name]), { headers: { 'Content-Type': 'application/wasm' } }));
${loader}`;
const bundle = await build({
  stdin: {
    contents: `import init from './${app}.js';
await init({ module_or_path: (${bytes})(${base64(`${app}_bg.wasm`)}) });`,
    resolveDir: dist,
  },
  bundle: true,
  format: 'esm',
  minify: true,
  write: false,
  // wasm-bindgen's glue names the parts' loader once per function it imports from it, each time
  // the same module: a repeated key with the same value.
  logOverride: { 'duplicate-object-key': 'silent' },
  plugins: [{
    name: 'parts-inline',
    setup(build) {
      build.onLoad({ filter: /__wasm_split\.js$/ }, () => ({ contents: loader, loader: 'js' }));
    },
  }],
});
const script = bundle.outputFiles[0].text;
const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// `</` cannot occur inside the inline script or style, or it would end the element early.
for (const [name, text] of [['script', script], ['stylesheet', css]]) {
  if (/<\/(script|style)/i.test(text)) throw new Error(`the ${name} contains a closing tag`);
}
const policy = [
  "default-src 'none'",
  `script-src ${hash(script)} 'wasm-unsafe-eval'`,
  `style-src ${hash(css)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const page = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <title>Partnership Scorecard</title>
    <link rel="icon" href="data:," />
    <style id="psc-stylesheet" media="not all">${css}</style>
  </head>
  <body>
    <script type="application/json" id="psc-content">${contentBlock}</script>
    <div data-partnership-scorecard></div>
    <noscript>Partnership Scorecard needs JavaScript and WebAssembly to run in your browser. Nothing is sent to any server.</noscript>
    <script type="module">${script}</script>
  </body>
</html>
`;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'partnership-scorecard.html'), page);
console.log(`dist-single/partnership-scorecard.html: ${Buffer.byteLength(page)} bytes`);
