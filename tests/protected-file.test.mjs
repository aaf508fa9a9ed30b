// The protected file format (docs/protected-file-format.md) through its second implementation,
// tests/support/protected-file.mjs (Node's Web Crypto): a round trip, a changed byte anywhere, the
// header's authentication, absurd parameters refused, the document's worked example and the Rust
// tests' fixture opened (the fixture also through Node's OpenSSL interface, and checked to owe
// nothing to the app's code), and the cost of deriving a key, printed. The app's own side reads
// the same fixture and the document's example in src/domain/envelope.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as pf from './support/protected-file.mjs';

const fileText = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const resultFile = fileText('fixtures/result-file-v1.json');
const PASSPHRASE = 'correct-horse-battery-staple';
const wrongOrDamaged = /wrong passphrase or damaged file/;

test('a file sealed with a passphrase opens with it, and only with it', async () => {
  const envelope = await pf.seal(PASSPHRASE, resultFile);
  assert.equal(await pf.open(PASSPHRASE, envelope), resultFile);
  await assert.rejects(pf.open('correct-horse-battery-stapLe', envelope), wrongOrDamaged);
  await assert.rejects(pf.open('', envelope), wrongOrDamaged);

  const value = JSON.parse(envelope);
  assert.deepEqual(Object.keys(value), ['format', 'format_version', 'cipher', 'kdf', 'iterations', 'salt', 'nonce', 'ciphertext']);
  assert.equal(pf.decodeBase64(value.ciphertext).length, Buffer.byteLength(resultFile) + 16, 'the text and its tag');

  const again = JSON.parse(await pf.seal(PASSPHRASE, resultFile));
  for (const field of ['salt', 'nonce', 'ciphertext']) assert.notEqual(again[field], value[field], `a fresh ${field} every time`);
});

test('the passphrase is taken in Unicode NFC: an accent typed either way is the same passphrase', async () => {
  const envelope = await pf.seal('Cafe\u0301 with our partners', 'text');
  assert.equal(await pf.open('Caf\u00e9 with our partners', envelope), 'text');
});

test('a changed byte anywhere in the file, header or ciphertext, and it does not open', async () => {
  const envelope = await pf.seal(PASSPHRASE, 'A short text: every byte of its envelope is changed in turn.');
  const { header } = pf.readEnvelope(envelope);
  // A key per salt and iteration count, derived once (each takes about half a second).
  const keys = new Map();
  const keyFor = ({ salt, header: h }) => {
    const id = `${h.salt}|${h.iterations}`;
    if (!keys.has(id)) keys.set(id, pf.deriveKeyBytes(PASSPHRASE, salt, h.iterations));
    return keys.get(id);
  };
  // Another character of the same kind, so that most changes still read and reach the
  // cryptography: a digit for a digit, a base64 symbol for one; outside values, a letter.
  const symbols = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const other = (c) => {
    if (/[0-9]/.test(c)) return String((Number(c) + 1) % 10);
    if (symbols.includes(c)) return symbols[(symbols.indexOf(c) + 1) % 64];
    return c === 'x' ? 'y' : 'x';
  };
  // Only changes to the salt or the iteration count need a key of their own: every digit of
  // the count, and three places in the salt.
  const saltAt = envelope.indexOf(header.salt);
  const inSalt = (at) => at >= saltAt && at < saltAt + header.salt.length;
  const sampled = new Set([saltAt, saltAt + 11, saltAt + 21]);
  const outcomes = { refused: 0, failed: 0 };
  const attempts = [];
  for (let at = 0; at < envelope.length; at++) {
    if (inSalt(at) && !sampled.has(at)) continue;
    const changed = envelope.slice(0, at) + other(envelope[at]) + envelope.slice(at + 1);
    attempts.push(
      (async () => {
        let read;
        try {
          read = pf.readEnvelope(changed);
        } catch (error) {
          assert.ok(error instanceof pf.ProtectedFileError, String(error));
          outcomes.refused++;
          return;
        }
        await assert.rejects(pf.openWithKey(await keyFor(read), read), wrongOrDamaged, `byte ${at} changed: ${changed}`);
        outcomes.failed++;
      })(),
    );
  }
  await Promise.all(attempts);
  assert.equal(outcomes.refused + outcomes.failed, attempts.length);
  assert.ok(outcomes.failed > 100, `most changes reach the cryptography (${JSON.stringify(outcomes)})`);
  assert.ok(keys.size >= 4, `changed salts and iteration counts were tried (${keys.size} keys)`);
  // The unchanged envelope, through the same path, opens.
  const read = pf.readEnvelope(envelope);
  assert.match(await pf.openWithKey(await keyFor(read), read), /every byte/);
});

test('the header is authenticated: with the right key, any other header value fails', async () => {
  const envelope = await pf.seal(PASSPHRASE, 'text');
  const read = pf.readEnvelope(envelope);
  const key = await pf.deriveKeyBytes(PASSPHRASE, read.salt, read.header.iterations);
  assert.equal(await pf.openWithKey(key, read), 'text');
  const others = {
    format: 'partnership-scorecard-protected-x',
    format_version: 2,
    cipher: 'AES-128-GCM',
    kdf: 'PBKDF2-SHA-512',
    iterations: 600001,
    salt: pf.encodeBase64(new Uint8Array(16)),
    nonce: pf.encodeBase64(new Uint8Array(12)),
  };
  for (const [field, value] of Object.entries(others)) {
    // The same key and nonce, only the header's text changed: the associated data alone fails it.
    const header = { ...read.header, [field]: value };
    await assert.rejects(pf.openWithKey(key, { ...read, header }), wrongOrDamaged, field);
  }
});

test('absurd and unknown parameters are refused before any key is derived', async () => {
  const value = JSON.parse(await pf.seal(PASSPHRASE, 'text'));
  const cases = {
    iterations: [0, 1, 99999, 10000001, 1e12, 600000.5, '600000'],
    format_version: [2, 0],
    cipher: ['AES-128-GCM', 'aes-256-gcm'],
    kdf: ['argon2id'],
    salt: ['', 'AAAA', `${value.salt} `, value.salt.replace('==', '=')],
    nonce: [pf.encodeBase64(new Uint8Array(16)), 'not base64!'],
    ciphertext: [pf.encodeBase64(new Uint8Array(15))],
  };
  for (const [field, values] of Object.entries(cases)) {
    for (const v of values) {
      const text = JSON.stringify({ ...value, [field]: v });
      assert.throws(() => pf.readEnvelope(text), pf.ProtectedFileError, `${field}: ${v}`);
      const started = performance.now();
      await assert.rejects(pf.open(PASSPHRASE, text), pf.ProtectedFileError);
      assert.ok(performance.now() - started < 100, 'refused at once, nothing derived');
    }
  }
  assert.throws(() => pf.readEnvelope(JSON.stringify({ ...value, note: 'hi' })), /unknown field note/);
  assert.throws(() => pf.readEnvelope(resultFile), /not a protected file/);
});

/** The fenced blocks of the document, each as its text without the last line's line feed. */
function blocks(markdown) {
  return [...markdown.matchAll(/^```[a-z]*\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

/** The first block after the heading `### <heading>` of the worked example. */
function blockAfter(markdown, heading) {
  const from = markdown.indexOf(`\n### ${heading}\n`, markdown.indexOf('\n## Worked example\n'));
  assert.ok(from > 0, `the document has "### ${heading}" in its worked example`);
  return blocks(markdown.slice(from))[0];
}

test("the document's worked example opens, step by step", async () => {
  const doc = fileText('../docs/protected-file-format.md');
  const passphrase = blockAfter(doc, 'Passphrase');
  const plaintext = blockAfter(doc, 'Plaintext');
  const [saltHex, nonceHex] = blockAfter(doc, 'Salt and nonce, in hexadecimal').split('\n');
  const keyHex = blockAfter(doc, 'Key, in hexadecimal');
  const envelope = blockAfter(doc, 'Envelope');
  // The associated data is the example block of its section, its last line feed included.
  const associatedData = `${blocks(doc).find((b) => b.startsWith('format=partnership-scorecard-protected\n'))}\n`;

  const read = pf.readEnvelope(envelope);
  assert.equal(Buffer.from(read.salt).toString('hex'), saltHex);
  assert.equal(Buffer.from(read.nonce).toString('hex'), nonceHex);
  assert.equal(pf.associatedData(read.header), associatedData);
  assert.equal(Buffer.byteLength(associatedData), 165, 'the document says 165 bytes');
  const key = await pf.deriveKeyBytes(passphrase, read.salt, read.header.iterations);
  assert.equal(Buffer.from(key).toString('hex'), keyHex);
  assert.equal(await pf.openWithKey(key, read), plaintext);
  assert.equal(await pf.open(passphrase, envelope), plaintext);
  assert.equal(`${JSON.stringify(JSON.parse(envelope), null, 2)}\n`, `${envelope}\n`, 'in the layout the app writes');
});

test('the fixture the Rust tests read opens to the result file inside it', async () => {
  // tests/fixtures/protected-result-file-v1.json: made by pf.seal(PASSPHRASE, resultFile).
  const fixture = fileText('fixtures/protected-result-file-v1.json');
  assert.equal(await pf.open(PASSPHRASE, fixture), resultFile);
  // The associated data src/domain/envelope.rs checks the app computes for it, saved beside it.
  const read = pf.readEnvelope(fixture);
  assert.equal(pf.associatedData(read.header), fileText('fixtures/protected-result-file-v1.associated-data.txt'));
});

test('the fixture and the second implementation owe nothing to the app', async () => {
  // The second implementation uses Node's built-ins only: no import of the app's code, its
  // WebAssembly or its build, nor anything of them copied in.
  const source = fileText('support/protected-file.mjs');
  const imports = [...source.matchAll(/^\s*import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  assert.deepEqual(imports, ['node:crypto']);
  assert.doesNotMatch(source, /\bimport\(|\brequire\(|\.wasm\b|\bsrc\/|\bdist\/|\bpkg\/|wasm-bindgen/);

  // The fixture is the documented procedure's output, checked here through another of Node's
  // interfaces than the one that made it (OpenSSL's PBKDF2 and AES-GCM directly, not Web Crypto),
  // with the associated data spelled out from the document's rule, not taken from either side.
  const fixture = fileText('fixtures/protected-result-file-v1.json');
  const value = JSON.parse(fixture);
  const bytes = (field) => Buffer.from(value[field], 'base64');
  const key = pbkdf2Sync(Buffer.from(PASSPHRASE.normalize('NFC'), 'utf8'), bytes('salt'), value.iterations, 32, 'sha256');
  const sealed = bytes('ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes('nonce'), { authTagLength: 16 });
  decipher.setAAD(
    Buffer.from(
      'format=partnership-scorecard-protected\nformat_version=1\ncipher=AES-256-GCM\nkdf=PBKDF2-SHA-256\n' +
        `iterations=${value.iterations}\nsalt=${value.salt}\nnonce=${value.nonce}\n`,
    ),
  );
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
  assert.equal(plain.toString('utf8'), resultFile);

  // Not a copy of the document's example, nor of the plaintext: its own salt and nonce, and
  // nothing of the result file readable in it.
  const docEnvelope = JSON.parse(blockAfter(fileText('../docs/protected-file-format.md'), 'Envelope'));
  assert.notEqual(value.salt, docEnvelope.salt);
  assert.notEqual(value.nonce, docEnvelope.nonce);
  assert.ok(resultFile.includes('Nordic Aid') && !sealed.includes(Buffer.from('Nordic Aid')) && !fixture.includes('Nordic'));
});

test('a file the second implementation makes now is laid out as the fixture the app reads back', async () => {
  // src/domain/envelope.rs reads the fixture and writes it back byte for byte; a file made now
  // has the same fields, order and layout, so the app's reader takes it just the same.
  const made = await pf.seal(PASSPHRASE, resultFile);
  const fixture = fileText('fixtures/protected-result-file-v1.json');
  const shape = (text) => text.replace(/"[A-Za-z0-9+/=]{16,}"/g, '"…"');
  assert.equal(shape(made), shape(fixture));
  assert.equal(`${JSON.stringify(JSON.parse(made), null, 2)}\n`, made);
  assert.ok(Buffer.byteLength(made) <= pf.MAX_BYTES);
  assert.equal(await pf.open(PASSPHRASE, made), resultFile);
});

test('cost: PBKDF2-SHA-256, 600,000 iterations, in Node on this machine', async (t) => {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const times = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await pf.deriveKeyBytes('7kqm-x3pa-9fwd-hc2e-ub4n', salt, pf.ITERATIONS);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const line = `PBKDF2-SHA-256 ${pf.ITERATIONS} iterations: ${times.map((ms) => `${Math.round(ms)} ms`).join(', ')} (median ${Math.round(times[1])} ms)`;
  t.diagnostic(line);
  // No budget: a figure to read, not a pass or fail; only a sanity bound.
  assert.ok(times[1] < 60_000);
});
