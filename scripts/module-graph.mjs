#!/usr/bin/env node
// The crate's module graph, from its `use` lines and the paths written in its code: prints each
// module (a file) with the modules it uses, then checks that there is no cycle between modules
// and that the layers depend inwards only (domain <- charts, adapters <- ui). Exits 1 on a
// cycle or a layer broken, naming them.
//
//   node scripts/module-graph.mjs          the check and a summary
//   node scripts/module-graph.mjs --list   every module with what it uses
//   node scripts/module-graph.mjs --dot    the graph for Graphviz (dot -Tsvg)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const src = process.env.MODULE_GRAPH_SRC ?? join(new URL('..', import.meta.url).pathname, 'src');

/** Every Rust file under src/, by module path (`crate::ui::parts::dom`). */
const files = new Map();
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.rs')) {
      const rel = relative(src, path).replace(/\.rs$/, '').split('/');
      if (rel.at(-1) === 'mod') rel.pop();
      if (rel.length === 1 && rel[0] === 'lib') rel.pop();
      if (rel.length === 1 && rel[0] === 'main') continue;
      files.set(['crate', ...rel].join('::'), path);
    }
  }
}
walk(src);
// Modules declared with #[path = "…"] (the native build's copies of UI files) are those files.
for (const [module, path] of [...files]) {
  const text = readFileSync(path, 'utf8');
  for (const m of text.matchAll(/#\[path\s*=\s*"([^"]+)"\]\s*(?:pub\s+)?mod\s+(\w+);/g)) {
    const target = join(dirname(path), m[1]);
    const existing = [...files].find(([, p]) => p === target);
    if (existing) files.set(`${module}::${m[2]}`, target);
  }
}

/** The module of `path` that has a file: its longest prefix that does. */
function resolve(segments) {
  for (let n = segments.length; n > 0; n -= 1) {
    const module = segments.slice(0, n).join('::');
    if (files.has(module)) return module;
  }
  return null;
}

/** Expands `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`. */
function expand(tree) {
  const open = tree.indexOf('{');
  if (open < 0) return [tree.trim()];
  const prefix = tree.slice(0, open);
  let depth = 0;
  let start = open + 1;
  const parts = [];
  for (let i = open; i < tree.length; i += 1) {
    if (tree[i] === '{') depth += 1;
    else if (tree[i] === '}') {
      depth -= 1;
      if (depth === 0) { parts.push(tree.slice(start, i)); break; }
    } else if (tree[i] === ',' && depth === 1) { parts.push(tree.slice(start, i)); start = i + 1; }
  }
  return parts.filter((p) => p.trim()).flatMap((p) => expand(prefix + p.trim()));
}

const uses = new Map();
for (const [module, path] of files) {
  // Comments and strings say nothing about dependencies, nor do tests (`#[cfg(test)]` to the end
  // of the file, where each file keeps its tests): the graph is of the code that ships.
  const text = readFileSync(path, 'utf8')
    .replace(/#\[cfg\(test\)\]\s*mod tests[\s\S]*$/, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const self = module.split('::');
  const absolute = (p) => {
    const segments = p.split('::').map((s) => s.trim()).filter(Boolean);
    if (segments[0] === 'crate') return segments;
    if (segments[0] === 'self') return [...self, ...segments.slice(1)];
    if (segments[0] === 'super') {
      let base = [...self];
      while (segments[0] === 'super') { base = base.slice(0, -1); segments.shift(); }
      return [...base, ...segments];
    }
    return null;
  };
  const targets = new Set();
  for (const m of text.matchAll(/\buse\s+((?:crate|super|self)::[^;]+);/g)) {
    for (const p of expand(m[1].replace(/\s+/g, ' '))) {
      const segments = absolute(p.replace(/\s+as\s+\w+$/, ''));
      if (segments) targets.add(resolve(segments));
    }
  }
  for (const m of text.matchAll(/\b((?:crate|super)(?:::\w+)+)/g)) {
    const segments = absolute(m[1]);
    if (segments) targets.add(resolve(segments));
  }
  targets.delete(null);
  targets.delete(module);
  uses.set(module, [...targets].sort());
}

/** Tarjan's strongly connected components: any with more than one module is a cycle. */
function cycles() {
  let index = 0;
  const stack = [];
  const info = new Map();
  const found = [];
  const visit = (v) => {
    info.set(v, { index, low: index, on: true });
    index += 1;
    stack.push(v);
    for (const w of uses.get(v) ?? []) {
      if (!info.has(w)) { visit(w); info.get(v).low = Math.min(info.get(v).low, info.get(w).low); }
      else if (info.get(w).on) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
    }
    if (info.get(v).low === info.get(v).index) {
      const component = [];
      let w;
      do { w = stack.pop(); info.get(w).on = false; component.push(w); } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of uses.keys()) if (!info.has(v)) visit(v);
  return found;
}

/** The layer a module is in, and the layers it may use. */
const layer = (m) => (m.split('::')[1] ?? 'crate');
const allowed = {
  domain: ['domain'],
  i18n: ['i18n'],
  content: ['content', 'domain'],
  charts: ['charts'],
  adapters: ['adapters', 'domain'],
  // The native build's copies of UI files, which must not reach the browser's modules.
  markup: ['markup'],
  words: ['words', 'domain', 'i18n'],
  ids: ['ids'],
};
const broken = [];
for (const [module, targets] of uses) {
  const mine = allowed[layer(module)];
  for (const target of targets) if (mine && !mine.includes(layer(target))) broken.push(`${module} -> ${target}`);
  // The UI's pure parts, compiled natively too, use nothing of the browser's.
  if (/^crate::ui::(markup|words|ids)$/.test(module)) {
    for (const target of targets) if (/^crate::(ui|adapters)\b/.test(target) && !/^crate::ui::(markup|words|ids)$/.test(target)) broken.push(`${module} -> ${target}`);
  }
}

const args = process.argv.slice(2);
if (args.includes('--dot')) {
  console.log('digraph modules {\n  rankdir=LR;');
  for (const [m, ts] of uses) for (const t of ts) console.log(`  "${m.replace('crate::', '')}" -> "${t.replace('crate::', '')}";`);
  console.log('}');
} else if (args.includes('--list')) {
  for (const [m, ts] of [...uses].sort()) console.log(`${m}\n${ts.map((t) => `  -> ${t}`).join('\n')}`);
}
const found = cycles();
const edges = [...uses.values()].reduce((n, ts) => n + ts.length, 0);
if (!args.includes('--dot')) {
  console.log(`${uses.size} modules, ${edges} uses between them`);
  console.log(found.length ? `cycles:\n${found.map((c) => `  ${c.join(' <-> ')}`).join('\n')}` : 'no cycle between modules');
  console.log(broken.length ? `layers broken:\n${broken.map((b) => `  ${b}`).join('\n')}` : 'every layer depends inwards only (domain <- charts, adapters <- ui)');
}
process.exit(found.length || broken.length ? 1 : 0);
