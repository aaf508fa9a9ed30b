//! A protected file: a result or joint file encrypted with a passphrase, inside a small JSON
//! envelope that says what it is and how it was made (`docs/protected-file-format.md`), so that
//! another program can open it and a later version of the app can change the parameters.
//!
//! Only the format lives here (writing, reading and checking an envelope, and the associated
//! data); the cryptography is the browser's own (`adapters::crypto`). Reading refuses anything
//! outside the accepted parameters before a key is derived, so a file cannot make the app spend
//! minutes on an absurd iteration count.

use serde_json::Value;

use super::base64;
use super::json::{self, Reader, ShapeProblem, TextProblem};
use super::result_file::MAX_FILE_BYTES;

/// The `format` of a protected file: recognised by it before anything else is read.
pub const FORMAT_NAME: &str = "partnership-scorecard-protected";
pub const FORMAT_VERSION: u32 = 1;

/// The only algorithms of version 1, by their names in the file.
pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA-256";

/// What the app writes: OWASP's figure for PBKDF2-HMAC-SHA-256 (2023).
pub const ITERATIONS: u32 = 600_000;
/// What it reads: fewer would be too weak to be worth the name; more would keep the reader
/// waiting (10,000,000 took 7 s where 600,000 took about 0.5 s, in Node's Web Crypto on a 2-core
/// 2.5 GHz server: the document's "Cost"), and a file could otherwise ask for hours, which
/// nothing can interrupt.
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;

pub const SALT_BYTES: usize = 16;
/// AES-GCM's nonce (its IV), at the size it is made for.
pub const NONCE_BYTES: usize = 12;
/// AES-GCM's authentication tag, at the end of the ciphertext.
pub const TAG_BYTES: usize = 16;
pub const KEY_BITS: u32 = 256;

/// Larger texts are refused before they are read: an envelope holds at most a file the app
/// reads ([`MAX_FILE_BYTES`]), its tag, in base64, and the header.
pub const MAX_ENVELOPE_BYTES: usize = (MAX_FILE_BYTES + TAG_BYTES).div_ceil(3) * 4 + 1024;

/// The fields of version 1, in the order they are written.
const FIELDS: [&str; 8] = ["format", "format_version", "cipher", "kdf", "iterations", "salt", "nonce", "ciphertext"];
/// Those of them that hold text, read in this order.
const TEXT_FIELDS: [&str; 5] = ["cipher", "kdf", "salt", "nonce", "ciphertext"];

/// What of the header can differ from one file to another in version 1: the rest (format,
/// version, algorithms) is fixed, and read only to be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub iterations: u32,
    pub salt: [u8; SALT_BYTES],
    pub nonce: [u8; NONCE_BYTES],
}

impl Header {
    /// The header of a new file: fresh random `salt` and `nonce` from the caller, the app's
    /// iteration count.
    pub fn new(salt: [u8; SALT_BYTES], nonce: [u8; NONCE_BYTES]) -> Header {
        Header { iterations: ITERATIONS, salt, nonce }
    }

    /// AES-GCM's associated data: the header's seven fields as `name=value` lines, each ended
    /// by a line feed, in the file's order (the document defines it byte for byte). The header
    /// is then authenticated with the ciphertext, so nothing in it can be changed unnoticed, a
    /// version or an algorithm name included; no value can hold a line feed, so no two headers
    /// give the same bytes. ASCII, so its UTF-8 bytes are these characters.
    pub fn associated_data(&self) -> String {
        format!(
            "format={FORMAT_NAME}\nformat_version={FORMAT_VERSION}\ncipher={CIPHER}\nkdf={KDF}\niterations={}\nsalt={}\nnonce={}\n",
            self.iterations,
            base64::encode(&self.salt),
            base64::encode(&self.nonce)
        )
    }
}

/// A protected file: its header, and the ciphertext with its tag at the end, as AES-GCM gives
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub header: Header,
    pub ciphertext: Vec<u8>,
}

/// Why a text is not a protected file this app can open; each case is worded by the interface's
/// catalogue. (A wrong passphrase is found only when opening: `adapters::crypto::OpenError`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnvelopeError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    Empty,
    NotJson,
    Truncated,
    /// JSON without `"format": "partnership-scorecard-protected"`.
    NotAnEnvelope,
    /// Written by a later version of the app, most likely.
    UnsupportedVersion {
        found: u64,
    },
    /// A field missing, of the wrong type, or one the format does not have: where, and what.
    Damaged(ShapeProblem),
    /// `cipher` or `kdf` names an algorithm version 1 does not have.
    UnknownAlgorithm {
        field: &'static str,
        found: String,
    },
    IterationsOutOfRange {
        found: u64,
    },
    /// `salt`, `nonce` or `ciphertext` is not strict base64.
    BadBase64 {
        field: &'static str,
    },
    /// `salt` or `nonce` of another size than the format's.
    WrongLength {
        field: &'static str,
        bytes: usize,
        expected: usize,
    },
    /// Shorter than AES-GCM's tag: not a ciphertext at all.
    CiphertextTooShort {
        bytes: usize,
    },
}

/// Whether `text` is a protected file (by its `format`, before anything else of it is read), so
/// that a reader expecting a result file can say "this file is protected" rather than "this is
/// not a result file". A reader that has parsed the text already asks [`is_envelope_value`].
pub fn is_envelope(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    text.len() <= MAX_ENVELOPE_BYTES && json::parse(text).is_ok_and(|value| is_envelope_value(&value))
}

/// Whether a parsed file is a protected file, by its `format`.
pub fn is_envelope_value(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(FORMAT_NAME)
}

impl Envelope {
    /// The envelope as the file's JSON text: the fields in the document's order, two-space
    /// indents, a line feed at the end (as `JSON.stringify(envelope, null, 2)` writes it).
    /// Every value is a constant, a number or base64, so nothing needs escaping.
    pub fn to_json(&self) -> String {
        let h = &self.header;
        format!(
            "{{\n  \"format\": \"{FORMAT_NAME}\",\n  \"format_version\": {FORMAT_VERSION},\n  \"cipher\": \"{CIPHER}\",\n  \"kdf\": \"{KDF}\",\n  \"iterations\": {},\n  \"salt\": \"{}\",\n  \"nonce\": \"{}\",\n  \"ciphertext\": \"{}\"\n}}\n",
            h.iterations,
            base64::encode(&h.salt),
            base64::encode(&h.nonce),
            base64::encode(&self.ciphertext)
        )
    }

    /// Reads a protected file, refusing it with the reason unless every field is as version 1
    /// has it: too large, empty, not JSON, cut off, not a protected file, another version, a
    /// field missing, of the wrong type or unknown, an unknown algorithm, an iteration count
    /// outside [`MIN_ITERATIONS`]..=[`MAX_ITERATIONS`], bad base64, a salt or nonce of the wrong
    /// size, a ciphertext shorter than its tag.
    pub fn read(text: &str) -> Result<Envelope, EnvelopeError> {
        let value = json::document(text, MAX_ENVELOPE_BYTES).map_err(|p| match p {
            TextProblem::TooLarge { bytes, limit } => EnvelopeError::TooLarge { bytes, limit },
            TextProblem::Empty => EnvelopeError::Empty,
            TextProblem::NotJson => EnvelopeError::NotJson,
            TextProblem::CutOff => EnvelopeError::Truncated,
        })?;
        if !is_envelope_value(&value) {
            return Err(EnvelopeError::NotAnEnvelope);
        }
        // The version before the rest, so that a later version's file is named as such rather
        // than reported as damaged.
        match value.get("format_version").map(Value::as_u64) {
            Some(Some(found)) if found != u64::from(FORMAT_VERSION) => {
                return Err(EnvelopeError::UnsupportedVersion { found })
            }
            _ => {}
        }
        let mut reader = Reader::default();
        let fields = reader.object(&value, "", &FIELDS).map(|o| {
            // Checked here only as a whole number: any other than 1 was refused above.
            let _: u64 = reader.whole(&o, "format_version");
            let iterations: u64 = reader.whole(&o, "iterations");
            let mut texts: [String; 5] = Default::default();
            for (text, key) in texts.iter_mut().zip(TEXT_FIELDS) {
                *text = reader.text(&o, key);
            }
            (texts, iterations)
        });
        let ([cipher, kdf, salt, nonce, ciphertext], iterations) =
            reader.first_problem(fields).map_err(EnvelopeError::Damaged)?;
        for (field, found, known) in [("cipher", cipher, CIPHER), ("kdf", kdf, KDF)] {
            if found != known {
                return Err(EnvelopeError::UnknownAlgorithm { field, found });
            }
        }
        let iterations = match u32::try_from(iterations) {
            Ok(n) if (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&n) => n,
            _ => return Err(EnvelopeError::IterationsOutOfRange { found: iterations }),
        };
        let salt = fixed::<SALT_BYTES>("salt", &salt)?;
        let nonce = fixed::<NONCE_BYTES>("nonce", &nonce)?;
        let ciphertext = base64::decode(&ciphertext).ok_or(EnvelopeError::BadBase64 { field: "ciphertext" })?;
        if ciphertext.len() < TAG_BYTES {
            return Err(EnvelopeError::CiphertextTooShort { bytes: ciphertext.len() });
        }
        Ok(Envelope { header: Header { iterations, salt, nonce }, ciphertext })
    }
}

/// A base64 field of exactly `N` bytes.
fn fixed<const N: usize>(field: &'static str, text: &str) -> Result<[u8; N], EnvelopeError> {
    let bytes = base64::decode(text).ok_or(EnvelopeError::BadBase64 { field })?;
    let bytes_len = bytes.len();
    bytes.try_into().map_err(|_| EnvelopeError::WrongLength { field, bytes: bytes_len, expected: N })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::json::{Shape, Type};
    use proptest::strategy::Strategy;

    fn header() -> Header {
        Header::new(core::array::from_fn(|i| i as u8), core::array::from_fn(|i| 0xf0 + i as u8))
    }

    fn envelope() -> Envelope {
        Envelope { header: header(), ciphertext: b"sixteen byte tag and some ciphertext".to_vec() }
    }

    fn edited(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(&envelope().to_json()).unwrap();
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn an_envelope_round_trips() {
        let text = envelope().to_json();
        assert_eq!(Envelope::read(&text), Ok(envelope()));
        assert_eq!(Envelope::read(&format!("\u{feff}{text}")), Ok(envelope()), "a byte-order mark is tolerated");
        assert_eq!(Envelope::read(&edited(|_| {})), Ok(envelope()), "whatever the layout");
        assert!(text.starts_with("{\n  \"format\": \"partnership-scorecard-protected\",\n  \"format_version\": 1,\n"));
    }

    #[test]
    fn the_associated_data_byte_for_byte() {
        assert_eq!(
            header().associated_data(),
            "format=partnership-scorecard-protected\nformat_version=1\ncipher=AES-256-GCM\nkdf=PBKDF2-SHA-256\n\
             iterations=600000\nsalt=AAECAwQFBgcICQoLDA0ODw==\nnonce=8PHy8/T19vf4+fr7\n"
        );
    }

    #[test]
    fn a_protected_file_is_recognised_by_its_format_alone() {
        assert!(is_envelope(&envelope().to_json()));
        assert!(is_envelope(&format!("\u{feff}{}", envelope().to_json())));
        assert!(is_envelope(r#"{"format": "partnership-scorecard-protected", "format_version": 7}"#));
        assert!(!is_envelope(include_str!("../../tests/fixtures/result-file-v1.json")));
        for other in ["", "not json", "[]", r#"{"format": 1}"#, r#"{"format": "partnership-scorecard-protected""#] {
            assert!(!is_envelope(other), "{other}");
        }
    }

    #[test]
    fn what_is_not_an_envelope_is_named() {
        assert_eq!(Envelope::read(" \n"), Err(EnvelopeError::Empty));
        assert_eq!(Envelope::read("PK\u{3}\u{4}"), Err(EnvelopeError::NotJson));
        let text = envelope().to_json();
        assert_eq!(Envelope::read(&text[..text.len() / 2]), Err(EnvelopeError::Truncated));
        assert_eq!(
            Envelope::read(include_str!("../../tests/fixtures/result-file-v1.json")),
            Err(EnvelopeError::NotAnEnvelope)
        );
        assert_eq!(Envelope::read(&edited(|v| v["format"] = "other".into())), Err(EnvelopeError::NotAnEnvelope));
        let huge = format!("{text}{}", " ".repeat(MAX_ENVELOPE_BYTES));
        assert_eq!(
            Envelope::read(&huge),
            Err(EnvelopeError::TooLarge { bytes: huge.len(), limit: MAX_ENVELOPE_BYTES })
        );
    }

    #[test]
    fn another_version_is_named_before_anything_else() {
        let later = edited(|v| {
            v["format_version"] = 2.into();
            v["cipher"] = "XChaCha20-Poly1305".into();
            v["argon2"] = true.into();
        });
        assert_eq!(Envelope::read(&later), Err(EnvelopeError::UnsupportedVersion { found: 2 }));
    }

    #[test]
    fn fields_missing_unknown_or_of_the_wrong_type_are_named() {
        let damaged = |path: &str, shape: Shape| Err(EnvelopeError::Damaged(ShapeProblem { path: path.into(), shape }));
        for field in FIELDS.iter().skip(1) {
            let missing = edited(|v| {
                v.as_object_mut().unwrap().remove(*field);
            });
            assert_eq!(Envelope::read(&missing), damaged(field, Shape::Missing));
        }
        assert_eq!(Envelope::read(&edited(|v| v["note"] = "hi".into())), damaged("note", Shape::Unknown));
        assert_eq!(Envelope::read(&edited(|v| v["salt"] = 5.into())), damaged("salt", Shape::Expected(Type::Text)));
        for iterations in [serde_json::json!("600000"), serde_json::json!(-1), serde_json::json!(6e5)] {
            assert_eq!(
                Envelope::read(&edited(|v| v["iterations"] = iterations.clone())),
                damaged("iterations", Shape::Expected(Type::WholeNumber)),
                "{iterations}"
            );
        }
        assert_eq!(
            Envelope::read(&edited(|v| v["format_version"] = "1".into())),
            damaged("format_version", Shape::Expected(Type::WholeNumber))
        );
    }

    #[test]
    fn unknown_algorithms_are_named() {
        assert_eq!(
            Envelope::read(&edited(|v| v["cipher"] = "AES-128-GCM".into())),
            Err(EnvelopeError::UnknownAlgorithm { field: "cipher", found: "AES-128-GCM".into() })
        );
        assert_eq!(
            Envelope::read(&edited(|v| v["kdf"] = "pbkdf2-sha-256".into())),
            Err(EnvelopeError::UnknownAlgorithm { field: "kdf", found: "pbkdf2-sha-256".into() })
        );
    }

    /// Refused before any key is derived: nothing can keep the browser busy for hours.
    #[test]
    fn iteration_counts_outside_the_range_are_refused() {
        let with = |n: u64| Envelope::read(&edited(|v| v["iterations"] = n.into()));
        for n in [0, 1, 99_999, 10_000_001, 1_000_000_000_000, u64::MAX] {
            assert_eq!(with(n), Err(EnvelopeError::IterationsOutOfRange { found: n }), "{n}");
        }
        for n in [100_000, 600_000, 10_000_000] {
            assert_eq!(with(n).map(|e| e.header.iterations), Ok(n as u32));
        }
    }

    #[test]
    fn bad_base64_and_wrong_sizes_are_named() {
        let with = |field: &str, text: &str| Envelope::read(&edited(|v| v[field] = text.into()));
        for field in ["salt", "nonce", "ciphertext"] {
            for bad in ["AAECAwQFBgcICQoLDA0ODw", "AAEC AwQF", "AAECAwQFBgcICQoLDA0OD-==", "AB=="] {
                assert_eq!(with(field, bad), Err(EnvelopeError::BadBase64 { field }), "{field} {bad}");
            }
        }
        let fifteen = base64::encode(&[7; 15]);
        assert_eq!(with("salt", &fifteen), Err(EnvelopeError::WrongLength { field: "salt", bytes: 15, expected: 16 }));
        assert_eq!(
            with("nonce", &fifteen),
            Err(EnvelopeError::WrongLength { field: "nonce", bytes: 15, expected: 12 })
        );
        assert_eq!(with("nonce", ""), Err(EnvelopeError::WrongLength { field: "nonce", bytes: 0, expected: 12 }));
        assert_eq!(with("ciphertext", &fifteen), Err(EnvelopeError::CiphertextTooShort { bytes: 15 }));
        let just_a_tag = with("ciphertext", &base64::encode(&[7; 16])).map(|e| e.ciphertext.len());
        assert_eq!(just_a_tag, Ok(16), "an empty plaintext is a tag alone");
    }

    /// An envelope written by the independent implementation (`tests/support/protected-file.mjs`,
    /// Node's Web Crypto, from the document alone): its passphrase is
    /// `correct-horse-battery-staple`, its plaintext `tests/fixtures/result-file-v1.json`
    /// (`tests/protected-file.test.mjs` opens it). The app reads its header, computes the same
    /// associated data as Node did (saved by Node beside it), and writes the same text back.
    #[test]
    fn an_envelope_written_by_node_reads_the_same() {
        let fixture = include_str!("../../tests/fixtures/protected-result-file-v1.json");
        let node_associated_data = include_str!("../../tests/fixtures/protected-result-file-v1.associated-data.txt");
        let plaintext = include_str!("../../tests/fixtures/result-file-v1.json");
        let envelope = Envelope::read(fixture).expect("Node's envelope reads");
        assert_eq!(envelope.header.iterations, ITERATIONS);
        assert_eq!(envelope.header.associated_data(), node_associated_data);
        assert_eq!(envelope.ciphertext.len(), plaintext.len() + TAG_BYTES);
        assert_eq!(envelope.to_json(), fixture);
    }

    /// The fenced blocks of the document, each as its text without the last line's line feed
    /// (as `tests/protected-file.test.mjs` reads them).
    fn doc_blocks(markdown: &str) -> Vec<&str> {
        let mut blocks = Vec::new();
        let mut rest = markdown;
        while let Some(start) = rest.find("\n```") {
            let after_fence = &rest[start + 4..];
            let Some(body) = after_fence.find('\n').map(|n| &after_fence[n + 1..]) else { break };
            let Some(end) = body.find("\n```") else { break };
            blocks.push(&body[..end]);
            rest = &body[end + 4..];
        }
        blocks
    }

    /// The document's worked example, read by the app: the envelope reads, its salt and nonce are
    /// the bytes the document gives in hexadecimal, the associated data the app computes is the
    /// document's block byte for byte (its 165 bytes), and the app writes the envelope back as
    /// the document shows it.
    #[test]
    fn the_documents_worked_example_reads_as_the_document_says() {
        let doc = include_str!("../../docs/protected-file-format.md");
        let after = |heading: &str| {
            let from = doc.find(&format!("\n### {heading}\n")).expect(heading);
            doc_blocks(&doc[from..])[0]
        };
        let envelope_text = after("Envelope");
        let envelope = Envelope::read(envelope_text).expect("the document's envelope reads");
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        let salt_and_nonce = after("Salt and nonce, in hexadecimal");
        assert_eq!(format!("{}\n{}", hex(&envelope.header.salt), hex(&envelope.header.nonce)), salt_and_nonce);
        // The example block of the section "Associated data", its last line feed included.
        let example = doc_blocks(doc).into_iter().find(|b| b.starts_with("format=partnership-scorecard-protected\n"));
        let associated_data = format!("{}\n", example.expect("the document's associated data"));
        assert_eq!(envelope.header.associated_data(), associated_data);
        assert_eq!(associated_data.len(), 165, "the document says 165 bytes");
        assert_eq!(envelope.to_json(), format!("{envelope_text}\n"));
        // The block of the section's definition is a template, not an example.
        assert!(after("Associated data").starts_with("format=<format>\n"));
    }

    proptest::proptest! {
        #[test]
        fn envelopes_round_trip(
            iterations in MIN_ITERATIONS..=MAX_ITERATIONS,
            salt in proptest::array::uniform16(proptest::num::u8::ANY),
            nonce in proptest::array::uniform12(proptest::num::u8::ANY),
            ciphertext in proptest::collection::vec(proptest::num::u8::ANY, TAG_BYTES..300),
        ) {
            let envelope = Envelope { header: Header { iterations, salt, nonce }, ciphertext };
            proptest::prop_assert_eq!(Envelope::read(&envelope.to_json()), Ok(envelope));
        }

        /// Two headers that differ in any field give different associated data.
        #[test]
        fn another_header_is_other_associated_data(
            a in (proptest::num::u32::ANY, proptest::array::uniform16(0u8..4), proptest::array::uniform12(0u8..4)),
            b in (proptest::num::u32::ANY, proptest::array::uniform16(0u8..4), proptest::array::uniform12(0u8..4)),
            field in 0usize..3,
        ) {
            let first = Header { iterations: a.0, salt: a.1, nonce: a.2 };
            // b, or first with one field of b, so that headers one field apart are tried often.
            let mut second = first.clone();
            match field {
                0 => second.iterations = b.0,
                1 => second.salt = b.1,
                _ => second.nonce = b.2,
            }
            for other in [second, Header { iterations: b.0, salt: b.1, nonce: b.2 }] {
                proptest::prop_assert_eq!(first == other, first.associated_data() == other.associated_data());
            }
        }

        /// In the file: any other value in a header field is refused, or read as a header with
        /// other associated data. None slips through unauthenticated.
        #[test]
        fn any_change_to_a_header_field_is_refused_or_authenticated(
            field in 0usize..7,
            value in proptest::prop_oneof![
                "[A-Za-z0-9+/=-]{0,30}".prop_map(Value::from),
                proptest::num::u64::ANY.prop_map(Value::from),
                (MIN_ITERATIONS..=MAX_ITERATIONS).prop_map(Value::from),
                proptest::array::uniform16(0u8..3).prop_map(|b| Value::from(base64::encode(&b))),
                proptest::array::uniform12(0u8..3).prop_map(|b| Value::from(base64::encode(&b))),
            ],
        ) {
            let original = envelope();
            let changed = edited(|v| v[FIELDS[field]] = value.clone());
            let unchanged = serde_json::from_str::<Value>(&changed).ok() == serde_json::from_str(&original.to_json()).ok();
            if let Ok(read) = Envelope::read(&changed) {
                proptest::prop_assert!(unchanged || read.header.associated_data() != original.header.associated_data());
            }
        }
    }

    /// JSON values of every type: the envelope's own values and near misses among them.
    fn json_values() -> impl Strategy<Value = Value> {
        let leaf = proptest::prop_oneof![
            proptest::strategy::Just(Value::Null),
            proptest::bool::ANY.prop_map(Value::from),
            proptest::num::u64::ANY.prop_map(Value::from),
            proptest::num::i64::ANY.prop_map(Value::from),
            proptest::num::f64::ANY.prop_map(Value::from),
            (MIN_ITERATIONS - 2..MAX_ITERATIONS + 2).prop_map(Value::from),
            proptest::prop_oneof![
                proptest::strategy::Just(FORMAT_NAME),
                proptest::strategy::Just(CIPHER),
                proptest::strategy::Just(KDF)
            ]
            .prop_map(Value::from),
            proptest::collection::vec(proptest::num::u8::ANY, 0..40).prop_map(|b| Value::from(base64::encode(&b))),
            "[A-Za-z0-9+/=]{0,30}".prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            proptest::prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
                proptest::collection::btree_map("[a-z_]{1,14}", inner, 0..4)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    /// Objects whose fields are mostly the envelope's, each with any value; `format` and
    /// `format_version` usually right, so that most reach the checks after them.
    fn json_objects() -> impl Strategy<Value = Value> {
        let field = proptest::prop_oneof![
            9 => proptest::sample::select(FIELDS.to_vec()).prop_map(str::to_string),
            1 => "[a-z_]{1,14}",
        ];
        (
            proptest::collection::btree_map(field, json_values(), 0..10),
            proptest::bool::weighted(0.8),
            proptest::bool::weighted(0.8),
        )
            .prop_map(|(fields, right_format, right_version)| {
                let mut map: serde_json::Map<String, Value> = fields.into_iter().collect();
                if right_format {
                    map.insert("format".into(), FORMAT_NAME.into());
                }
                if right_version {
                    map.insert("format_version".into(), FORMAT_VERSION.into());
                }
                Value::Object(map)
            })
    }

    // Whatever arrives as a protected file is answered with a value, never a panic.
    // `PSC_FUZZ_CASES` sets how many inputs each property tries (see README).
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::domain::fuzz_cases()))]

        /// Any text at all, and text made of JSON's and base64's own characters.
        #[test]
        fn any_text_is_refused_or_read_never_a_panic(
            text in ".{0,400}",
            json_like in r#"[\[\]{}":,0-9a-zA-Z_.+/= \-]{0,300}"#,
        ) {
            let _ = Envelope::read(&text);
            let _ = Envelope::read(&json_like);
            let _ = is_envelope(&text);
        }

        /// Any bytes at all, as the text a file of them reads as.
        #[test]
        fn any_bytes_are_refused_or_read_never_a_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = Envelope::read(&String::from_utf8_lossy(&bytes));
        }

        /// Any JSON object made of the envelope's own field names (and others), with values of
        /// every JSON type, the right ones often: never a panic, and what reads writes back to
        /// an envelope that reads the same.
        #[test]
        fn any_json_is_refused_or_read_never_a_panic(
            value in json_objects(),
            edits in proptest::collection::vec(
                (proptest::sample::select(FIELDS.to_vec()), proptest::option::weighted(0.9, json_values())),
                1..3,
            ),
        ) {
            // A real envelope with a field or two given another value, or taken out.
            let real = edited(|v| {
                for (field, new) in &edits {
                    match new {
                        Some(new) => v[*field] = new.clone(),
                        None => drop(v.as_object_mut().map(|o| o.remove(*field))),
                    }
                }
            });
            for text in [value.to_string(), real] {
                if let Ok(envelope) = Envelope::read(&text) {
                    proptest::prop_assert_eq!(Envelope::read(&envelope.to_json()), Ok(envelope));
                }
            }
        }

        /// Damage a real envelope at random: cut it, or change one byte. Still never a panic,
        /// and a changed byte that is read gives another envelope, or the same JSON (a space).
        #[test]
        fn damaged_envelopes_are_refused_or_read_never_a_panic(cut in 0usize..600, at in 0usize..600, byte in 0u8..128) {
            let text = envelope().to_json();
            let cut = cut.min(text.len());
            let _ = Envelope::read(&text[..cut]);
            let mut bytes = text.clone().into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            if let Ok(damaged) = String::from_utf8(bytes) {
                if let Ok(read) = Envelope::read(&damaged) {
                    let same_json = json::parse(&damaged).ok() == json::parse(&text).ok();
                    proptest::prop_assert!(read != envelope() || same_json, "{}", damaged);
                }
            }
        }
    }
}
