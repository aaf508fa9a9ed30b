//! What one partner answered: ratings, comments and answers, and the rules that keep them
//! (sealed answers do not change; names and texts have a length).

use serde::Serialize;
use serde_json::Value;

use super::json::{Object, Reader, Shape, Type};

use super::id_map::IdMap;
use super::instrument::Instrument;

/// A rating: a point of the instrument's scale, or "don't know / not applicable".
/// Written in files as a number or the word `"not_applicable"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rating {
    Score(u8),
    NotApplicable,
}

const NOT_APPLICABLE: &str = "not_applicable";

// Hand-written rather than an untagged enum: serde's untagged machinery buffers every value and
// costs tens of kilobytes of wasm, on a page that must load over slow connections.
impl Serialize for Rating {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Rating::Score(n) => serializer.serialize_u8(*n),
            Rating::NotApplicable => serializer.serialize_str(NOT_APPLICABLE),
        }
    }
}

impl Rating {
    /// A rating as files write it: a whole number from 0 to 255, or the word.
    fn read(value: &Value) -> Option<Rating> {
        match value {
            Value::String(word) if word == NOT_APPLICABLE => Some(Rating::NotApplicable),
            _ => value.as_u64().and_then(|n| u8::try_from(n).ok()).map(Rating::Score),
        }
    }

    pub fn score(self) -> Option<u8> {
        match self {
            Rating::Score(n) => Some(n),
            Rating::NotApplicable => None,
        }
    }
}

/// Whether `tag` looks like a BCP 47 language tag (`fr`, `pt-BR`): two or three letters, then
/// short letter-or-digit subtags.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// One partner's answer to one item. A comment may stand without a rating.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Answer {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// ISO 8601, when this answer last changed.
    pub answered_at: String,
}

/// One partner's free-text answer to a reflection question.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reflection {
    pub text: String,
    pub answered_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InstrumentRef {
    pub id: String,
    pub version: String,
}

/// The longest name (an organisation's or a person's), in characters: the start form's limit, and
/// a file's, so a file cannot bring a name the form would refuse. Longer text is almost
/// certainly pasted by mistake.
pub const MAX_NAME_CHARS: usize = 200;

/// What is wrong with a name typed or brought by a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong,
}

/// Checks a name: at most [`MAX_NAME_CHARS`] characters, and not blank where `required`.
pub fn check_name(name: &str, required: bool) -> Result<(), NameProblem> {
    if required && name.trim().is_empty() {
        Err(NameProblem::Empty)
    } else if name.chars().count() > MAX_NAME_CHARS {
        Err(NameProblem::TooLong)
    } else {
        Ok(())
    }
}

/// The longest comment or reflection answer, in characters (some 1,500 words): the text boxes'
/// limit, and a file's, so a file cannot fill the browser's storage with text nobody typed.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Everything one partner said: what the result file carries and the comparison reads.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Responses {
    pub instrument: InstrumentRef,
    /// The role id this partner answers for (one of the instrument's two roles).
    pub role: String,
    pub organisation: String,
    pub partner_organisation: String,
    /// The name of the person who answered, given only by someone who agrees to be named
    /// beside their answers when several people's answers from one side are combined
    /// (`respondents.rs`); empty for everyone else.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub respondent: String,
    /// The interface language the answers were given in (a BCP 47 tag such as `fr`), so the
    /// partner's comparison can say so; `None` in files from before languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// By item id.
    pub answers: IdMap<Answer>,
    /// By question id: reflections and learning questions.
    pub reflections: IdMap<Reflection>,
    /// When the answers were sealed: locked as a finished, dated snapshot before the partner's
    /// answers could be seen. `None` while they are open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sealed_at: Option<String>,
    /// Each time the answers were re-opened after the partner's had been seen: the other partner
    /// reads this beside the comparison.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reopened_after_comparison: Vec<String>,
}

impl Responses {
    /// Nothing at all, in place of answers that could not be read (never kept: the reading that
    /// makes one is refused).
    pub(crate) fn empty() -> Responses {
        Responses::new_for(InstrumentRef { id: String::new(), version: String::new() }, "", "", "", "")
    }

    pub fn new(instrument: &Instrument, role: &str, organisation: &str, partner_organisation: &str, now: &str) -> Self {
        let instrument = InstrumentRef { id: instrument.id.clone(), version: instrument.version.clone() };
        Responses::new_for(instrument, role, organisation, partner_organisation, now)
    }

    fn new_for(
        instrument: InstrumentRef,
        role: &str,
        organisation: &str,
        partner_organisation: &str,
        now: &str,
    ) -> Self {
        Responses {
            instrument,
            role: role.to_string(),
            organisation: organisation.trim().to_string(),
            partner_organisation: partner_organisation.trim().to_string(),
            respondent: String::new(),
            language: None,
            created_at: now.to_string(),
            updated_at: now.to_string(),
            answers: IdMap::default(),
            reflections: IdMap::default(),
            sealed_at: None,
            reopened_after_comparison: Vec::new(),
        }
    }

    /// Sealed answers cannot change until they are re-opened (see [`Assessment::reopen`]).
    pub fn is_sealed(&self) -> bool {
        self.sealed_at.is_some()
    }

    /// Reads one partner's answers as result files and storage write them; fields a later
    /// version may add are left aside.
    pub(crate) fn read(reader: &mut Reader, value: &Value, path: String) -> Option<Responses> {
        let o = reader.open(value, &path)?;
        Some(Responses {
            instrument: reader
                .nested_required(&o, "instrument", |r, v, path| {
                    let o = r.open(v, &path)?;
                    Some(InstrumentRef { id: r.text(&o, "id"), version: r.text(&o, "version") })
                })
                .unwrap_or(InstrumentRef { id: String::new(), version: String::new() }),
            role: reader.text(&o, "role"),
            organisation: reader.text(&o, "organisation"),
            partner_organisation: reader.text(&o, "partner_organisation"),
            respondent: reader.text_or_empty(&o, "respondent"),
            // Only something shaped like a language tag: anything else is left aside.
            language: reader.optional_text(&o, "language").filter(|tag| is_language_tag(tag)),
            created_at: reader.text(&o, "created_at"),
            updated_at: reader.text(&o, "updated_at"),
            answers: IdMap::from(reader.entries(&o, "answers", |r, _, v, path| {
                let o = r.open(v, &path)?;
                Some(Answer {
                    rating: read_rating(r, &o),
                    comment: r.text_or_empty(&o, "comment"),
                    answered_at: r.text(&o, "answered_at"),
                })
            })),
            reflections: IdMap::from(reader.entries(&o, "reflections", |r, _, v, path| {
                let o = r.open(v, &path)?;
                Some(Reflection { text: r.text(&o, "text"), answered_at: r.text(&o, "answered_at") })
            })),
            sealed_at: reader.optional_text(&o, "sealed_at"),
            reopened_after_comparison: reader.texts(&o, "reopened_after_comparison"),
        })
    }

    pub fn rating(&self, item_id: &str) -> Option<Rating> {
        self.answers.get(item_id).and_then(|a| a.rating)
    }

    pub fn comment(&self, item_id: &str) -> &str {
        self.answers.get(item_id).map(|a| a.comment.as_str()).unwrap_or("")
    }

    pub fn reflection(&self, question_id: &str) -> &str {
        self.reflections.get(question_id).map(|r| r.text.as_str()).unwrap_or("")
    }

    pub fn set_rating(&mut self, item_id: &str, rating: Option<Rating>, now: &str) {
        if self.is_sealed() {
            return;
        }
        let answer = self.answers.entry(item_id);
        answer.rating = rating;
        answer.answered_at = now.to_string();
        self.forget_if_empty(item_id);
        self.updated_at = now.to_string();
    }

    pub fn set_comment(&mut self, item_id: &str, comment: &str, now: &str) {
        if self.is_sealed() {
            return;
        }
        let answer = self.answers.entry(item_id);
        answer.comment = comment.to_string();
        answer.answered_at = now.to_string();
        self.forget_if_empty(item_id);
        self.updated_at = now.to_string();
    }

    pub fn set_reflection(&mut self, question_id: &str, text: &str, now: &str) {
        if self.is_sealed() {
            return;
        }
        if text.is_empty() {
            self.reflections.remove(question_id);
        } else {
            self.reflections.insert(question_id, Reflection { text: text.to_string(), answered_at: now.to_string() });
        }
        self.updated_at = now.to_string();
    }

    fn forget_if_empty(&mut self, item_id: &str) {
        if self.answers.get(item_id).is_some_and(|a| a.rating.is_none() && a.comment.is_empty()) {
            self.answers.remove(item_id);
        }
    }
}

/// An answer's rating, if it has one: anything but a rating is noted.
fn read_rating(reader: &mut Reader, answer: &Object) -> Option<Rating> {
    let value = reader.field(answer, "rating")?;
    let rating = Rating::read(value);
    if rating.is_none() {
        reader.problem(super::json::child(&answer.path, "rating"), Shape::Expected(Type::Rating));
    }
    rating
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_language_tag_is_taken_as_a_language() {
        for tag in ["fr", "ar", "pt-BR", "ast", "zh-Hant-TW"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for not_a_tag in ["", "f", "French", "FR", "fr_", "fr-", "<script>", "fr-<b>", "fr-123456789"] {
            assert!(!is_language_tag(not_a_tag), "{not_a_tag}");
        }
    }

    #[test]
    fn ratings_are_written_as_numbers_or_a_word() {
        let json = serde_json::to_string(&[Rating::Score(4), Rating::NotApplicable]).unwrap();
        assert_eq!(json, r#"[4,"not_applicable"]"#);
        let read = |text: &str| Rating::read(&serde_json::from_str(text).unwrap());
        assert_eq!((read("4"), read("\"not_applicable\"")), (Some(Rating::Score(4)), Some(Rating::NotApplicable)));
        for not_a_rating in ["\"maybe\"", "-1", "2.5", "256", "null", "[4]"] {
            assert_eq!(read(not_a_rating), None, "{not_a_rating}");
        }
    }

    #[test]
    fn clearing_rating_and_comment_forgets_the_answer() {
        let instrument = crate::content::builtin().remove(0);
        let mut r = Responses::new(&instrument, "local", " Org ", "Other", "t0");
        assert_eq!(r.organisation, "Org");
        r.set_rating("x", Some(Rating::Score(3)), "t1");
        r.set_comment("x", "why", "t2");
        assert_eq!(r.rating("x"), Some(Rating::Score(3)));
        assert_eq!(r.comment("x"), "why");
        r.set_rating("x", None, "t3");
        assert!(r.answers.get("x").is_some(), "the comment keeps the answer");
        r.set_comment("x", "", "t4");
        assert!(r.answers.is_empty());
        assert_eq!(r.updated_at, "t4");
    }
}
