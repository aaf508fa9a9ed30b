//! Base64, standard alphabet with padding (RFC 4648, section 4), for the binary fields of a
//! protected file (`envelope.rs`). Written here rather than taken from a crate: it is a few dozen
//! lines, and every kilobyte of the download counts.
//!
//! Decoding is strict: padding is required, nothing but the alphabet is allowed (no spaces or
//! line breaks), and the bits padding leaves over must be zero. So each byte string has exactly
//! one text, and the associated data, which holds the salt and nonce as text, cannot be changed
//! by writing the same bytes another way.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `bytes` as base64 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let group = byte(0) << 16 | byte(1) << 8 | byte(2);
        for i in 0..4 {
            // A chunk of n bytes gives n + 1 symbols; padding makes up the four.
            let symbol = ALPHABET[(group >> (18 - 6 * i)) as usize & 63];
            out.push(if i <= chunk.len() { char::from(symbol) } else { '=' });
        }
    }
    out
}

/// The bytes of base64 `text`, or `None` if it is not base64 as [`encode`] writes it.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let groups = text.len() / 4;
    for (n, quad) in text.chunks(4).enumerate() {
        let padding = if n + 1 == groups { quad.iter().rev().take_while(|&&c| c == b'=').count() } else { 0 };
        if padding > 2 {
            return None;
        }
        let mut group = 0u32;
        for &c in &quad[..4 - padding] {
            group = group << 6 | symbol_value(c)?;
        }
        group <<= 6 * padding;
        let bytes = [(group >> 16) as u8, (group >> 8) as u8, group as u8];
        if bytes[3 - padding..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..3 - padding]);
    }
    Some(out)
}

fn symbol_value(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648, section 10.
    #[test]
    fn the_rfc_test_vectors() {
        let vectors =
            [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE=")];
        for (plain, coded) in vectors.into_iter().chain([("foobar", "Zm9vYmFy")]) {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).as_deref(), Some(plain.as_bytes()), "{coded}");
        }
        assert_eq!(encode(&[0xfb, 0xff, 0xbf]), "+/+/", "the standard alphabet, not the URL one");
    }

    #[test]
    fn anything_but_strict_base64_is_refused() {
        let unpadded_or_spaced = ["Zg", "Zg=", "Zm9", "Zm9v\n", " Zm9v", "Zg\u{e9}="];
        let misplaced_padding = ["Z===", "====", "Zg==Zg==", "Zm=v"];
        // Another alphabet (base64url), and leftover bits that are not zero.
        let other = ["-_-_", "Zh==", "Zm9="];
        for text in unpadded_or_spaced.into_iter().chain(misplaced_padding).chain(other) {
            assert_eq!(decode(text), None, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn bytes_round_trip(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..200)) {
            let text = encode(&bytes);
            proptest::prop_assert_eq!(text.len(), bytes.len().div_ceil(3) * 4);
            proptest::prop_assert_eq!(decode(&text), Some(bytes));
        }

        /// Each byte string has one text: whatever decodes, encodes back to itself. Never a panic.
        #[test]
        fn what_decodes_is_the_one_text_of_its_bytes(text in "[A-Za-z0-9+/=]{0,24}", any in ".{0,24}") {
            if let Some(bytes) = decode(&text) {
                proptest::prop_assert_eq!(encode(&bytes), text);
            }
            if let Some(bytes) = decode(&any) {
                proptest::prop_assert_eq!(encode(&bytes), any);
            }
        }
    }
}
