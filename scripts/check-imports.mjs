#!/usr/bin/env node
// Builds the import graph of src/ (type-only imports included: a type cycle is still a
// knot for the reader) and fails on any cycle, or on an import against the layers
// (docs: ../shared ARCHITECTURE, "Layers that run one way"):
//   sim -> shared (the contract) -> replay -> drill -> debrief -> main/session -> hosts -> renderer
// A layer imports only from itself and layers to its left; the renderer (a browser page)
// only from sim and shared.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveSpec(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(c) && statSync(c).isFile() && c.endsWith('.ts')) return c;
  }
  return null;
}

export function importGraph() {
  const graph = new Map();
  for (const file of walk(src)) {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const deps = new Set();
    for (const m of text.matchAll(IMPORT)) {
      const target = resolveSpec(file, m[1] ?? m[2] ?? m[3]);
      if (target) deps.add(target);
    }
    graph.set(file, deps);
  }
  return graph;
}

// Tarjan's strongly connected components: every component of more than one file (or a
// file importing itself) is a cycle.
export function cyclesOf(graph) {
  let index = 0;
  const idx = new Map(), low = new Map(), onStack = new Set(), stack = [], out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1 || graph.get(v)?.has(v)) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const LAYERS = [
  ['sim', 0], ['shared', 1], ['replay', 2], ['drill', 3], ['debrief', 4], ['main/session', 5],
  ['main/host', 6], ['main', 6], ['preload', 6], ['cli', 6], ['renderer', 7],
];
const RENDERER_MAY = new Set(['sim', 'shared', 'renderer']);

export function layerOf(file) {
  const rel = relative(src, file).split('\\').join('/');
  const hit = LAYERS.find(([dir]) => rel === dir || rel.startsWith(`${dir}/`));
  return hit ? { name: hit[0], rank: hit[1] } : null;
}

/** Imports that run against the layers: [from, to] pairs. */
export function layerBreaks(graph) {
  const out = [];
  for (const [from, deps] of graph) {
    const a = layerOf(from);
    if (!a) continue;
    for (const to of deps) {
      const b = layerOf(to);
      if (!b || a.name === b.name) continue;
      const ok = a.name === 'renderer' ? RENDERER_MAY.has(b.name) : b.rank < a.rank || (b.rank === a.rank && a.name !== 'main/session');
      if (!ok) out.push([from, to]);
    }
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const cycles = cyclesOf(graph);
  const breaks = layerBreaks(graph);
  for (const c of cycles) console.log(`cycle: ${c.map((f) => relative(root, f)).join(' <-> ')}`);
  for (const [a, b] of breaks) console.log(`against the layers: ${relative(root, a)} imports ${relative(root, b)}`);
  console.log(`${graph.size} files, ${cycles.length} import cycle(s), ${breaks.length} import(s) against the layers in src/`);
  process.exit(cycles.length || breaks.length ? 1 : 0);
}
