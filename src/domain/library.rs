//! The questionnaires this app can offer: the built-in ones, listed in a small index served beside
//! the app and each fetched when it is needed, and custom ones an organisation brings as a file or
//! names in its embed snippet. Both kinds are read by the same [`Instrument::from_json`]; this
//! module knows where built-in files are, what the index says, and which copy of an instrument
//! wins when two are known.

use serde::Serialize;

use super::json::{self, Reader};

use super::assessment::Assessment;
use super::instrument::{Instrument, InstrumentProblem};

/// The ids of the built-in instruments. Custom instruments may not take one, so a result file
/// naming it always means the same questionnaire; known without the index, so the rule holds
/// offline too. `src/content/mod.rs` checks this list against the index and the files.
pub const BUILT_IN: &[&str] = &[
    "local-leadership",
    "accountability-learning",
    "partnership-practices",
    "civic-partnership",
    "local-authority-links",
    "closing-out",
];

/// Whether `id` names a built-in instrument.
pub fn is_built_in(id: &str) -> bool {
    BUILT_IN.contains(&id)
}

/// The `format` of the index file.
pub const INDEX_FORMAT: &str = "partnership-scorecard-index";

/// Where the content files are, relative to the app's own files.
pub const CONTENT_DIR: &str = "content/";

/// The index, relative to [`CONTENT_DIR`].
pub const INDEX_PATH: &str = "instruments/index.json";

/// The file of a built-in instrument, relative to [`CONTENT_DIR`].
pub fn instrument_path(id: &str) -> String {
    format!("instruments/{id}.json")
}

/// The index of the instruments in `lang`, relative to [`CONTENT_DIR`]: English's is
/// [`INDEX_PATH`], each other language's in a folder of its own.
pub fn index_path(lang: &str) -> String {
    if lang == "en" {
        INDEX_PATH.to_string()
    } else {
        format!("instruments/{lang}/index.json")
    }
}

/// The file of a built-in instrument's translation into `lang`, relative to [`CONTENT_DIR`].
pub fn translation_path(id: &str, lang: &str) -> String {
    format!("instruments/{lang}/{id}.json")
}

/// Reads the translation into `lang` of the built-in instrument `english`: refused unless it
/// says it is in `lang`, is of the same version, and has the same shape, so that answers given
/// in one language are the answers to the same statements in every other.
pub fn read_translation(text: &str, english: &Instrument, lang: &str) -> Result<Instrument, ContentProblem> {
    let translated = read_built_in(text, &english.id)?;
    let sound = translated.language.as_deref() == Some(lang)
        && translated.version == english.version
        && translated.translation.as_deref().is_some_and(|t| !t.trim().is_empty())
        && same_shape(&translated, english);
    if sound {
        Ok(translated)
    } else {
        Err(ContentProblem::WrongInstrument { asked: english.id.clone(), found: translated.id })
    }
}

/// Whether two instruments ask the same things in the same order: the same ids throughout,
/// roles, scale points, kinds, which side each statement is about, and which dimensions
/// advice and roles cover. Words may differ; nothing a rating or a comment hangs on may.
pub fn same_shape(a: &Instrument, b: &Instrument) -> bool {
    let ids = |i: &Instrument| -> Vec<String> {
        let mut ids = vec![i.id.clone()];
        ids.extend(i.roles.iter().map(|r| r.id.clone()));
        for d in &i.dimensions {
            ids.push(format!("d:{}:{:?}:{}", d.id, d.roles, d.suggested_actions.len()));
            ids.extend(d.items.iter().map(|item| format!("i:{}:{:?}", item.id, item.about)));
            ids.extend(d.questions.iter().map(|q| format!("q:{}", q.id)));
        }
        ids.extend(i.reflections.iter().map(|q| format!("r:{}", q.id)));
        ids.extend(i.advice.iter().map(|a| format!("a:{:?}", a.dimensions)));
        ids
    };
    let scale = |i: &Instrument| (i.scale.min, i.scale.max, i.scale.labels.len());
    ids(a) == ids(b) && scale(a) == scale(b) && a.kind == b.kind && a.rounds == b.rounds
}

/// The list the start screen offers before any instrument file is fetched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Index {
    pub format: String,
    pub format_version: u32,
    /// In the order offered; the first is the one offered when the host page names none.
    pub instruments: Vec<IndexEntry>,
}

/// One built-in instrument, as listed: enough to choose it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexEntry {
    pub id: String,
    pub version: String,
    pub title: String,
    pub publisher: String,
    /// One line on what it is for.
    pub summary: String,
    /// The languages its text is available in (BCP 47 tags).
    pub languages: Vec<String>,
}

impl IndexEntry {
    /// What the index says of `instrument`, in its own words.
    pub fn of(instrument: &Instrument, languages: Vec<String>) -> IndexEntry {
        IndexEntry {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
            title: instrument.title.clone(),
            publisher: instrument.publisher.clone(),
            summary: instrument.summary.clone(),
            languages,
        }
    }
}

/// Why a content file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentProblem {
    /// Not an index of this app (damaged, cut off, or some other file).
    NotAnIndex,
    /// An instrument file, built-in or custom, with what is wrong in it.
    Instrument(Vec<InstrumentProblem>),
    /// A built-in instrument's file holds another instrument than the one asked for.
    WrongInstrument { asked: String, found: String },
    /// A custom instrument takes the id of a built-in one.
    BuiltInId { id: String },
    /// A custom instrument would replace one that stored answers use, without statements or
    /// questions those answers need.
    DropsAnswers { id: String, missing: Vec<String> },
}

impl Index {
    /// Reads the index; anything but a sound index of this format version is refused.
    pub fn from_json(text: &str) -> Result<Index, ContentProblem> {
        let value = json::parse(text).map_err(|_| ContentProblem::NotAnIndex)?;
        let mut reader = Reader::default();
        let index = reader.object(&value, "", &["format", "format_version", "instruments"]).map(|o| Index {
            format: reader.text(&o, "format"),
            format_version: reader.whole(&o, "format_version"),
            instruments: reader.list(&o, "instruments", true, |r, v, path| {
                let o = r.object(v, &path, &["id", "version", "title", "publisher", "summary", "languages"])?;
                Some(IndexEntry {
                    id: r.text(&o, "id"),
                    version: r.text(&o, "version"),
                    title: r.text(&o, "title"),
                    publisher: r.text(&o, "publisher"),
                    summary: r.text(&o, "summary"),
                    languages: r.texts(&o, "languages"),
                })
            }),
        });
        let index = reader.first_problem(index).map_err(|_| ContentProblem::NotAnIndex)?;
        let sound = index.format == INDEX_FORMAT && index.format_version == 1 && !index.instruments.is_empty();
        if sound {
            Ok(index)
        } else {
            Err(ContentProblem::NotAnIndex)
        }
    }
}

/// Reads a built-in instrument's file fetched for `id`.
pub fn read_built_in(text: &str, id: &str) -> Result<Instrument, ContentProblem> {
    let instrument = Instrument::from_json(text).map_err(ContentProblem::Instrument)?;
    if instrument.id != id {
        return Err(ContentProblem::WrongInstrument { asked: id.to_string(), found: instrument.id });
    }
    Ok(instrument)
}

/// Reads a custom instrument (a file chosen, or the URL a host page names), refusing one that
/// takes a built-in id, or that would replace an instrument `stored` answers use without what
/// they answered.
pub fn read_custom(text: &str, stored: &[Assessment]) -> Result<Instrument, ContentProblem> {
    let instrument = Instrument::from_json(text).map_err(ContentProblem::Instrument)?;
    if is_built_in(&instrument.id) {
        return Err(ContentProblem::BuiltInId { id: instrument.id });
    }
    let missing = unanswerable(&instrument, stored);
    if !missing.is_empty() {
        return Err(ContentProblem::DropsAnswers { id: instrument.id, missing });
    }
    Ok(instrument)
}

/// The statement and question ids that stored answers of `instrument`'s id use and that
/// `instrument` does not have, in order, without repeats.
pub fn unanswerable(instrument: &Instrument, stored: &[Assessment]) -> Vec<String> {
    let mut missing: Vec<String> = Vec::new();
    let sides = stored.iter().flat_map(|a| std::iter::once(&a.own).chain(a.partner.as_ref()));
    for responses in sides.filter(|r| r.instrument.id == instrument.id) {
        let ids = responses.answers.iter().map(|(id, _)| id).filter(|id| instrument.item(id).is_none());
        let questions = responses.reflections.iter().map(|(id, _)| id).filter(|id| instrument.question(id).is_none());
        for id in ids.chain(questions) {
            if !missing.iter().any(|m| m == id) {
                missing.push(id.to_string());
            }
        }
    }
    missing
}

/// Which of two copies of one instrument to use: the later version. Ids are never taken out of
/// a built-in instrument (a test checks each release against the one before), so answers given
/// on an earlier version are all still there on a later one.
pub fn later<'a>(a: &'a Instrument, b: &'a Instrument) -> &'a Instrument {
    if version_key(&b.version) > version_key(&a.version) {
        b
    } else {
        a
    }
}

/// A version's numbers ("1.10.0" after "1.9.2"); parts that are not numbers count as 0.
fn version_key(version: &str) -> Vec<u64> {
    version.split('.').map(|part| part.trim().parse().unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Rating, Responses};

    fn built_in() -> Instrument {
        crate::content::builtin().remove(0)
    }

    fn custom() -> Instrument {
        let mut instrument = built_in();
        instrument.id = "our-review".into();
        instrument
    }

    fn json(instrument: &Instrument) -> String {
        serde_json::to_string(instrument).expect("serialisable")
    }

    #[test]
    fn a_built_in_file_must_hold_the_instrument_asked_for() {
        let text = json(&built_in());
        assert_eq!(read_built_in(&text, "local-leadership").map(|i| i.id), Ok("local-leadership".to_string()));
        assert_eq!(
            read_built_in(&text, "other"),
            Err(ContentProblem::WrongInstrument { asked: "other".into(), found: "local-leadership".into() })
        );
        assert!(matches!(read_built_in("{", "local-leadership"), Err(ContentProblem::Instrument(_))));
    }

    #[test]
    fn a_custom_instrument_may_not_take_a_built_in_id() {
        assert_eq!(
            read_custom(&json(&built_in()), &[]),
            Err(ContentProblem::BuiltInId { id: "local-leadership".into() })
        );
        assert_eq!(read_custom(&json(&custom()), &[]).map(|i| i.id), Ok("our-review".to_string()));
    }

    #[test]
    fn a_custom_instrument_may_not_drop_what_stored_answers_need() {
        let instrument = custom();
        let item = instrument.dimensions[0].items[0].id.clone();
        let mut own = Responses::new(&instrument, "local", "A", "B", "t");
        own.set_rating(&item, Some(Rating::Score(3)), "t");
        let stored = vec![Assessment::new("a".into(), own)];
        assert!(read_custom(&json(&instrument), &stored).is_ok(), "the same instrument again");

        let mut fewer = instrument.clone();
        fewer.dimensions[0].items.remove(0);
        assert_eq!(
            read_custom(&json(&fewer), &stored),
            Err(ContentProblem::DropsAnswers { id: "our-review".into(), missing: vec![item.clone()] })
        );
        // Answers to another instrument are not its business.
        let mut elsewhere = fewer.clone();
        elsewhere.id = "another-review".into();
        assert!(read_custom(&json(&elsewhere), &stored).is_ok());
    }

    #[test]
    fn the_later_version_wins() {
        let (mut a, mut b) = (custom(), custom());
        a.version = "1.9.2".into();
        b.version = "1.10.0".into();
        assert_eq!(later(&a, &b).version, "1.10.0");
        assert_eq!(later(&b, &a).version, "1.10.0");
        b.version = "1.9.2".into();
        assert!(std::ptr::eq(later(&a, &b), &a), "equal versions: the first is kept");
    }

    #[test]
    fn an_index_is_read_only_when_sound() {
        let entry = IndexEntry::of(&built_in(), vec!["en".into()]);
        let index = Index { format: INDEX_FORMAT.into(), format_version: 1, instruments: vec![entry] };
        let text = serde_json::to_string(&index).expect("serialisable");
        assert_eq!(Index::from_json(&text), Ok(index.clone()));
        for bad in [
            text.replace(INDEX_FORMAT, "other"),
            text.replace("\"format_version\":1", "\"format_version\":2"),
            text[..text.len() / 2].to_string(),
            "<html>not found</html>".to_string(),
            serde_json::to_string(&Index { instruments: vec![], ..index }).expect("serialisable"),
        ] {
            assert_eq!(Index::from_json(&bad), Err(ContentProblem::NotAnIndex), "{bad}");
        }
    }
}
