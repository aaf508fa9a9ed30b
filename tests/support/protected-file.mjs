// A second implementation of the protected file format, written from
// docs/protected-file-format.md alone with Node's own Web Crypto, so that the tests hold the app
// and the document to each other rather than the app to itself.
import { webcrypto } from 'node:crypto';

const { subtle } = webcrypto;

export const FORMAT = 'partnership-scorecard-protected';
export const VERSION = 1;
export const CIPHER = 'AES-256-GCM';
export const KDF = 'PBKDF2-SHA-256';
export const ITERATIONS = 600000;
export const MIN_ITERATIONS = 100000;
export const MAX_ITERATIONS = 10000000;
export const MAX_BYTES = 2797248;
const FIELDS = ['format', 'format_version', 'cipher', 'kdf', 'iterations', 'salt', 'nonce', 'ciphertext'];
const HEADER = FIELDS.slice(0, 7);
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Why a text is not a protected file this implementation opens, or why it did not open. */
export class ProtectedFileError extends Error {}

export const encodeBase64 = (bytes) => Buffer.from(bytes).toString('base64');

/** Strict base64: the alphabet, the padding, zero leftover bits (so one text per byte string). */
export function decodeBase64(text) {
  if (typeof text !== 'string' || !STRICT_BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null;
}

/** The associated data: each header field as `name=value` and a line feed, in order. */
export function associatedData(header) {
  return HEADER.map((name) => `${name}=${header[name]}\n`).join('');
}

/** PBKDF2-HMAC-SHA-256 of the NFC passphrase's UTF-8 bytes: the 32 bytes of the AES key. */
export async function deriveKeyBytes(passphrase, salt, iterations) {
  const password = new TextEncoder().encode(passphrase.normalize('NFC'));
  const base = await subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, base, 256);
  return new Uint8Array(bits);
}

const gcm = (header, nonce) => ({
  name: 'AES-GCM',
  iv: nonce,
  additionalData: new TextEncoder().encode(associatedData(header)),
  tagLength: 128,
});

/** Encrypts `text` under `passphrase`: the envelope's JSON text. */
export async function seal(passphrase, text, { iterations = ITERATIONS } = {}) {
  const salt = webcrypto.getRandomValues(new Uint8Array(16));
  const nonce = webcrypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: FORMAT,
    format_version: VERSION,
    cipher: CIPHER,
    kdf: KDF,
    iterations,
    salt: encodeBase64(salt),
    nonce: encodeBase64(nonce),
  };
  const keyBytes = await deriveKeyBytes(passphrase, salt, iterations);
  const key = await subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['encrypt']);
  const encrypted = await subtle.encrypt(gcm(header, nonce), key, new TextEncoder().encode(text));
  return `${JSON.stringify({ ...header, ciphertext: encodeBase64(new Uint8Array(encrypted)) }, null, 2)}\n`;
}

/**
 * Reads and checks an envelope (steps 1 to 4 of "Opening"), deriving nothing: its header as
 * written, and its salt, nonce and ciphertext as bytes. Throws a ProtectedFileError otherwise.
 */
export function readEnvelope(envelopeText) {
  const refuse = (why) => {
    throw new ProtectedFileError(why);
  };
  if (Buffer.byteLength(envelopeText, 'utf8') > MAX_BYTES) refuse('too large');
  let value;
  try {
    value = JSON.parse(envelopeText.replace(/^\uFEFF/, ''));
  } catch {
    refuse('not JSON');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value.format !== FORMAT) {
    refuse('not a protected file');
  }
  if (typeof value.format_version === 'number' && value.format_version !== VERSION) refuse('unsupported version');
  for (const name of Object.keys(value)) if (!FIELDS.includes(name)) refuse(`unknown field ${name}`);
  for (const name of FIELDS) {
    const expected = name === 'format_version' || name === 'iterations' ? 'number' : 'string';
    if (typeof value[name] !== expected) refuse(`${name} missing or not a ${expected}`);
  }
  if (!Number.isInteger(value.format_version)) refuse('format_version not a whole number');
  if (value.cipher !== CIPHER) refuse('unknown cipher');
  if (value.kdf !== KDF) refuse('unknown kdf');
  const { iterations } = value;
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    refuse('iterations outside the accepted range');
  }
  const [salt, nonce, ciphertext] = ['salt', 'nonce', 'ciphertext'].map((name) => {
    const bytes = decodeBase64(value[name]);
    return bytes ?? refuse(`${name} is not base64`);
  });
  if (salt.length !== 16) refuse('salt is not 16 bytes');
  if (nonce.length !== 12) refuse('nonce is not 12 bytes');
  if (ciphertext.length < 16) refuse('ciphertext shorter than its tag');
  const header = Object.fromEntries(HEADER.map((name) => [name, value[name]]));
  return { header, salt, nonce, ciphertext };
}

/** Decrypts a read envelope with the key's bytes (step 5 and 6 of "Opening"). */
export async function openWithKey(keyBytes, { header, nonce, ciphertext }) {
  const key = await subtle.importKey('raw', keyBytes, 'AES-GCM', false, ['decrypt']);
  let plain;
  try {
    plain = await subtle.decrypt(gcm(header, nonce), key, ciphertext);
  } catch {
    throw new ProtectedFileError('wrong passphrase or damaged file');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(plain);
  } catch {
    throw new ProtectedFileError('not UTF-8 text');
  }
}

/** Opens an envelope with `passphrase`: the text inside, or a ProtectedFileError. */
export async function open(passphrase, envelopeText) {
  const envelope = readEnvelope(envelopeText);
  return openWithKey(await deriveKeyBytes(passphrase, envelope.salt, envelope.header.iterations), envelope);
}
