// Starts the app. A file of its own rather than the inline script Trunk would write, so the page
// runs under a strict Content Security Policy (script-src 'self', see index.html). The script
// tag that loads this file names the JavaScript and WebAssembly files of the build.
const tag = document.querySelector('script[data-psc-js]');
const { default: init } = await import(tag.dataset.pscJs);
await init({ module_or_path: tag.dataset.pscWasm });
