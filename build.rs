//! Turns the built-in instruments (`src/instruments/*.json`) into Rust values at compile time.
//!
//! The JSON files stay the single source of truth; each is read and checked here with the app's
//! own schema code (`src/domain/instrument.rs`), so a broken instrument fails the build with the
//! list of what is wrong. The app then starts with the instruments already built, without
//! shipping a JSON reader for them: about 10 KB less gzipped wasm (measured).

#[path = "src/domain/instrument.rs"]
#[allow(dead_code)]
mod instrument;

use instrument::{Dimension, Instrument, Item, Question, Role, Scale, SourceRef};
use std::fmt::Write;

fn string(s: &str) -> String {
    format!("String::from({s:?})")
}

fn strings(list: &[String]) -> String {
    format!("vec![{}]", list.iter().map(|s| string(s)).collect::<Vec<_>>().join(", "))
}

fn source(s: &SourceRef) -> String {
    format!("SourceRef {{ file: {}, section: {} }}", string(&s.file), string(&s.section))
}

fn role(r: &Role) -> String {
    format!("Role {{ id: {}, label: {} }}", string(&r.id), string(&r.label))
}

fn scale(s: &Scale) -> String {
    format!(
        "Scale {{ min: {}, max: {}, labels: {}, not_applicable: {} }}",
        s.min,
        s.max,
        strings(&s.labels),
        string(&s.not_applicable)
    )
}

fn item(i: &Item) -> String {
    format!("Item {{ id: {}, text: {}, source: {} }}", string(&i.id), string(&i.text), source(&i.source))
}

fn question(q: &Question) -> String {
    format!("Question {{ id: {}, text: {}, source: {} }}", string(&q.id), string(&q.text), source(&q.source))
}

fn dimension(d: &Dimension) -> String {
    format!(
        "Dimension {{ id: {}, title: {}, short_title: {}, summary: {}, source: {}, items: vec![{}], suggested_actions: {} }}",
        string(&d.id),
        string(&d.title),
        string(&d.short_title),
        string(&d.summary),
        source(&d.source),
        d.items.iter().map(item).collect::<Vec<_>>().join(", "),
        strings(&d.suggested_actions)
    )
}

fn instrument(i: &Instrument) -> String {
    format!(
        "Instrument {{ schema_version: {}, id: {}, version: {}, title: {}, summary: {}, publisher: {}, credit: {}, source: {}, roles: vec![{}], scale: {}, dimensions: vec![{}], reflections: vec![{}] }}",
        i.schema_version,
        string(&i.id),
        string(&i.version),
        string(&i.title),
        string(&i.summary),
        string(&i.publisher),
        string(&i.credit),
        source(&i.source),
        i.roles.iter().map(role).collect::<Vec<_>>().join(", "),
        scale(&i.scale),
        i.dimensions.iter().map(dimension).collect::<Vec<_>>().join(", "),
        i.reflections.iter().map(question).collect::<Vec<_>>().join(", ")
    )
}

/// A long instrument for timing: `size` statements in ten dimensions, on a 1-5 scale.
fn generated(size: usize) -> Instrument {
    let source = || SourceRef { file: "generated".into(), section: "timing".into() };
    let dimensions = (0..10)
        .map(|d| Dimension {
            id: format!("d{d}"),
            title: format!("Generated dimension {d}"),
            short_title: format!("Dimension {d}"),
            summary: String::new(),
            source: source(),
            items: (0..size)
                .filter(|n| n % 10 == d)
                .map(|n| Item {
                    id: format!("d{d}.i{n}"),
                    text: format!("Generated statement number {n}"),
                    source: source(),
                })
                .collect(),
            suggested_actions: Vec::new(),
        })
        .collect();
    Instrument {
        schema_version: 1,
        id: format!("bench-{size}"),
        version: "1.0.0".into(),
        title: format!("Generated, {size} statements"),
        summary: String::new(),
        publisher: "Benchmark".into(),
        credit: "Generated for timing.".into(),
        source: source(),
        roles: vec![
            Role { id: "a".into(), label: "Partner A".into() },
            Role { id: "b".into(), label: "Partner B".into() },
        ],
        scale: Scale {
            min: 1,
            max: 5,
            labels: ["1", "2", "3", "4", "5"].map(String::from).to_vec(),
            not_applicable: "Don't know".into(),
        },
        dimensions,
        reflections: Vec::new(),
    }
}

fn main() {
    println!("cargo:rerun-if-changed=src/instruments");
    println!("cargo:rerun-if-changed=src/domain/instrument.rs");
    let mut files: Vec<_> = std::fs::read_dir("src/instruments")
        .expect("src/instruments")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut code = String::from("vec![\n");
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable instrument");
        match Instrument::from_json(&text) {
            Ok(i) => {
                let _ = writeln!(code, "    {},", instrument(&i));
            }
            Err(problems) => {
                let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
                panic!("{} is not a valid instrument:\n  {}", path.display(), list.join("\n  "));
            }
        }
    }
    // For scripts/bench.mjs only: PSC_BENCH_ITEMS=200,500 adds a generated instrument of each
    // size (ids bench-200, bench-500), so timings can be taken on long questionnaires with the
    // app's own code. Never set for the app that is shipped or tested.
    println!("cargo:rerun-if-env-changed=PSC_BENCH_ITEMS");
    for size in std::env::var("PSC_BENCH_ITEMS").unwrap_or_default().split(',').filter_map(|n| n.trim().parse().ok()) {
        let _ = writeln!(code, "    {},", instrument(&generated(size)));
    }
    code.push(']');
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("builtin_instruments.rs");
    std::fs::write(out, code).expect("writable OUT_DIR");
}
