/**
 * The module boundaries of src/: every layer has an entry file, other layers
 * reach it only through that entry (or its documented internal entry), data
 * flows one way down the layer order, and the root re-exports a curated,
 * explicit list.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** The layers from the top of the stack down: a layer imports only from layers before it. */
const LAYERS = ['core', 'geo', 'city', 'cameras', 'network', 'retention', 'coverage', 'mobility', 'exposure', 'planning', 'scenario', 'io', 'sweep', 'cli'];
/** Files another layer may import: the public entry and the internal entry. */
const ENTRY_FILES = new Set(['index.ts', 'internal.ts']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Relative module specifiers of a file's static imports, re-exports and dynamic imports. */
function relativeImports(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) specs.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) specs.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return specs.filter((s) => s.startsWith('.'));
}

const layerOf = (file: string): string => relative(src, file).split(sep)[0];

/** Every cross-folder import in src/, as [importing file, imported file]. */
function crossLayerImports(): Array<[from: string, to: string]> {
  const pairs: Array<[string, string]> = [];
  for (const file of sourceFiles(src)) {
    if (file === join(src, 'index.ts')) continue;
    for (const spec of relativeImports(file)) {
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (!target.startsWith(src + sep)) continue;
      if (layerOf(target) !== layerOf(file)) pairs.push([relative(src, file), relative(src, target)]);
    }
  }
  return pairs;
}

describe('module boundaries of src/', () => {
  test('every layer folder has an entry file with an explicit export list', () => {
    for (const layer of LAYERS) {
      const entry = join(src, layer, 'index.ts');
      expect(existsSync(entry), `${layer}/index.ts`).toBe(true);
      expect(readFileSync(entry, 'utf8'), `${layer}/index.ts uses export *`).not.toMatch(/export \*/);
    }
  });

  test('every folder of src/ is a layer of the documented order', () => {
    const folders = readdirSync(src).filter((name) => statSync(join(src, name)).isDirectory());
    expect(folders.sort()).toEqual([...LAYERS].sort());
  });

  test('a folder imports another folder only through its index.ts or internal.ts', () => {
    const deep = crossLayerImports().filter(([, to]) => !ENTRY_FILES.has(to.split(sep).slice(1).join(sep)));
    expect(deep.map(([from, to]) => `${from} imports ${to}`)).toEqual([]);
  });

  test('imports run one way, down the layer order', () => {
    const upward = crossLayerImports().filter(([from, to]) => LAYERS.indexOf(layerOf(join(src, to))) >= LAYERS.indexOf(layerOf(join(src, from))));
    expect(upward.map(([from, to]) => `${from} imports ${to}`)).toEqual([]);
  });

  test('the root entry re-exports layer entries by name, never a file inside a layer or an internal entry', () => {
    const text = readFileSync(join(src, 'index.ts'), 'utf8');
    expect(text).not.toMatch(/export \*/);
    const specs = relativeImports(join(src, 'index.ts'));
    expect(specs.length).toBeGreaterThan(0);
    for (const spec of specs) expect(spec).toMatch(/^\.\/[a-z]+\/index\.js$/);
  });

  test('internal entries are never re-exported by a public entry', () => {
    for (const layer of LAYERS) {
      const entry = join(src, layer, 'index.ts');
      expect(relativeImports(entry).filter((s) => s.includes('internal'))).toEqual([]);
    }
  });
});

describe('the public surface', () => {
  test('the root exports at most 200 runtime names', async () => {
    const api = await import('../../src/index.js');
    expect(Object.keys(api).length).toBeLessThanOrEqual(200);
    expect(Object.keys(api).length).toBeGreaterThan(100);
  });

  test('no export of the root or of a subpath entry is tagged @internal or takes an origin label', () => {
    const entries = ['index.ts', 'geo/index.ts', 'network/index.ts', 'retention/index.ts', 'mobility/index.ts', 'exposure/index.ts', 'planning/index.ts', 'sweep/index.ts'].map((f) => join(src, f));
    const program = ts.createProgram(entries, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, types: [] });
    const checker = program.getTypeChecker();
    const offenders: string[] = [];
    for (const entry of entries) {
      const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
      for (const exported of checker.getExportsOfModule(moduleSymbol)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        for (const decl of symbol.declarations ?? []) {
          const docs = ts.getJSDocTags(decl).map((t) => t.tagName.text);
          if (docs.includes('internal')) offenders.push(`${relative(src, entry)}: ${exported.name} is @internal`);
          const params = ts.isFunctionDeclaration(decl) ? decl.parameters.map((p) => p.name.getText()) : [];
          if (params.includes('origin')) offenders.push(`${relative(src, entry)}: ${exported.name} takes an origin label`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
