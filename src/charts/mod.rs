//! Charts drawn with plotters' SVG backend into SVG text. They are laid out by hand on the
//! backend, without plotters' chart and element layers: the long dimension names, the scale and
//! both partners' markers sit exactly where a reader expects them, and the page downloads only
//! the drawing code it uses. Colours are from the Okabe–Ito colour-blind-safe palette, and each
//! partner also has its own marker shape, so the charts read in greyscale and on a weak
//! projector. Every chart has a table twin in the UI; the SVG is not the only carrier of a number.

use plotters::backend::{DrawingBackend, SVGBackend};
use plotters::style::{Color, RGBColor, ShapeStyle, WHITE};
use plotters_backend::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendTextStyle, FontFamily, FontStyle};

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
/// Where the first row starts: below the legend and the scale, or below the scale alone.
const TOP_WITH_LEGEND: i32 = 84;
const TOP_WITHOUT_LEGEND: i32 = 44;

/// The drawing failed; the table twin still carries every number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartError;

fn fail<E>(_: E) -> ChartError {
    ChartError
}

/// A text label: sans-serif, dark, in a given size, weight and anchor.
struct Label {
    size: f64,
    bold: bool,
    h: HPos,
}

impl BackendTextStyle for Label {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        INK.to_backend_color()
    }

    fn size(&self) -> f64 {
        self.size
    }

    fn style(&self) -> FontStyle {
        if self.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        }
    }

    fn anchor(&self) -> Pos {
        Pos::new(self.h, VPos::Center)
    }

    fn family(&self) -> FontFamily<'_> {
        FontFamily::SansSerif
    }

    fn layout_box(&self, _: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        // Only a raster backend measures text; the SVG backend leaves that to the browser.
        Err(std::fmt::Error)
    }

    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        _: &str,
        _: BackendCoord,
        _: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        Err(std::fmt::Error)
    }
}

/// Sizes are in the backend's units, which it scales by 1/1.24 into CSS pixels.
const LABEL: Label = Label { size: 19.0, bold: false, h: HPos::Right };
const SCALE_POINT: Label = Label { size: 18.0, bold: false, h: HPos::Center };
const NOTE: Label = Label { size: 18.0, bold: false, h: HPos::Left };
const NOTE_BOLD: Label = Label { size: 18.0, bold: true, h: HPos::Left };
const LEGEND: Label = Label { size: 19.0, bold: false, h: HPos::Left };

struct Canvas<'a> {
    svg: SVGBackend<'a>,
}

impl Canvas<'_> {
    fn text(&mut self, text: &str, at: BackendCoord, style: &Label) -> Result<(), ChartError> {
        self.svg.draw_text(text, style, at).map_err(fail)
    }

    fn line(&mut self, from: BackendCoord, to: BackendCoord, colour: &RGBColor, width: u32) -> Result<(), ChartError> {
        self.svg.draw_line(from, to, &ShapeStyle::from(colour).stroke_width(width)).map_err(fail)
    }

    fn rect(&mut self, from: BackendCoord, to: BackendCoord, colour: &RGBColor) -> Result<(), ChartError> {
        self.svg.draw_rect(from, to, &colour.filled(), true).map_err(fail)
    }

    fn circle(&mut self, at: BackendCoord, radius: u32) -> Result<(), ChartError> {
        self.svg.draw_circle(at, radius, &OWN_COLOUR.filled(), true).map_err(fail)
    }

    /// A triangle pointing up, centred on `at`, with fixed offsets (no trigonometry to download).
    fn triangle(&mut self, (x, y): BackendCoord, size: i32) -> Result<(), ChartError> {
        let half = size * 7 / 8;
        let corners = [(x, y - size), (x + half, y + size / 2), (x - half, y + size / 2)];
        self.svg.fill_polygon(corners, &PARTNER_COLOUR.filled()).map_err(fail)
    }
}

/// Draws on a white canvas of `rows` rows below `top` and returns the SVG text.
fn draw(
    rows: usize,
    top: i32,
    paint: impl FnOnce(&mut Canvas) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let height = (top + ROW * rows as i32 + 16) as u32;
    let mut out = String::new();
    {
        let mut canvas = Canvas { svg: SVGBackend::with_string(&mut out, (WIDTH, height)) };
        canvas.rect((0, 0), (WIDTH as i32, height as i32), &WHITE)?;
        paint(&mut canvas)?;
        canvas.svg.present().map_err(fail)?;
    }
    Ok(out)
}

/// One dimension's row in the comparison chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub label: String,
    pub own: Option<f64>,
    pub partner: Option<f64>,
    /// Text after the row, e.g. "gap 2.5" or "LARGE gap 2.5".
    pub note: String,
    pub large: bool,
}

/// The words a chart shows; they come from the translation catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Legend<'a> {
    pub own: &'a str,
    pub partner: &'a str,
}

/// The scale's points, from `first` to `last`, above rows starting at `top`, each named by its
/// number, or by its word where the scale shows words only (a checklist's "no", "partly", "yes").
struct Axis<'a> {
    first: u8,
    last: u8,
    top: i32,
    names: &'a [String],
}

/// A chart's scale: its lowest point and what each point is called on the axis, lowest first.
#[derive(Debug, Clone, Copy)]
pub struct Ticks<'a> {
    pub first: u8,
    pub names: &'a [String],
}

impl<'a> Ticks<'a> {
    fn axis(self, top: i32) -> Axis<'a> {
        let points = u8::try_from(self.names.len().max(2) - 1).unwrap_or(u8::MAX);
        Axis { first: self.first, last: self.first.saturating_add(points), top, names: self.names }
    }
}

impl Axis<'_> {
    fn row_y(&self, index: usize) -> i32 {
        self.top + ROW * index as i32 + ROW / 2
    }

    fn x(&self, value: f64) -> i32 {
        let (min, max) = (f64::from(self.first), f64::from(self.last));
        let share = ((value - min) / (max - min)).clamp(0.0, 1.0);
        PLOT_LEFT + (share * f64::from(PLOT_RIGHT - PLOT_LEFT)).round() as i32
    }

    /// The scale along the top, with a vertical grid line for each point.
    fn draw(&self, canvas: &mut Canvas, rows: usize) -> Result<(), ChartError> {
        let bottom = self.top + ROW * rows as i32;
        for point in self.first..=self.last {
            let x = self.x(f64::from(point));
            canvas.line((x, self.top - 8), (x, bottom), &GRID, 1)?;
            let name = self.names.get(usize::from(point - self.first)).map_or_else(|| point.to_string(), Clone::clone);
            canvas.text(&name, (x, self.top - 20), &SCALE_POINT)?;
        }
        Ok(())
    }
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

/// Both partners' scores per dimension as a dumbbell chart: one row per dimension, a circle for
/// you, a triangle for your partner, joined by a line whose length is the gap. Large gaps get a
/// thick dark line and a bold note. Rows come in the order given (largest gap first).
pub fn gap_chart(rows: &[GapRow], ticks: Ticks<'_>, legend: Legend<'_>) -> Result<String, ChartError> {
    let axis = ticks.axis(TOP_WITH_LEGEND);
    draw(rows.len(), axis.top, |canvas| {
        canvas.circle((PLOT_LEFT, 22), 8)?;
        canvas.text(legend.own, (PLOT_LEFT + 16, 22), &LEGEND)?;
        let second = PLOT_LEFT + 260;
        canvas.triangle((second, 22), 10)?;
        canvas.text(legend.partner, (second + 16, 22), &LEGEND)?;
        axis.draw(canvas, rows.len())?;
        for (i, row) in rows.iter().enumerate() {
            let y = axis.row_y(i);
            canvas.text(&fit(&row.label, 26), (LABEL_RIGHT, y), &LABEL)?;
            if let (Some(a), Some(b)) = (row.own, row.partner) {
                let (colour, width) = if row.large { (&INK, 5) } else { (&LINK, 3) };
                canvas.line((axis.x(a), y), (axis.x(b), y), colour, width)?;
            }
            if let Some(b) = row.partner {
                canvas.triangle((axis.x(b), y), 11)?;
            }
            if let Some(a) = row.own {
                canvas.circle((axis.x(a), y), 8)?;
            }
            canvas.text(&row.note, (NOTE_LEFT, y), if row.large { &NOTE_BOLD } else { &NOTE })?;
        }
        Ok(())
    })
}

/// One partner's score per dimension as horizontal bars from the bottom of the scale.
/// `rows` are (label, score, text after the bar).
pub fn score_chart(rows: &[(String, Option<f64>, String)], ticks: Ticks<'_>) -> Result<String, ChartError> {
    let axis = ticks.axis(TOP_WITHOUT_LEGEND);
    draw(rows.len(), axis.top, |canvas| {
        axis.draw(canvas, rows.len())?;
        for (i, (label, score, note)) in rows.iter().enumerate() {
            let y = axis.row_y(i);
            canvas.text(&fit(label, 26), (LABEL_RIGHT, y), &LABEL)?;
            if let Some(score) = score {
                let x = axis.x(*score).max(PLOT_LEFT + 3);
                canvas.rect((PLOT_LEFT, y - 12), (x, y + 12), &OWN_COLOUR)?;
            }
            canvas.text(note, (NOTE_LEFT, y), &NOTE)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words drawn in a chart, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim().to_string()))
            .collect()
    }

    fn ticks() -> Ticks<'static> {
        static NAMES: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| (1..=5).map(|n| n.to_string()).collect());
        Ticks { first: 1, names: &NAMES }
    }

    #[test]
    fn a_checklists_axis_names_its_points_in_words() {
        let names: Vec<String> = ["No", "Partly", "Yes"].map(String::from).to_vec();
        let svg = score_chart(&[("A".into(), Some(1.5), "1.5".into())], Ticks { first: 0, names: &names }).unwrap();
        let words = texts(&svg);
        assert!(["No", "Partly", "Yes"].iter().all(|w| words.contains(&w.to_string())), "{words:?}");
        assert!(!words.contains(&"0".to_string()));
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
            ticks(),
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
        let svg = gap_chart(&[row("D", Some(1.0), Some(5.0), true)], ticks(), legend()).unwrap();
        // The row's circle at the left end of the plot, the line spanning the whole plot.
        assert!(svg.contains(&format!("cx=\"{PLOT_LEFT}\"")), "{svg}");
        let y = ticks().axis(TOP_WITH_LEGEND).row_y(0);
        assert!(svg.contains(&format!("x1=\"{PLOT_LEFT}\" y1=\"{y}\" x2=\"{PLOT_RIGHT}\" y2=\"{y}\"")), "{svg}");
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let svg =
            gap_chart(&[row("<script>alert(1)</script>&", Some(1.0), Some(2.0), false)], ticks(), legend()).unwrap();
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
        let rows =
            vec![("A".to_string(), Some(3.5), "3.5".to_string()), ("B".to_string(), None, "not rated".to_string())];
        let svg = score_chart(&rows, ticks()).unwrap();
        // The background plus one bar.
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(texts(&svg).contains(&"not rated".to_string()));
    }
}
