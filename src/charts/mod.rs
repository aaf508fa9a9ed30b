//! Charts drawn with plotters into SVG text. They are laid out by hand on the drawing area so the
//! long dimension names, the scale and both partners' markers sit where a reader expects them.
//! Colours are from the Okabe–Ito colour-blind-safe palette, and each partner also has its own
//! marker shape, so the charts read in greyscale and on a weak projector. Every chart has a table
//! twin in the UI; the SVG is decoration for sighted readers, not the only carrier of a number.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// "You": blue circles.
pub const OWN_COLOUR: RGBColor = RGBColor(0x00, 0x5a, 0x8e);
/// "Your partner": vermilion triangles.
pub const PARTNER_COLOUR: RGBColor = RGBColor(0xb0, 0x3a, 0x00);
const INK: RGBColor = RGBColor(0x1a, 0x1a, 0x1a);
const GRID: RGBColor = RGBColor(0xc8, 0xc8, 0xc8);
const LINK: RGBColor = RGBColor(0x76, 0x76, 0x76);

const WIDTH: u32 = 760;
const LABEL_RIGHT: i32 = 226;
const PLOT_LEFT: i32 = 250;
const PLOT_RIGHT: i32 = 620;
const NOTE_LEFT: i32 = 640;
const ROW: i32 = 44;
const TOP: i32 = 84;
const FONT: &str = "sans-serif";

/// One dimension's row in the comparison chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub label: String,
    pub own: Option<f64>,
    pub partner: Option<f64>,
    /// Text after the row, e.g. "gap 2.5" or "large gap 2.5".
    pub note: String,
    pub large: bool,
}

/// The words a chart shows; they come from the translation catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Legend<'a> {
    pub own: &'a str,
    pub partner: &'a str,
}

/// The scale's points, from `first` to `last`.
struct Axis {
    first: u8,
    last: u8,
}

impl Axis {
    fn x(&self, value: f64) -> i32 {
        let (min, max) = (f64::from(self.first), f64::from(self.last));
        let share = ((value - min) / (max - min)).clamp(0.0, 1.0);
        PLOT_LEFT + (share * f64::from(PLOT_RIGHT - PLOT_LEFT)).round() as i32
    }
}

fn text_style(size: u32, colour: &'static RGBColor, h: HPos) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(colour).pos(Pos::new(h, VPos::Center))
}

/// The drawing failed; the table twin still carries every number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartError;

fn fail<E>(_: E) -> ChartError {
    ChartError
}

/// A triangle pointing up, centred on `(x, y)`. Drawn as a polygon with fixed offsets rather
/// than plotters' marker, which computes it with trigonometry the page would have to download.
fn triangle(x: i32, y: i32, size: i32) -> Polygon<(i32, i32)> {
    let half = size * 7 / 8;
    Polygon::new(vec![(x, y - size), (x + half, y + size / 2), (x - half, y + size / 2)], PARTNER_COLOUR.filled())
}

/// Shortens a label to fit the label column; the full text is in the table twin.
fn fit(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max_chars - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// The scale along the top, with a vertical grid line for each point.
fn draw_scale(root: &Area, axis: &Axis, rows: usize) -> Result<(), ChartError> {
    let bottom = TOP + ROW * rows as i32;
    for point in axis.first..=axis.last {
        let x = axis.x(f64::from(point));
        root.draw(&PathElement::new(vec![(x, TOP - 8), (x, bottom)], GRID.stroke_width(1)))
            .map_err(fail)?;
        root.draw(&Text::new(point.to_string(), (x, TOP - 20), text_style(18, &INK, HPos::Center)))
            .map_err(fail)?;
    }
    Ok(())
}

fn draw_legend(root: &Area, legend: Legend<'_>) -> Result<(), ChartError> {
    root.draw(&Circle::new((PLOT_LEFT, 22), 8, OWN_COLOUR.filled())).map_err(fail)?;
    root.draw(&Text::new(legend.own.to_string(), (PLOT_LEFT + 16, 22), text_style(19, &INK, HPos::Left)))
        .map_err(fail)?;
    let second = PLOT_LEFT + 260;
    root.draw(&triangle(second, 22, 10)).map_err(fail)?;
    root.draw(&Text::new(legend.partner.to_string(), (second + 16, 22), text_style(19, &INK, HPos::Left)))
        .map_err(fail)?;
    Ok(())
}

fn row_y(index: usize) -> i32 {
    TOP + ROW * index as i32 + ROW / 2
}

/// Both partners' scores per dimension as a dumbbell chart: one row per dimension, a circle for
/// you, a triangle for your partner, joined by a line whose length is the gap. Large gaps get a
/// thick dark line and a bold note. Rows come in the order given (largest gap first).
pub fn gap_chart(rows: &[GapRow], scale: (u8, u8), legend: Legend<'_>) -> Result<String, ChartError> {
    let axis = Axis { first: scale.0, last: scale.1 };
    let height = (TOP + ROW * rows.len() as i32 + 16) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        draw_legend(&root, legend)?;
        draw_scale(&root, &axis, rows.len())?;
        for (i, row) in rows.iter().enumerate() {
            let y = row_y(i);
            root.draw(&Text::new(fit(&row.label, 26), (LABEL_RIGHT, y), text_style(19, &INK, HPos::Right)))
                .map_err(fail)?;
            if let (Some(a), Some(b)) = (row.own, row.partner) {
                let style = if row.large { INK.stroke_width(5) } else { LINK.stroke_width(3) };
                root.draw(&PathElement::new(vec![(axis.x(a), y), (axis.x(b), y)], style)).map_err(fail)?;
            }
            if let Some(b) = row.partner {
                root.draw(&triangle(axis.x(b), y, 11)).map_err(fail)?;
            }
            if let Some(a) = row.own {
                root.draw(&Circle::new((axis.x(a), y), 8, OWN_COLOUR.filled())).map_err(fail)?;
            }
            let note_style = TextStyle::from((FONT, 18).into_font().style(if row.large {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            }))
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center));
            root.draw(&Text::new(row.note.clone(), (NOTE_LEFT, y), note_style)).map_err(fail)?;
        }
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

/// One partner's score per dimension as horizontal bars from the bottom of the scale.
/// `rows` are (label, score, text after the bar).
pub fn score_chart(rows: &[(String, Option<f64>, String)], scale: (u8, u8)) -> Result<String, ChartError> {
    let axis = Axis { first: scale.0, last: scale.1 };
    let height = (TOP + ROW * rows.len() as i32 + 16) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(fail)?;
        draw_scale(&root, &axis, rows.len())?;
        for (i, (label, score, note)) in rows.iter().enumerate() {
            let y = row_y(i);
            root.draw(&Text::new(fit(label, 26), (LABEL_RIGHT, y), text_style(19, &INK, HPos::Right)))
                .map_err(fail)?;
            if let Some(score) = score {
                let x = axis.x(*score).max(PLOT_LEFT + 3);
                root.draw(&Rectangle::new([(PLOT_LEFT, y - 12), (x, y + 12)], OWN_COLOUR.filled()))
                    .map_err(fail)?;
            }
            root.draw(&Text::new(note.clone(), (NOTE_LEFT, y), text_style(18, &INK, HPos::Left)))
                .map_err(fail)?;
        }
        root.present().map_err(fail)?;
    }
    Ok(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words drawn in a chart, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text").skip(1).filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_string())).collect()
    }

    fn legend() -> Legend<'static> {
        Legend { own: "You", partner: "Your partner" }
    }

    fn row(label: &str, own: Option<f64>, partner: Option<f64>, large: bool) -> GapRow {
        GapRow { label: label.into(), own, partner, note: "gap".into(), large }
    }

    #[test]
    fn a_gap_chart_has_a_circle_and_a_triangle_per_complete_row() {
        let svg = gap_chart(
            &[row("Capacities", Some(2.0), Some(4.5), true), row("Foundation", Some(3.0), None, false)],
            (1, 5),
            legend(),
        )
        .unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("viewBox"), "scales with its container");
        // Legend (1 each) + rows: two circles for "you", one triangle for the partner.
        assert_eq!(svg.matches("<circle").count(), 1 + 2);
        assert_eq!(svg.matches("<polygon").count(), 1 + 1);
        let words = texts(&svg);
        assert!(words.contains(&"Capacities".to_string()) && words.contains(&"Foundation".to_string()), "{words:?}");
    }

    #[test]
    fn markers_sit_at_their_scores_on_the_scale() {
        let svg = gap_chart(&[row("D", Some(1.0), Some(5.0), true)], (1, 5), legend()).unwrap();
        // The row's circle at the left end of the plot, the line spanning the whole plot.
        assert!(svg.contains(&format!("cx=\"{PLOT_LEFT}\"")), "{svg}");
        assert!(svg.contains(&format!("{PLOT_LEFT},{}", row_y(0))) && svg.contains(&format!("{PLOT_RIGHT},{}", row_y(0))));
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let svg = gap_chart(&[row("<script>alert(1)</script>&", Some(1.0), Some(2.0), false)], (1, 5), legend())
            .unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn long_labels_are_shortened_with_an_ellipsis() {
        let long = "Prioritise institutional support and flexibility in partnerships";
        assert!(fit(long, 26).chars().count() <= 26);
        assert!(fit(long, 26).ends_with('…'));
        assert_eq!(fit("Short", 26), "Short");
    }

    #[test]
    fn a_score_chart_draws_one_bar_per_scored_dimension() {
        let rows = vec![
            ("A".to_string(), Some(3.5), "3.5".to_string()),
            ("B".to_string(), None, "not rated".to_string()),
        ];
        let svg = score_chart(&rows, (1, 5)).unwrap();
        // The background plus one bar.
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(texts(&svg).contains(&"not rated".to_string()));
    }
}
