//! The built-in content: every instrument as a JSON data file in `instruments/`, listed in
//! `instruments/index.json`. The release build copies this folder beside the app (`dist/content/`),
//! and the app fetches each file when it is needed, reading it with the same
//! [`Instrument::from_json`] as a custom instrument. Nothing here is compiled into the app: this
//! module holds the checks every built-in file must pass, run by `cargo test`.
//!
//! Adding a built-in instrument (each step is checked by a test below):
//! 1. write `instruments/<id>.json` to the schema in `docs/instrument-schema.md`, every item
//!    citing its source document, section and words;
//! 2. list it in `instruments/index.json` (the start screen's list, in the order offered);
//! 3. add its id to [`crate::domain::library::BUILT_IN`].

use std::path::{Path, PathBuf};

use crate::domain::library::{Index, IndexEntry, BUILT_IN, INDEX_FORMAT};
use crate::domain::{Instrument, SourceRef};

/// This folder.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The index as written.
pub fn index() -> Index {
    Index::from_json(&read(&dir().join("instruments/index.json"))).expect("instruments/index.json is a sound index")
}

/// The text of a built-in instrument's file.
pub fn text(id: &str) -> String {
    read(&dir().join(format!("instruments/{id}.json")))
}

/// Every built-in instrument, in the index's order.
pub fn builtin() -> Vec<Instrument> {
    index()
        .instruments
        .iter()
        .map(|entry| Instrument::from_json(&text(&entry.id)).unwrap_or_else(|p| panic!("{}: {p:?}", entry.id)))
        .collect()
}

/// The small custom instrument of the schema document (`demo/our-partnership-check.json`), for
/// tests that shape an instrument of their own from it.
pub fn example() -> Instrument {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo/our-partnership-check.json");
    Instrument::from_json(&read(&path)).expect("the schema example is sound")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// The source documents live beside the repository (`../shared/seeds`), or where
    /// `PSC_SEEDS_DIR` says.
    fn seeds_dir() -> PathBuf {
        std::env::var_os("PSC_SEEDS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"))
    }

    /// Lowercase words only, so line breaks and punctuation do not hide a quotation.
    fn normalise(text: &str) -> String {
        let plain: String = text.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        plain.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    }

    /// The instrument files in the folder, by id.
    fn files() -> BTreeSet<String> {
        std::fs::read_dir(dir().join("instruments"))
            .expect("src/content/instruments")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|name| name != "index.json")
            .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
            .collect()
    }

    #[test]
    fn every_file_is_a_sound_instrument_named_by_its_id() {
        for id in files() {
            let instrument = Instrument::from_json(&text(&id)).unwrap_or_else(|p| panic!("{id}.json: {p:?}"));
            assert_eq!(instrument.id, id, "{id}.json holds another id");
        }
    }

    #[test]
    fn the_index_lists_every_file_once_in_its_own_words_and_the_app_knows_every_id() {
        let index = index();
        assert_eq!(index.format, INDEX_FORMAT);
        let listed: Vec<&str> = index.instruments.iter().map(|e| e.id.as_str()).collect();
        let unique: BTreeSet<String> = listed.iter().map(|id| id.to_string()).collect();
        assert_eq!(unique.len(), listed.len(), "an instrument is listed twice");
        assert_eq!(unique, files(), "the index and the files in src/content/instruments differ");
        assert_eq!(listed, BUILT_IN, "domain::library::BUILT_IN differs from the index");
        for entry in &index.instruments {
            let instrument = Instrument::from_json(&text(&entry.id)).expect("sound");
            assert_eq!(
                entry,
                &IndexEntry::of(&instrument, entry.languages.clone()),
                "the index's entry for {}",
                entry.id
            );
            assert_eq!(entry.languages.first().map(String::as_str), Some("en"), "{}: English first", entry.id);
        }
    }

    /// Every text of an instrument a person reads, with where it is.
    fn words(i: &Instrument) -> Vec<(String, &str)> {
        let mut words =
            vec![("title".to_string(), i.title.as_str()), ("summary".into(), &i.summary), ("credit".into(), &i.credit)];
        words.extend(i.roles.iter().map(|r| (format!("role {}", r.id), r.label.as_str())));
        words.extend(i.scale.labels.iter().map(|l| ("scale".to_string(), l.as_str())));
        words.push(("not applicable".into(), &i.scale.not_applicable));
        for d in &i.dimensions {
            words.extend([
                (d.id.clone(), d.title.as_str()),
                (d.id.clone(), &d.short_title),
                (d.id.clone(), &d.summary),
            ]);
            words.extend(d.items.iter().map(|item| (item.id.clone(), item.text.as_str())));
            words.extend(d.suggested_actions.iter().map(|a| (d.id.clone(), a.as_str())));
        }
        words.extend(i.questions().map(|q| (q.id.clone(), q.text.as_str())));
        words.extend(i.advice.iter().map(|a| ("advice".to_string(), a.text.as_str())));
        words
    }

    /// Each translation: the same shape as the English file (ids, scale, sides, advice), the
    /// same version, the same citations (file and section: the English file is the one cited
    /// against the seeds), said to be the project's translation, and no sentence left in
    /// English; and each language's index lists them as the English one does.
    #[test]
    fn every_instrument_is_translated_into_every_language_with_the_same_shape() {
        use crate::domain::library::{read_translation, translation_path};
        let english = builtin();
        for (lang, _) in crate::i18n::LANGUAGES.iter().filter(|(code, _)| *code != "en") {
            let translated_index = Index::from_json(&read(&dir().join(format!("instruments/{lang}/index.json"))))
                .unwrap_or_else(|p| panic!("{lang}/index.json: {p:?}"));
            assert_eq!(translated_index.instruments.len(), english.len(), "{lang}/index.json");
            for (entry, english) in translated_index.instruments.iter().zip(&english) {
                let text = read(&dir().join(translation_path(&english.id, lang)));
                let translated =
                    read_translation(&text, english, lang).unwrap_or_else(|p| panic!("{lang}/{}: {p:?}", english.id));
                assert_eq!(
                    entry,
                    &IndexEntry::of(
                        &translated,
                        index()
                            .instruments
                            .iter()
                            .find(|e| e.id == english.id)
                            .map(|e| e.languages.clone())
                            .unwrap_or_default()
                    ),
                    "{lang}/index.json: {}",
                    english.id
                );
                assert!(
                    entry.languages.iter().any(|l| l == lang),
                    "{lang}/index.json: {} says it is in {lang}",
                    english.id
                );
                let cited = |i: &Instrument| {
                    citations(i).into_iter().map(|(at, s)| (at, s.file.clone(), s.section.clone())).collect::<Vec<_>>()
                };
                assert_eq!(cited(&translated), cited(english), "{lang}/{}: citations", english.id);
                let left: Vec<String> = words(&translated)
                    .into_iter()
                    .zip(words(english))
                    .filter(|((_, t), (_, e))| t == e && e.split_whitespace().count() > 3)
                    .map(|((at, t), _)| format!("{at}: {t}"))
                    .collect();
                assert!(left.is_empty(), "{lang}/{}: left in English: {left:#?}", english.id);
            }
        }
    }

    #[test]
    fn the_standalone_page_preloads_the_instrument_offered_first() {
        let page = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"));
        let first = &index().instruments[0].id;
        for path in ["content/instruments/index.json".to_string(), format!("content/instruments/{first}.json")] {
            assert!(page.contains(&format!("href=\"{path}\"")), "index.html does not preload {path}");
        }
    }

    /// Every place of an instrument that cites its source, with a name for messages.
    fn citations(instrument: &Instrument) -> Vec<(String, &SourceRef)> {
        let mut refs = vec![("instrument".to_string(), &instrument.source)];
        for d in &instrument.dimensions {
            refs.push((d.id.clone(), &d.source));
            refs.extend(d.items.iter().map(|i| (i.id.clone(), &i.source)));
        }
        refs.extend(instrument.questions().map(|q| (q.id.clone(), &q.source)));
        refs.extend(instrument.advice.iter().map(|a| ("advice".to_string(), &a.source)));
        refs
    }

    /// The heading of a cited section: "Section — potential actions" cites the list under
    /// that section's heading.
    fn heading(section: &str) -> String {
        normalise(section.split(" — ").next().unwrap_or_default())
    }

    /// The text of each cited section of `file`, normalised: from its heading's first
    /// occurrence to the next heading any built-in instrument cites in that file.
    fn sections(file: &str, text: &str, instruments: &[Instrument]) -> Vec<(String, String)> {
        let text = normalise(text);
        let mut starts: Vec<(usize, String)> = instruments
            .iter()
            .flat_map(citations)
            .filter(|(_, source)| source.file == file)
            .filter_map(|(_, source)| {
                let heading = heading(&source.section);
                text.find(&heading).map(|at| (at, heading))
            })
            .collect();
        starts.sort();
        starts.dedup();
        starts
            .iter()
            .enumerate()
            .map(|(n, (at, heading))| {
                let end = starts[n + 1..].iter().map(|(next, _)| *next).find(|next| next > at).unwrap_or(text.len());
                (heading.clone(), text[*at..end].to_string())
            })
            .collect()
    }

    /// Every instrument file in the folder, listed in the index or not yet.
    fn all_files() -> Vec<Instrument> {
        files()
            .iter()
            .map(|id| Instrument::from_json(&text(id)).unwrap_or_else(|p| panic!("{id}.json: {p:?}")))
            .collect()
    }

    #[test]
    fn every_citation_names_a_seed_file_and_a_section_and_its_words_are_in_that_section() {
        let dir = seeds_dir();
        assert!(dir.is_dir(), "source documents not found at {}; set PSC_SEEDS_DIR", dir.display());
        let instruments = all_files();
        for instrument in &instruments {
            for (id, source) in citations(instrument) {
                let at = format!("{}/{id}", instrument.id);
                let text = std::fs::read_to_string(dir.join(&source.file))
                    .unwrap_or_else(|_| panic!("{at}: no source file {}", source.file));
                let sections = sections(&source.file, &text, &instruments);
                let heading = heading(&source.section);
                let Some((_, section)) = sections.iter().find(|(h, _)| *h == heading) else {
                    panic!("{at}: section {:?} is not in {}", source.section, source.file)
                };
                if let Some(quote) = &source.quote {
                    assert!(
                        section.contains(&normalise(quote)),
                        "{at}: {quote:?} is not in section {:?} of {}",
                        source.section,
                        source.file
                    );
                }
            }
        }
    }

    /// What a partner reads as the source's words is the source's words: every statement,
    /// question and dimension of a built-in instrument quotes the passage it rests on, and a
    /// checklist's advice is quoted whole.
    #[test]
    fn every_built_in_statement_question_and_dimension_quotes_its_source() {
        let dir = seeds_dir();
        for instrument in all_files() {
            for (id, source) in citations(&instrument).into_iter().skip(1) {
                assert!(source.quote.is_some(), "{}/{id}: no quotation", instrument.id);
            }
            if let Some(advice) = &instrument.advice {
                let text = normalise(&std::fs::read_to_string(dir.join(&advice.source.file)).unwrap_or_default());
                assert!(
                    text.contains(&normalise(&advice.text)),
                    "{}: the advice is not the source's words",
                    instrument.id
                );
            }
        }
    }

    /// A built-in instrument's later version keeps every id of the one before (and its scale),
    /// so answers given on the earlier version all still have their statement. One fixture per
    /// released version that changed, in tests/fixtures/instruments/<id>-<version>.json.
    #[test]
    fn later_versions_keep_every_id_and_the_scale_of_earlier_ones() {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/instruments");
        let current = builtin();
        for entry in std::fs::read_dir(&fixtures).expect("tests/fixtures/instruments") {
            let path = entry.expect("entry").path();
            let earlier = Instrument::from_json(&read(&path)).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()));
            let now = current.iter().find(|i| i.id == earlier.id).expect("a fixture of a built-in instrument");
            assert_eq!(
                (now.scale.min, now.scale.max),
                (earlier.scale.min, earlier.scale.max),
                "{}: the scale",
                earlier.id
            );
            for role in &earlier.roles {
                assert!(now.role(&role.id).is_some(), "{}: role {} was taken out", earlier.id, role.id);
            }
            for d in &earlier.dimensions {
                assert!(now.dimension(&d.id).is_some(), "{}: dimension {} was taken out", earlier.id, d.id);
            }
            for (_, item) in earlier.items() {
                assert!(now.item(&item.id).is_some(), "{}: statement {} was taken out", earlier.id, item.id);
            }
            for question in earlier.questions() {
                assert!(now.question(&question.id).is_some(), "{}: question {} was taken out", earlier.id, question.id);
            }
        }
    }

    #[test]
    fn suggested_actions_are_the_sources_potential_actions() {
        // Each suggested action must start with words taken from the source document.
        let dir = seeds_dir();
        for instrument in all_files() {
            for d in &instrument.dimensions {
                let text = normalise(&std::fs::read_to_string(dir.join(&d.source.file)).unwrap_or_default());
                for action in &d.suggested_actions {
                    let opening: String = normalise(action).split(' ').take(4).collect::<Vec<_>>().join(" ");
                    assert!(text.contains(&opening), "{}: action {action:?} not found in source", d.id);
                }
            }
        }
    }

    /// The schema document's example is the demo's file, word for word, and is a sound custom
    /// instrument.
    #[test]
    fn the_schema_documents_example_is_the_demos_file_and_it_loads() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let doc = read(&root.join("docs/instrument-schema.md"));
        let file = read(&root.join("demo/our-partnership-check.json"));
        let block = doc.split("```json\n").nth(1).and_then(|rest| rest.split("\n```").next()).expect("a json block");
        assert_eq!(block.trim(), file.trim(), "docs/instrument-schema.md's example differs from the demo's file");
        let instrument = crate::domain::library::read_custom(&file, &[]).expect("a sound custom instrument");
        assert!(!crate::domain::library::is_built_in(&instrument.id));
    }
}
