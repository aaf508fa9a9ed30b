//! Reading the app's JSON files (instruments, the index, result and joint files, stored
//! assessments) into domain values, by hand, from serde_json's [`Value`].
//!
//! Why by hand: serde's derived readers are generated anew for every type, and they were a
//! sixth of the download (about 65 KB of 434 KB of WebAssembly, measured); one `Value` parser and
//! these few readers cost a fraction of that. And every problem knows where it is
//! (`dimensions[1].items[0].id`), so an instrument's author is given the whole list of what is
//! wrong, and a partner is told which statement of a file is wrong, in their own language,
//! rather than serde's English with a line and a column. Writing stays with serde's derived
//! writers, which are small.

use serde_json::{Map, Value};

/// What is wrong with the shape of a file at some place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Not JSON there (the place is a line and column).
    Syntax,
    /// The file ends before the JSON does.
    CutOff,
    /// A field that must be there is not.
    Missing,
    /// A field the format does not have (a typo, most often).
    Unknown,
    /// A value of another type than the one expected.
    Expected(Type),
}

/// The type a value should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Text,
    /// A whole number, at least 0, small enough for the field.
    WholeNumber,
    TrueOrFalse,
    List,
    Object,
    /// A rating: a whole point of the scale, or `"not_applicable"`.
    Rating,
}

/// A problem with a file's shape, and where it is: field names and list positions, as
/// `dimensions[1].items[0].id`, or `line 3, column 14` where the file is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeProblem {
    pub path: String,
    pub shape: Shape,
}

/// Parses JSON text, or says where it stops being JSON.
pub fn parse(text: &str) -> Result<Value, ShapeProblem> {
    serde_json::from_str(text).map_err(|e| {
        let shape = match e.classify() {
            serde_json::error::Category::Eof => Shape::CutOff,
            _ => Shape::Syntax,
        };
        ShapeProblem { path: format!("line {}, column {}", e.line(), e.column()), shape }
    })
}

/// Why a file's text is not a JSON document to read further.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextProblem {
    TooLarge { bytes: usize, limit: usize },
    Empty,
    NotJson,
    CutOff,
}

/// The JSON document a file holds, checked in the order every file reader needs: at most `limit`
/// bytes (before any parsing), a byte-order mark left aside, not blank, then parsed.
pub fn document(text: &str, limit: usize) -> Result<Value, TextProblem> {
    if text.len() > limit {
        return Err(TextProblem::TooLarge { bytes: text.len(), limit });
    }
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(TextProblem::Empty);
    }
    parse(text).map_err(|p| if p.shape == Shape::CutOff { TextProblem::CutOff } else { TextProblem::NotJson })
}

/// A JSON object being read, with its place in the file.
pub struct Object<'v> {
    pub map: &'v Map<String, Value>,
    pub path: String,
}

/// The place of `key` inside `path`.
pub fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads values, noting every problem found rather than stopping at the first, so an author
/// fixes them all in one go. A value that cannot be read is replaced by an empty one, and the
/// whole reading is refused when any problem was noted.
#[derive(Debug, Default)]
pub struct Reader {
    pub problems: Vec<ShapeProblem>,
}

impl Reader {
    pub fn problem(&mut self, path: String, shape: Shape) {
        self.problems.push(ShapeProblem { path, shape });
    }

    /// `value` as an object whose fields are among `fields` (any other is noted as unknown).
    pub fn object<'v>(&mut self, value: &'v Value, path: &str, fields: &[&str]) -> Option<Object<'v>> {
        let Some(map) = value.as_object() else {
            self.problem(path.to_string(), Shape::Expected(Type::Object));
            return None;
        };
        for key in map.keys().filter(|k| !fields.contains(&k.as_str())) {
            self.problem(child(path, key), Shape::Unknown);
        }
        Some(Object { map, path: path.to_string() })
    }

    /// `value` as an object, whatever other fields it has: a file written by a later version of
    /// the app may carry fields this one does not know, which it keeps out of the way.
    pub fn open<'v>(&mut self, value: &'v Value, path: &str) -> Option<Object<'v>> {
        match value.as_object() {
            Some(map) => Some(Object { map, path: path.to_string() }),
            None => {
                self.problem(path.to_string(), Shape::Expected(Type::Object));
                None
            }
        }
    }

    /// A field's value, if present and not `null`.
    pub fn field<'v>(&mut self, object: &Object<'v>, key: &str) -> Option<&'v Value> {
        object.map.get(key).filter(|v| !v.is_null())
    }

    /// A value that must be there: noted as missing otherwise.
    fn required<'v>(&mut self, object: &Object<'v>, key: &str) -> Option<&'v Value> {
        let value = self.field(object, key);
        if value.is_none() {
            self.problem(child(&object.path, key), Shape::Missing);
        }
        value
    }

    /// `value` as text, or the problem noted.
    pub fn as_text(&mut self, value: &Value, path: String) -> Option<String> {
        match value.as_str() {
            Some(text) => Some(text.to_string()),
            None => {
                self.problem(path, Shape::Expected(Type::Text));
                None
            }
        }
    }

    /// A text field that must be there.
    pub fn text(&mut self, object: &Object, key: &str) -> String {
        self.required(object, key).and_then(|v| self.as_text(v, child(&object.path, key))).unwrap_or_default()
    }

    /// A text field that may be left out (then empty).
    pub fn text_or_empty(&mut self, object: &Object, key: &str) -> String {
        self.optional_text(object, key).unwrap_or_default()
    }

    /// A text field that may be left out.
    pub fn optional_text(&mut self, object: &Object, key: &str) -> Option<String> {
        self.field(object, key).and_then(|v| self.as_text(v, child(&object.path, key)))
    }

    /// A whole number field that must be there, as `T` (a `u8`, a `u32`).
    pub fn whole<T: TryFrom<u64> + Default>(&mut self, object: &Object, key: &str) -> T {
        let path = child(&object.path, key);
        match self.required(object, key).map(|v| v.as_u64().and_then(|n| T::try_from(n).ok())) {
            Some(Some(n)) => n,
            Some(None) => {
                self.problem(path, Shape::Expected(Type::WholeNumber));
                T::default()
            }
            None => T::default(),
        }
    }

    /// A true-or-false field, `default` when left out.
    pub fn flag(&mut self, object: &Object, key: &str, default: bool) -> bool {
        match self.field(object, key) {
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.problem(child(&object.path, key), Shape::Expected(Type::TrueOrFalse));
                default
            }
            None => default,
        }
    }

    /// A list field, each element read by `read` with its place; left out, empty (or a problem
    /// when `required`).
    pub fn list<'v, T>(
        &mut self,
        object: &Object<'v>,
        key: &str,
        required: bool,
        mut read: impl FnMut(&mut Reader, &'v Value, String) -> Option<T>,
    ) -> Vec<T> {
        let path = child(&object.path, key);
        let value = if required { self.required(object, key) } else { self.field(object, key) };
        let Some(value) = value else { return Vec::new() };
        let Some(items) = value.as_array() else {
            self.problem(path, Shape::Expected(Type::List));
            return Vec::new();
        };
        items.iter().enumerate().filter_map(|(n, item)| read(self, item, format!("{path}[{n}]"))).collect()
    }

    /// A list of texts, left out empty.
    pub fn texts(&mut self, object: &Object, key: &str) -> Vec<String> {
        self.list(object, key, false, |r, v, path| r.as_text(v, path))
    }

    /// An object field keyed by ids (answers by statement, say), each value read by `read` with
    /// its id and place, in the file's order of ids sorted; left out, empty.
    pub fn entries<'v, T>(
        &mut self,
        object: &Object<'v>,
        key: &str,
        mut read: impl FnMut(&mut Reader, &str, &'v Value, String) -> Option<T>,
    ) -> Vec<(String, T)> {
        let path = child(&object.path, key);
        let Some(value) = self.field(object, key) else { return Vec::new() };
        let Some(map) = value.as_object() else {
            self.problem(path, Shape::Expected(Type::Object));
            return Vec::new();
        };
        map.iter().filter_map(|(id, v)| Some((id.clone(), read(self, id, v, format!("{path}[{id}]"))?))).collect()
    }

    /// An object field that may be left out, read by `read`.
    pub fn nested<'v, T>(
        &mut self,
        object: &Object<'v>,
        key: &str,
        read: impl FnOnce(&mut Reader, &'v Value, String) -> Option<T>,
    ) -> Option<T> {
        let value = self.field(object, key)?;
        read(self, value, child(&object.path, key))
    }

    /// An object field that must be there, read by `read`.
    pub fn nested_required<'v, T>(
        &mut self,
        object: &Object<'v>,
        key: &str,
        read: impl FnOnce(&mut Reader, &'v Value, String) -> Option<T>,
    ) -> Option<T> {
        let value = self.required(object, key)?;
        read(self, value, child(&object.path, key))
    }

    /// The value read, if nothing was wrong, or the first problem.
    pub fn first_problem<T>(self, value: Option<T>) -> Result<T, ShapeProblem> {
        match (self.problems.into_iter().next(), value) {
            (None, Some(value)) => Ok(value),
            (Some(problem), _) => Err(problem),
            (None, None) => Err(ShapeProblem { path: String::new(), shape: Shape::Expected(Type::Object) }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Thing {
        name: String,
        size: u8,
        tags: Vec<String>,
        done: bool,
    }

    fn read_thing(reader: &mut Reader, value: &Value, path: String) -> Option<Thing> {
        let o = reader.object(value, &path, &["name", "size", "tags", "done"])?;
        Some(Thing {
            name: reader.text(&o, "name"),
            size: reader.whole(&o, "size"),
            tags: reader.texts(&o, "tags"),
            done: reader.flag(&o, "done", false),
        })
    }

    fn read(text: &str) -> (Option<Vec<Thing>>, Vec<ShapeProblem>) {
        let value = parse(text).expect("JSON");
        let mut reader = Reader::default();
        let things = reader.object(&value, "", &["things"]).map(|o| reader.list(&o, "things", true, read_thing));
        (things, reader.problems)
    }

    #[test]
    fn a_sound_value_is_read_whole() {
        let (things, problems) =
            read(r#"{"things": [{"name": "a", "size": 3, "tags": ["x"], "done": true}, {"name": "b", "size": 0}]}"#);
        assert!(problems.is_empty(), "{problems:?}");
        let things = things.unwrap();
        assert_eq!(things[0], Thing { name: "a".into(), size: 3, tags: vec!["x".into()], done: true });
        assert_eq!(things[1], Thing { name: "b".into(), size: 0, tags: vec![], done: false });
    }

    #[test]
    fn every_problem_is_noted_with_its_place() {
        let (_, problems) = read(
            r#"{"things": [{"size": 300, "tags": "x", "colour": 1}, {"name": 5, "size": -1, "done": "yes"}], "more": 1}"#,
        );
        let found: Vec<(&str, &Shape)> = problems.iter().map(|p| (p.path.as_str(), &p.shape)).collect();
        assert_eq!(
            found,
            [
                ("more", &Shape::Unknown),
                ("things[0].colour", &Shape::Unknown),
                ("things[0].name", &Shape::Missing),
                ("things[0].size", &Shape::Expected(Type::WholeNumber)),
                ("things[0].tags", &Shape::Expected(Type::List)),
                ("things[1].name", &Shape::Expected(Type::Text)),
                ("things[1].size", &Shape::Expected(Type::WholeNumber)),
                ("things[1].done", &Shape::Expected(Type::TrueOrFalse)),
            ]
        );
    }

    #[test]
    fn text_that_is_not_json_says_where_and_how() {
        assert_eq!(
            parse("{\"a\": 1,").unwrap_err(),
            ShapeProblem { path: "line 1, column 8".into(), shape: Shape::CutOff }
        );
        assert_eq!(parse("{a}").unwrap_err(), ShapeProblem { path: "line 1, column 2".into(), shape: Shape::Syntax });
    }
}
