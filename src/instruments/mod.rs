//! The built-in instruments: one JSON file each in this folder, the single source of truth.
//! `build.rs` checks them with the schema code and compiles them in, so the app works offline
//! and ships no JSON reader for them. Tests check every file against the source documents.

use crate::domain::{Dimension, Instrument, Item, Question, Role, Scale, SourceRef};

/// Every built-in instrument, in file-name order.
pub fn builtin() -> Vec<Instrument> {
    include!(concat!(env!("OUT_DIR"), "/builtin_instruments.rs"))
}

/// The JSON text of every built-in instrument, for the tests.
#[cfg(test)]
pub const SOURCES: &[(&str, &str)] = &[("local-leadership.json", include_str!("local-leadership.json"))];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

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

    #[test]
    fn every_builtin_instrument_passes_the_schema_and_is_compiled_in_as_written() {
        let compiled = builtin();
        assert_eq!(compiled.len(), SOURCES.len());
        for ((name, text), built) in SOURCES.iter().zip(&compiled) {
            match Instrument::from_json(text) {
                Ok(parsed) => assert_eq!(&parsed, built, "{name}: the compiled instrument differs from its file"),
                Err(problems) => panic!("{name}: {problems:?}"),
            }
        }
        let files = std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/instruments"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
            .count();
        assert_eq!(files, SOURCES.len(), "every instrument file is listed in SOURCES");
    }

    #[test]
    fn ids_are_unique_and_name_their_files() {
        let mut seen = BTreeSet::new();
        for (name, text) in SOURCES {
            let instrument = Instrument::from_json(text).expect("valid");
            assert_eq!(*name, format!("{}.json", instrument.id));
            assert!(seen.insert(instrument.id.clone()), "duplicate instrument id {}", instrument.id);
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
}
