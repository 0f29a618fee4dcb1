//@ts-check
// The browser builds: the language server as a web-worker bundle (Langium
// with no file system; `node:fs` and `node:path` are stand-ins, see
// web/node-stubs.cjs) and the playground, one self-contained index.html with
// CodeMirror, the worker's source, the diagrams and the examples inlined,
// which opens from file:// as from any static host. The CLI ships it
// (`entente playground --out DIR` writes it), `npm start` puts it into
// out/playground/.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stubs = path.join(root, 'scripts/web/node-stubs.cjs');

/** @type {import('esbuild').Plugin} */
const nodeStubs = {
    name: 'node-stubs',
    setup(build) {
        build.onResolve({ filter: /^(node:)?(fs|path)$/ }, () => ({ path: stubs }));
    }
};

/** @type {import('esbuild').BuildOptions} */
const browser = {
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    write: false,
    plugins: [nodeStubs]
};

/** The language server for a web worker, as JavaScript source. */
export async function buildServerWorker(options = {}) {
    const result = await esbuild.build({ ...browser, entryPoints: ['packages/language/src/main-browser.ts'], outfile: 'server-worker.js', ...options });
    return result.outputFiles?.[0]?.text ?? '';
}

/**
 * The playground's examples: each example folder as one text, its party
 * files first (the playground has one document), the before/after pairs and
 * the journals left out (a journal's findings depend on today's date, and the
 * playground shows the charter's design).
 */
function examples() {
    const folders = [
        ['reference', 'Acme x Globex: joint go-to-market'],
        ['co-development', 'Helix x Nimbus: co-development'],
        ['reseller', 'Northwind x Contoso: reseller programme'],
        ['coalition', 'Riverton: a three-party coalition'],
        ['broken', 'Orbit x Kestrel: a draft with problems'],
        ['fixed', 'Orbit x Kestrel: the draft fixed']
    ];
    const charterFiles = folder => readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.charter') && path.basename(entry.parentPath) !== 'journals')
        .map(entry => path.join(entry.parentPath, entry.name)).sort();
    return folders.map(([id, title]) => {
        const folder = path.join(root, 'examples', id);
        const own = charterFiles(folder);
        // The broken and fixed twins share examples/parties.
        const shared = id === 'broken' || id === 'fixed' ? charterFiles(path.join(root, 'examples/parties')) : [];
        const texts = [...shared, ...own].map(file => readFileSync(file, 'utf8').trimEnd());
        const isParties = text => !/^charter\s/m.test(text);
        const ordered = [...texts.filter(isParties), ...texts.filter(text => !isParties(text))];
        return { id, title, text: `${ordered.join('\n\n')}\n` };
    });
}

/** Makes a script's text safe inside an inline <script> element. */
function inlineScript(code) {
    return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The playground page, one HTML file. */
export async function buildPlayground() {
    const worker = await buildServerWorker();
    const page = await esbuild.build({
        ...browser,
        entryPoints: ['packages/playground/src/main.ts'],
        outfile: 'playground.js',
        define: { ENTENTE_WORKER_SOURCE: JSON.stringify(worker), ENTENTE_EXAMPLES: JSON.stringify(examples()) }
    });
    const script = page.outputFiles?.[0]?.text ?? '';
    const css = readFileSync(path.join(root, 'packages/playground/src/playground.css'), 'utf8');
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Entente playground: partnership charters as code</title>
<style>${css}</style>
</head>
<body>
<header>
  <h1>Entente playground</h1>
  <label>Example <select id="example"></select></label>
  <button id="share" type="button" title="Copy a link with this charter in it">Copy link</button>
  <span id="status" role="status"></span>
</header>
<main>
  <section id="editor" aria-label="Charter"></section>
  <section id="preview" aria-label="Preview">
    <nav id="charters" aria-label="Charters" hidden></nav>
    <nav id="tabs" role="tablist"></nav>
    <div id="view"></div>
    <h2>Findings</h2>
    <ul id="findings"></ul>
  </section>
</main>
<script>${inlineScript(script)}</script>
</body>
</html>
`;
}

/** Writes the playground to a folder as index.html. */
export async function writePlayground(folder) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'index.html'), await buildPlayground());
}

if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
    await writePlayground(process.argv[2] ?? path.join(root, 'out/playground'));
}
