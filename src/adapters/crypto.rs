//! Protected files through the browser's own Web Crypto: AES-256-GCM with a key from
//! PBKDF2-SHA-256, in the envelope of `domain::envelope` (`docs/protected-file-format.md`).
//! No cryptography is written here: bytes go to `crypto.subtle` and come back.
//!
//! `crypto.subtle` exists only in a secure context (https, or http on localhost): on a page
//! served over plain http from another address every call gives `Unavailable`, for the UI to
//! explain. Deriving a key (600,000 iterations) took Node's Web Crypto about 0.5 s on a 2-core
//! 2.5 GHz server (the document's "Cost"); a slower device takes longer. It runs off the page's
//! thread: the calls are `async`, so the page stays responsive, and a Leptos handler runs
//! them with `spawn_local(async move { let sealed = seal(text.as_bytes(), &passphrase).await; … })`.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, SubtleCrypto};

use crate::domain::envelope::{Envelope, EnvelopeError, Header, KEY_BITS, NONCE_BYTES, SALT_BYTES, TAG_BYTES};
use crate::domain::passphrase;
use crate::domain::result_file::MAX_FILE_BYTES;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CryptoError {
    /// No Web Crypto here: the page is not a secure context (plain http from an address other
    /// than localhost), or the browser is too old to have it.
    Unavailable,
    /// More than the largest file the app reads: its envelope would be refused on opening.
    TooLarge { bytes: usize, limit: usize },
    /// The browser refused an operation it has (out of memory, say).
    Failed,
}

/// Why a protected file did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Unavailable,
    /// Not a protected file this app can open, said before any key is derived: not one at all,
    /// a later version, a field changed out of shape, parameters outside the accepted range.
    Envelope(EnvelopeError),
    /// The passphrase is wrong, or the file was changed since it was protected (a byte damaged
    /// on its way, an edit). AES-GCM's tag fails alike in both cases and cannot say which, so
    /// neither can the app: one value, for one message that names both.
    WrongPassphraseOrDamaged,
    Failed,
}

impl From<CryptoError> for OpenError {
    fn from(error: CryptoError) -> OpenError {
        match error {
            CryptoError::Unavailable => OpenError::Unavailable,
            // Only sealing checks a size; an envelope's is checked by `Envelope::read`.
            CryptoError::TooLarge { .. } | CryptoError::Failed => OpenError::Failed,
        }
    }
}

/// Fills `bytes` from the browser's cryptographically secure generator.
pub fn fill_random(bytes: &mut [u8]) -> Result<(), CryptoError> {
    let crypto = crypto()?;
    // getRandomValues fills at most 65,536 bytes a call.
    for chunk in bytes.chunks_mut(65_536) {
        crypto.get_random_values_with_u8_array(chunk).map_err(|_| CryptoError::Failed)?;
    }
    Ok(())
}

/// `n` bytes from the browser's cryptographically secure generator (`crypto.getRandomValues`,
/// which, unlike `crypto.subtle`, is there in an insecure context too).
pub fn random_bytes(n: usize) -> Result<Vec<u8>, CryptoError> {
    let mut bytes = vec![0; n];
    fill_random(&mut bytes)?;
    Ok(bytes)
}

/// A new passphrase to offer: five groups of four symbols, 99 bits (`domain::passphrase`).
pub fn new_passphrase() -> Result<String, CryptoError> {
    loop {
        // Out of accepted bytes about once in 10^11 draws: then another draw.
        if let Some(passphrase) = passphrase::generate(&random_bytes(passphrase::RANDOM_BYTES)?) {
            return Ok(passphrase);
        }
    }
}

/// Encrypts `plaintext` (a result or joint file's JSON text, as UTF-8 bytes) under
/// `passphrase`: the protected file's text, with a fresh salt and nonce. The passphrase is taken
/// as given: whether a person's own is long enough is the caller's check
/// (`domain::passphrase::meets_minimum`).
pub async fn seal(plaintext: &[u8], passphrase: &str) -> Result<String, CryptoError> {
    if plaintext.len() > MAX_FILE_BYTES {
        return Err(CryptoError::TooLarge { bytes: plaintext.len(), limit: MAX_FILE_BYTES });
    }
    let subtle = subtle()?;
    let mut salt = [0; SALT_BYTES];
    let mut nonce = [0; NONCE_BYTES];
    fill_random(&mut salt)?;
    fill_random(&mut nonce)?;
    let header = Header::new(salt, nonce);
    let key = derive_key(&subtle, passphrase, &header, "encrypt").await?;
    let data = Uint8Array::from(plaintext);
    let sealed = settle(subtle.encrypt_with_object_and_js_u8_array(&gcm(&header), &key, &data))
        .await
        .map_err(|_| CryptoError::Failed)?;
    let ciphertext = Uint8Array::new(&sealed).to_vec();
    // Never write a file that would not open again.
    if ciphertext.len() != plaintext.len() + TAG_BYTES {
        return Err(CryptoError::Failed);
    }
    Ok(Envelope { header, ciphertext }.to_json())
}

/// Decrypts a protected file with `passphrase`: the bytes it protects, to be read (as UTF-8, then
/// as the result or joint file they are) by the caller. The envelope is read and checked before
/// any key is derived, so a file outside the format's parameters costs nothing.
pub async fn open(envelope_text: &str, passphrase: &str) -> Result<Vec<u8>, OpenError> {
    let Envelope { header, ciphertext } = Envelope::read(envelope_text).map_err(OpenError::Envelope)?;
    let subtle = subtle()?;
    let key = derive_key(&subtle, passphrase, &header, "decrypt").await?;
    let data = Uint8Array::from(&ciphertext[..]);
    // Decryption refuses only when the tag does not match.
    let opened = settle(subtle.decrypt_with_object_and_js_u8_array(&gcm(&header), &key, &data))
        .await
        .map_err(|_| OpenError::WrongPassphraseOrDamaged)?;
    Ok(Uint8Array::new(&opened).to_vec())
}

/// The global scope's `crypto`: a window's, or a worker's.
fn crypto() -> Result<Crypto, CryptoError> {
    let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).map_err(|_| CryptoError::Unavailable)?;
    if crypto.is_undefined() {
        return Err(CryptoError::Unavailable);
    }
    Ok(crypto.unchecked_into())
}

/// `crypto.subtle`, which is undefined outside a secure context.
fn subtle() -> Result<SubtleCrypto, CryptoError> {
    let subtle = crypto()?.subtle();
    if subtle.is_undefined() {
        return Err(CryptoError::Unavailable);
    }
    Ok(subtle)
}

/// The promise a Web Crypto call returned, settled; a call that threw at once fails alike.
async fn settle(call: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(call?).await
}

/// The AES-GCM key for `header`: PBKDF2-HMAC-SHA-256 of the passphrase in Unicode NFC (so an
/// accent typed as one character or as two is the same passphrase), as the format says. Not
/// extractable: the page's script cannot read it.
async fn derive_key(
    subtle: &SubtleCrypto,
    passphrase: &str,
    header: &Header,
    usage: &str,
) -> Result<CryptoKey, CryptoError> {
    let normalised = String::from(js_sys::JsString::from(passphrase).normalize("NFC"));
    let password = Uint8Array::from(normalised.as_bytes());
    let base = settle(subtle.import_key_with_str("raw", &password, "PBKDF2", false, &usages("deriveKey")))
        .await
        .map_err(|_| CryptoError::Failed)?;
    let pbkdf2 = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("iterations", header.iterations.into()),
        ("salt", Uint8Array::from(&header.salt[..]).into()),
    ]);
    let aes = object(&[("name", "AES-GCM".into()), ("length", KEY_BITS.into())]);
    let derived =
        subtle.derive_key_with_object_and_object(&pbkdf2, &base.unchecked_into(), &aes, false, &usages(usage));
    let key = settle(derived).await.map_err(|_| CryptoError::Failed)?;
    Ok(key.unchecked_into())
}

/// Web Crypto's key usages: a list of one.
fn usages(usage: &str) -> JsValue {
    Array::of1(&JsValue::from_str(usage)).into()
}

/// AES-GCM's parameters for `header`: its nonce, its associated data, a 128-bit tag. The bytes
/// are copied into JavaScript arrays, which stay valid whatever the WebAssembly memory does.
fn gcm(header: &Header) -> Object {
    object(&[
        ("name", "AES-GCM".into()),
        ("iv", Uint8Array::from(&header.nonce[..]).into()),
        ("additionalData", Uint8Array::from(header.associated_data().as_bytes()).into()),
        ("tagLength", 128.into()),
    ])
}

/// A plain object of these properties: Web Crypto's algorithm parameters. Set with
/// `Reflect.set`, which the app imports already, rather than with web-sys's dictionary setters,
/// one more import each (240 bytes gzipped in all, measured).
fn object(properties: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in properties {
        // Setting a property of a new plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object
}
