//! The answers and gaps as a CSV table, for people who work in spreadsheets.
//!
//! One rectangular table in the instrument's order: a row per dimension (its means and gap;
//! where statements are about one side, a row per dimension and side), followed by a row per
//! statement of it and its learning questions, then a row per reflection question. A column says which
//! kind each row is, so a spreadsheet filter separates them. Dimensions and statements are
//! numbered in two whole-number columns: a number such as "1.10" would be read as 1.1, or as a
//! date in some locales.

use super::instrument::{Dimension, Instrument, Question};
use super::responses::{Rating, Responses};
use super::scoring::{dimension_scores, groups, Tenths};

/// A CSV table being written (RFC 4180): comma-separated (or semicolon-separated, as spreadsheets
/// set to a language that writes a decimal comma expect), rows ending in CRLF, a cell holding the
/// separator, a quote or a line break quoted with its quotes doubled, so any comment comes back out of a
/// spreadsheet as it was typed (text that could start a formula gains a leading apostrophe, see
/// [`Cell`]).
pub struct Csv {
    text: String,
    separator: char,
}

/// One cell. Only text can start a formula: a text cell beginning with `=`, `+`, `-`, `@`, a tab
/// or a carriage return gets a leading apostrophe, so a comment such as `=HYPERLINK(…)` opens as
/// words in a spreadsheet, never as a live formula (OWASP's advice on CSV injection).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Text(&'a str),
    Number(String),
    Empty,
}

impl Default for Csv {
    fn default() -> Self {
        Self::new()
    }
}

impl Csv {
    /// Starts with a byte-order mark: without it, Excel reads UTF-8 as a legacy code page and
    /// garbles every accent.
    pub fn new() -> Self {
        Self::with_separator(',')
    }

    pub fn with_separator(separator: char) -> Self {
        Csv { text: String::from('\u{feff}'), separator }
    }

    pub fn row(&mut self, cells: &[Cell]) -> &mut Self {
        for (n, cell) in cells.iter().enumerate() {
            if n > 0 {
                self.text.push(self.separator);
            }
            match cell {
                Cell::Text(text) => self.text(text),
                Cell::Number(number) => self.text.push_str(number),
                Cell::Empty => {}
            }
        }
        self.text.push_str("\r\n");
        self
    }

    fn text(&mut self, text: &str) {
        let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quoted = formula || text.contains([self.separator, '"', '\n', '\r']) || text.trim() != text;
        if quoted {
            self.text.push('"');
        }
        if formula {
            self.text.push('\'');
        }
        for c in text.chars() {
            if c == '"' {
                self.text.push('"');
            }
            self.text.push(c);
        }
        if quoted {
            self.text.push('"');
        }
    }

    pub fn finish(self) -> String {
        self.text
    }
}

/// The words of the table that are not the instrument's: headers and row kinds, from the
/// catalogue, so the table reads in the user's language.
pub struct Words<'a> {
    pub kind: &'a str,
    pub dimension: &'a str,
    pub dimension_number: &'a str,
    pub statement_number: &'a str,
    pub text: &'a str,
    pub own_rating: &'a str,
    pub partner_rating: &'a str,
    pub gap: &'a str,
    pub own_comment: &'a str,
    pub partner_comment: &'a str,
    pub kind_dimension: &'a str,
    pub kind_statement: &'a str,
    pub kind_reflection: &'a str,
    pub not_applicable: &'a str,
    /// The language's decimal separator: with a comma, cells are separated by semicolons.
    pub decimal: char,
    /// A dimension's title, or, for statements about one side, the title of the group of them
    /// (the dimension and the side, in the reader's words).
    pub group_title: &'a dyn Fn(&Dimension, Option<&str>) -> String,
}

fn rating_cell<'a>(rating: Option<Rating>, words: &Words<'a>) -> Cell<'a> {
    match rating {
        Some(Rating::Score(n)) => Cell::Number(n.to_string()),
        Some(Rating::NotApplicable) => Cell::Text(words.not_applicable),
        None => Cell::Empty,
    }
}

fn tenths_cell<'a>(value: Option<Tenths>, words: &Words) -> Cell<'a> {
    value.map_or(Cell::Empty, |v| Cell::Number(v.to_string().replace('.', words.decimal.encode_utf8(&mut [0; 4]))))
}

/// The separator between cells for a language's decimal separator.
pub fn separator(decimal: char) -> char {
    if decimal == ',' {
        ';'
    } else {
        ','
    }
}

/// Both partners' answers and the gaps (own minus partner, signed) as CSV. Without a partner the
/// partner's columns stay empty, so the table has the same shape before and after the exchange.
pub fn answers_and_gaps(
    instrument: &Instrument,
    own: &Responses,
    partner: Option<&Responses>,
    words: &Words,
) -> String {
    let mut csv = Csv::with_separator(separator(words.decimal));
    csv.row(&[
        Cell::Text(words.kind),
        Cell::Text(words.dimension_number),
        Cell::Text(words.dimension),
        Cell::Text(words.statement_number),
        Cell::Text(words.text),
        Cell::Text(words.own_rating),
        Cell::Text(words.partner_rating),
        Cell::Text(words.gap),
        Cell::Text(words.own_comment),
        Cell::Text(words.partner_comment),
    ]);
    let own_scores = dimension_scores(instrument, own);
    let partner_scores = partner.map(|p| dimension_scores(instrument, p));
    let question_row = |csv: &mut Csv, number: Cell, question: &Question| {
        csv.row(&[
            Cell::Text(words.kind_reflection),
            number,
            Cell::Empty,
            Cell::Empty,
            Cell::Text(&question.text),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Text(own.reflection(&question.id)),
            Cell::Text(partner.map_or("", |p| p.reflection(&question.id))),
        ]);
    };
    let groups = groups(instrument);
    for (g, (dimension, about)) in groups.iter().enumerate() {
        let d = instrument.dimensions.iter().position(|x| x.id == dimension.id).unwrap_or(g);
        let title = (words.group_title)(dimension, *about);
        let own_mean = own_scores.get(g).and_then(|s| s.mean);
        let partner_mean = partner_scores.as_ref().and_then(|s| s.get(g)).and_then(|s| s.mean);
        csv.row(&[
            Cell::Text(words.kind_dimension),
            Cell::Number((d + 1).to_string()),
            Cell::Text(&title),
            Cell::Empty,
            Cell::Text(&dimension.summary),
            tenths_cell(own_mean, words),
            tenths_cell(partner_mean, words),
            tenths_cell(own_mean.zip(partner_mean).map(|(a, b)| a - b), words),
            Cell::Empty,
            Cell::Empty,
        ]);
        for (i, item) in dimension.items.iter().enumerate().filter(|(_, i)| i.about.as_deref() == *about) {
            let (a, b) = (own.rating(&item.id), partner.and_then(|p| p.rating(&item.id)));
            let gap = a.and_then(Rating::score).zip(b.and_then(Rating::score));
            csv.row(&[
                Cell::Text(words.kind_statement),
                Cell::Number((d + 1).to_string()),
                Cell::Text(&title),
                Cell::Number((i + 1).to_string()),
                Cell::Text(&item.text),
                rating_cell(a, words),
                rating_cell(b, words),
                gap.map_or(Cell::Empty, |(a, b)| Cell::Number((i32::from(a) - i32::from(b)).to_string())),
                Cell::Text(own.comment(&item.id)),
                Cell::Text(partner.map_or("", |p| p.comment(&item.id))),
            ]);
        }
        // A dimension's learning questions follow its last group.
        if groups.get(g + 1).is_none_or(|(next, _)| next.id != dimension.id) {
            for question in &dimension.questions {
                question_row(&mut csv, Cell::Number((d + 1).to_string()), question);
            }
        }
    }
    for question in &instrument.reflections {
        question_row(&mut csv, Cell::Empty, question);
    }
    csv.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// An RFC 4180 reader written for the test alone (no code shared with the writer).
    fn parse(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix('\u{feff}').expect("starts with a byte-order mark");
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut cell = String::new();
        let mut chars = text.chars().peekable();
        let mut in_quotes = false;
        while let Some(c) = chars.next() {
            match (in_quotes, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                (true, '"') => in_quotes = false,
                (true, c) => cell.push(c),
                (false, '"') => in_quotes = true,
                (false, ',') => row.push(std::mem::take(&mut cell)),
                (false, '\r') => assert_eq!(chars.next(), Some('\n'), "a lone CR outside quotes"),
                (false, '\n') => panic!("a bare LF ends a row; RFC 4180 wants CRLF"),
                (false, c) => cell.push(c),
            }
            if !in_quotes && c == '\r' {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
        }
        assert!(row.is_empty() && cell.is_empty(), "the last row ends with CRLF");
        rows
    }

    /// What a text cell should read as in a spreadsheet.
    fn as_read(text: &str) -> String {
        match text.chars().next() {
            Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
            _ => text.to_string(),
        }
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let mut csv = Csv::new();
        csv.row(&[Cell::Text("plain"), Cell::Text("a, b"), Cell::Text("say \"no\""), Cell::Text("two\nlines")]);
        assert_eq!(csv.finish(), "\u{feff}plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\"\r\n");
    }

    #[test]
    fn with_a_decimal_comma_cells_are_separated_by_semicolons() {
        let mut csv = Csv::with_separator(';');
        csv.row(&[Cell::Text("a; b"), Cell::Text("a, b"), Cell::Number("3,5".into())]);
        assert_eq!(csv.finish(), "\u{feff}\"a; b\";a, b;3,5\r\n");
        assert_eq!(separator(','), ';');
        assert_eq!(separator('.'), ',');
        assert_eq!(separator('٫'), ',');
    }

    #[test]
    fn text_that_could_start_a_formula_is_kept_as_text_but_numbers_are_not_touched() {
        let mut csv = Csv::new();
        csv.row(&[
            Cell::Text("=1+1"),
            Cell::Text("@SUM(A1)"),
            Cell::Text("+1"),
            Cell::Text("- a list"),
            Cell::Text("\tTAB"),
            Cell::Text("\rCR"),
            Cell::Number("-2".into()),
            Cell::Text(" =1"),
            Cell::Text("a=1"),
        ]);
        assert_eq!(
            parse(&csv.finish()),
            vec![vec!["'=1+1", "'@SUM(A1)", "'+1", "'- a list", "'\tTAB", "'\rCR", "-2", " =1", "a=1"]]
        );
    }

    proptest! {
        #[test]
        fn any_text_comes_back_as_written_or_guarded(rows in prop::collection::vec(prop::collection::vec(any::<String>(), 1..6), 1..6)) {
            let mut csv = Csv::new();
            for row in &rows {
                let cells: Vec<Cell> = row.iter().map(|t| Cell::Text(t)).collect();
                csv.row(&cells);
            }
            let expected: Vec<Vec<String>> = rows.iter().map(|r| r.iter().map(|t| as_read(t)).collect()).collect();
            prop_assert_eq!(parse(&csv.finish()), expected);
        }
    }

    fn words() -> Words<'static> {
        Words {
            kind: "Kind",
            dimension: "Dimension",
            dimension_number: "Dimension no.",
            statement_number: "Statement no.",
            text: "Text",
            own_rating: "Own",
            partner_rating: "Partner",
            gap: "Gap",
            own_comment: "Own comment",
            partner_comment: "Partner comment",
            kind_dimension: "dimension",
            kind_statement: "statement",
            kind_reflection: "reflection",
            not_applicable: "n/a",
            decimal: '.',
            group_title: &|d: &Dimension, about: Option<&str>| match about {
                Some(side) => format!("{} ({side})", d.title),
                None => d.title.clone(),
            },
        }
    }

    #[test]
    fn the_table_holds_every_dimension_statement_and_reflection_with_signed_gaps() {
        let instrument = crate::content::builtin().remove(0);
        let items: Vec<_> = instrument.items().map(|(_, i)| i.id.clone()).collect();
        let mut own = Responses::new(&instrument, &instrument.roles[0].id, "A", "B", "t");
        let mut partner = Responses::new(&instrument, &instrument.roles[1].id, "B", "A", "t");
        own.set_rating(&items[0], Some(Rating::Score(5)), "t");
        partner.set_rating(&items[0], Some(Rating::Score(2)), "t");
        own.set_rating(&items[1], Some(Rating::NotApplicable), "t");
        partner.set_rating(&items[1], Some(Rating::Score(4)), "t");
        own.set_comment(&items[0], "=cmd|' /C calc'!A0, \"quoted\"", "t");
        let rows = parse(&answers_and_gaps(&instrument, &own, Some(&partner), &words()));
        let reflections = instrument.reflections.len();
        assert_eq!(rows.len(), 1 + instrument.dimensions.len() + items.len() + reflections);
        assert!(rows.iter().all(|r| r.len() == 10));
        // Dimension 1: own mean 5.0 (one rating), partner's mean of 2 and 4 is 3.0.
        assert_eq!(
            rows[1][..8],
            [
                "dimension",
                "1",
                &instrument.dimensions[0].title,
                "",
                &instrument.dimensions[0].summary,
                "5.0",
                "3.0",
                "2.0"
            ]
        );
        assert_eq!(
            rows[2][1..],
            [
                "1",
                &instrument.dimensions[0].title,
                "1",
                &instrument.dimensions[0].items[0].text,
                "5",
                "2",
                "3",
                "'=cmd|' /C calc'!A0, \"quoted\"",
                ""
            ]
        );
        assert_eq!(rows[3][3..8], ["2", &instrument.dimensions[0].items[1].text, "n/a", "4", ""]);
        assert_eq!(rows.last().map(|r| r[0].as_str()), Some("reflection"));

        let alone = parse(&answers_and_gaps(&instrument, &own, None, &words()));
        assert_eq!(alone.len(), rows.len());
        assert_eq!(alone[1][5..8], ["5.0", "", ""]);
    }
}
