//! Passphrases for protected files: one the app makes up, easy to read aloud to a partner over
//! the phone, and a rough strength for one a person chose. Pure: the random bytes come from the
//! caller (`adapters::crypto::new_passphrase` in the browser), so both are tested here.

/// Digits 2-9 and the lowercase letters without i, l and o: nothing to mistake for another
/// (0 and o, 1, l and i), no capitals to spell out, 31 symbols.
pub const ALPHABET: &[u8; 31] = b"23456789abcdefghjkmnpqrstuvwxyz";

/// Groups of [`GROUP_CHARS`] symbols, joined by `-`: `7kqm-x3pa-9fwd-hc2e-ub4n`.
pub const GROUPS: usize = 5;
pub const GROUP_CHARS: usize = 4;

/// The entropy of a generated passphrase: 20 symbols drawn uniformly and independently from 31,
/// so 31^20 equally likely passphrases, log2(31^20) = 20 × log2(31) = 99.08 bits (the dashes are
/// always in the same places and add nothing). Four groups of four would be 79.27 bits, under 80.
pub const ENTROPY_BITS: u32 = 99;

/// Random bytes enough for [`generate`] all but always: a byte is refused with probability
/// 8/256, so 32 bytes give fewer than the 20 symbols needed about once in 10^11 draws (the
/// caller then draws again).
pub const RANDOM_BYTES: usize = 32;

/// A passphrase from uniformly random `bytes`, or `None` if they ran out first (rare with
/// [`RANDOM_BYTES`]; draw again).
///
/// Rejection sampling, so there is no modulo bias: a byte of 248 or more is skipped, and the
/// 248 others (8 × 31) map 8 to each symbol.
pub fn generate(bytes: &[u8]) -> Option<String> {
    const ACCEPTED: u8 = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
    let mut symbols = bytes.iter().filter(|&&b| b < ACCEPTED).map(|&b| ALPHABET[usize::from(b) % ALPHABET.len()]);
    let mut out = String::with_capacity(GROUPS * (GROUP_CHARS + 1));
    for group in 0..GROUPS {
        if group > 0 {
            out.push('-');
        }
        for _ in 0..GROUP_CHARS {
            out.push(char::from(symbols.next()?));
        }
    }
    Some(out)
}

/// Fewer characters than this, and a person's passphrase is [`Strength::TooShort`] whatever it
/// holds.
pub const MIN_CHARS: usize = 12;

/// How hard a person's own passphrase looks to guess; the interface words each case from its
/// catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Under [`MIN_CHARS`] characters.
    TooShort,
    /// Estimated under 60 bits.
    Weak,
    /// Estimated 60 to 79 bits.
    Fair,
    /// Estimated 80 bits or more, as much as a generated passphrase has.
    Strong,
}

/// The least a person's own passphrase must rate to protect a file with: [`MIN_CHARS`]
/// characters and an estimated 60 bits. Below it the interface says why (too short, or too easy
/// to guess) and offers a generated one.
pub const MIN_STRENGTH: Strength = Strength::Fair;

/// Whether a person's own `passphrase` is strong enough to protect a file with: [`MIN_STRENGTH`]
/// or stronger. Meant for passphrases people choose: a generated one has its 99 bits by how it
/// was drawn, whatever the estimate says of it (`2222-2222-2222-2222-2222` is drawn as likely as
/// any other, and rates weak).
pub fn meets_minimum(passphrase: &str) -> bool {
    strength(passphrase) >= MIN_STRENGTH
}

/// How strong `passphrase` looks: [`MIN_CHARS`] characters at least, then by [`estimate_bits`].
pub fn strength(passphrase: &str) -> Strength {
    if passphrase.chars().count() < MIN_CHARS {
        return Strength::TooShort;
    }
    match estimate_bits(passphrase) {
        0..60 => Strength::Weak,
        60..80 => Strength::Fair,
        _ => Strength::Strong,
    }
}

/// A rough estimate, in whole bits, of the entropy of a passphrase a person chose.
///
/// The pool is the sum of the kinds of character it uses: 26 lowercase ASCII letters, 26
/// capitals, 10 digits, 33 ASCII punctuation marks and space, 32 for anything else (letters of
/// other scripts, accents). Each character adds log2(pool) bits the first time it appears; one
/// the same as, or next in the alphabet to, the character before (`aa`, `abc`, `321`) adds 1
/// bit; another repeat adds 2. So `aaaaaaaaaaaa` and `passwordpassword` are weak and a random
/// 16 characters strong. It knows no words, names or keyboard rows, so it flatters
/// `Summer2024!!` (fair) and a well-known phrase: an upper bound, which is why a generated
/// passphrase is the one to offer first. Counted up to 128 bits.
pub fn estimate_bits(passphrase: &str) -> u32 {
    // The kinds of character used, a bit each, found in one pass (a pass per kind was more code).
    let mut kinds = 0u8;
    for c in passphrase.chars() {
        kinds |= match c {
            'a'..='z' => 1,
            'A'..='Z' => 2,
            '0'..='9' => 4,
            // After the arms above: space and ASCII punctuation.
            ' '..='~' => 8,
            _ => 16,
        };
    }
    let pool: u8 =
        [26, 26, 10, 33, 32].iter().enumerate().filter(|(kind, _)| kinds & 1 << kind != 0).map(|(_, n)| n).sum();
    // The number of guesses, as a float: multiplying and comparing floats are single
    // WebAssembly instructions, where 128-bit integers take library code. Counted up to 2^128.
    let mut guesses = 1f64;
    let mut before: Option<char> = None;
    for (at, c) in passphrase.chars().enumerate() {
        let step = before.is_some_and(|b| u32::from(b).abs_diff(u32::from(c)) <= 1);
        guesses *= if step {
            2.0
        } else if passphrase.chars().take(at).any(|earlier| earlier == c) {
            4.0
        } else {
            f64::from(pool)
        };
        before = Some(c);
        if guesses >= u128::MAX as f64 {
            break;
        }
    }
    // The whole bits, floor(log2(guesses)), are the float's exponent (guesses is at least 1).
    ((guesses.to_bits() >> 52) as u32).saturating_sub(1023).min(128)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generated_passphrase_has_the_entropy_its_doc_states() {
        let symbols = GROUPS * GROUP_CHARS;
        let bits = symbols as f64 * (ALPHABET.len() as f64).log2();
        assert!((bits - 99.08).abs() < 0.005, "{bits}");
        assert_eq!(bits.floor() as u32, ENTROPY_BITS);
        assert!(bits >= 80.0);
        let four_by_four = 16.0 * 31f64.log2();
        assert!(four_by_four < 80.0 && (four_by_four - 79.27).abs() < 0.005, "{four_by_four}");
    }

    #[test]
    fn the_alphabet_has_no_look_alikes_nor_duplicates() {
        for c in ALPHABET {
            assert!(c.is_ascii_digit() || c.is_ascii_lowercase());
            assert!(!b"01ilo".contains(c), "{}", char::from(*c));
            assert_eq!(ALPHABET.iter().filter(|&d| d == c).count(), 1);
        }
    }

    /// Every byte value once: each symbol comes from exactly 8 of them and the 8 highest are
    /// skipped, so no symbol is more likely than another.
    #[test]
    fn every_symbol_is_equally_likely() {
        let mut counts = [0usize; 31];
        for byte in 0..=255u8 {
            match generate(&[byte; 20]) {
                Some(passphrase) => counts[ALPHABET.iter().position(|&a| a == passphrase.as_bytes()[0]).unwrap()] += 1,
                None => assert!(byte >= 248, "{byte}"),
            }
        }
        assert_eq!(counts, [8; 31]);
        let bytes: Vec<u8> = [248, 255].into_iter().chain(0..20).collect();
        assert_eq!(generate(&bytes).as_deref(), Some("2345-6789-abcd-efgh-jkmn"));
    }

    #[test]
    fn too_few_bytes_give_none() {
        assert_eq!(generate(&[0; 19]), None);
        assert_eq!(generate(&[255; 64]), None);
        assert_eq!(generate(&[0; 20]).as_deref(), Some("2222-2222-2222-2222-2222"));
    }

    #[test]
    fn strength_in_examples() {
        assert_eq!(strength("short"), Strength::TooShort);
        assert_eq!(strength("ñandú-tío-11"), Strength::Fair);
        for weak in ["aaaaaaaaaaaa", "passwordpassword", "abcdefghijklmnop", "123456789012", "iloveyou2024"] {
            assert_eq!(strength(weak), Strength::Weak, "{weak}");
        }
        assert_eq!(strength("Summer2024!!"), Strength::Fair, "a known weakness: it knows no words");
        for strong in ["correct horse battery staple", "q7#Lw9&zR2!xKp4M", "7kqm-x3pa-9fwd-hc2e-ub4n"] {
            assert_eq!(strength(strong), Strength::Strong, "{strong}");
        }
    }

    #[test]
    fn the_minimum_for_a_persons_own_passphrase() {
        for refused in ["", "short", "Tr0ub4dor&3", "aaaaaaaaaaaa", "passwordpassword", "123456789012"] {
            assert!(!meets_minimum(refused), "{refused}");
        }
        for accepted in ["ñandú-tío-11", "correct horse battery staple", "7kqm-x3pa-9fwd-hc2e-ub4n"] {
            assert!(meets_minimum(accepted), "{accepted}");
        }
    }

    #[test]
    fn the_estimate_in_numbers() {
        // 12 different lowercase letters, none next to the one before: 12 × log2(26) = 56.4.
        assert_eq!(estimate_bits("qzmxecrvtbyn"), 56);
        // One letter, then eleven repeats of the one before: log2(26) + 11.
        assert_eq!(estimate_bits("aaaaaaaaaaaa"), 15);
        assert_eq!(estimate_bits(""), 0);
        // However long, counted up to 128 bits.
        assert_eq!(estimate_bits(&"ab#Z9é".repeat(1000)), 128);
        assert_eq!(estimate_bits(&"x".repeat(100_000)), 128);
    }

    /// Random bytes, as the browser's Web Crypto gives them, make passphrases that rate strong by
    /// the estimate a person's own passphrase gets (a run such as `2222-2222-2222-2222-2222`
    /// would not, but is one draw in 31^20). Uniform bytes from a seeded ChaCha generator, not
    /// proptest's, which favours edge values such as runs of zeros: that made this check fail
    /// once in a clean-clone run (`qpvu-kjj2-2222-2222-2222`).
    #[test]
    fn random_bytes_make_passphrases_that_rate_strong() {
        use proptest::prelude::Rng;
        let mut rng = proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha);
        for _ in 0..2000 {
            let mut bytes = [0u8; 64];
            rng.fill_bytes(&mut bytes);
            let passphrase = generate(&bytes).expect("64 random bytes hold 20 accepted symbols");
            assert_eq!(strength(&passphrase), Strength::Strong, "{passphrase}");
            assert!(meets_minimum(&passphrase));
        }
    }

    proptest::proptest! {
        /// Whatever the bytes, five groups of four symbols of the alphabet.
        #[test]
        fn generated_passphrases_have_their_shape(bytes in proptest::collection::vec(proptest::num::u8::ANY, 20..64)) {
            if let Some(passphrase) = generate(&bytes) {
                let groups: Vec<&str> = passphrase.split('-').collect();
                proptest::prop_assert_eq!(groups.len(), GROUPS);
                for group in groups {
                    proptest::prop_assert_eq!(group.len(), GROUP_CHARS);
                    proptest::prop_assert!(group.bytes().all(|c| ALPHABET.contains(&c)));
                }
            }
        }

        #[test]
        fn any_text_has_a_strength_never_a_panic(text in ".{0,80}") {
            let _ = strength(&text);
        }
    }
}
