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
use crate::domain::Instrument;

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

    #[test]
    fn the_standalone_page_preloads_the_instrument_offered_first() {
        let page = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"));
        let first = &index().instruments[0].id;
        for path in ["content/instruments/index.json".to_string(), format!("content/instruments/{first}.json")] {
            assert!(page.contains(&format!("href=\"{path}\"")), "index.html does not preload {path}");
        }
    }

    #[test]
    fn every_source_reference_names_a_seed_file_and_a_section_in_it() {
        let dir = seeds_dir();
        assert!(dir.is_dir(), "source documents not found at {}; set PSC_SEEDS_DIR", dir.display());
        for instrument in builtin() {
            let mut refs = vec![("instrument".to_string(), &instrument.source)];
            for d in &instrument.dimensions {
                refs.push((d.id.clone(), &d.source));
                refs.extend(d.items.iter().map(|i| (i.id.clone(), &i.source)));
            }
            refs.extend(instrument.reflections.iter().map(|q| (q.id.clone(), &q.source)));
            for (id, source) in refs {
                let path = dir.join(&source.file);
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|_| panic!("{}/{id}: no source file {}", instrument.id, source.file));
                // "Section — potential actions" cites the list under that section's heading.
                let heading = source.section.split(" — ").next().unwrap_or_default();
                assert!(
                    normalise(&text).contains(&normalise(heading)),
                    "{}/{id}: section {heading:?} is not in {}",
                    instrument.id,
                    source.file
                );
            }
        }
    }

    #[test]
    fn suggested_actions_are_the_sources_potential_actions() {
        // Each suggested action must start with words taken from the source document.
        let dir = seeds_dir();
        for instrument in builtin() {
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
