//! Charts drawn with plotters' SVG backend into SVG text, for the width they are shown at: the
//! SVG is as wide as its place on screen, so its text is drawn at its real size (at least 14 CSS
//! pixels) on a phone as on a projector. On a wide screen each row has its name on the left and
//! its gap on the right; on a narrow one (below [`NARROW`] pixels) the name and gap go on a line
//! above the row, and long names wrap rather than being cut. Both scores are written beside
//! their markers.
//!
//! They are laid out by hand on the backend, without plotters' chart and element layers: the
//! page downloads only the drawing code it uses. Colours are from the Okabe–Ito colour-blind-safe
//! palette, and each partner also has its own marker shape, so the charts read in greyscale and
//! on a weak projector. Every chart has a table twin in the UI; the SVG is not the only carrier of
//! a number.

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

/// Below this width (CSS pixels) a chart puts each row's name above it.
pub const NARROW: u32 = 560;
/// The narrowest a chart is drawn, whatever its place (a 320-pixel phone leaves about 290).
const MIN_WIDTH: u32 = 240;
/// Text sizes in CSS pixels: row names, and numbers and notes.
const NAME_PX: f64 = 15.0;
const SMALL_PX: f64 = 14.0;
/// Room at each end of the plot for a score written beside its marker.
const SCORE_ROOM: i32 = 34;

/// The drawing failed; the table twin still carries every number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartError;

fn fail<E>(_: E) -> ChartError {
    ChartError
}

/// A text label: sans-serif, dark, in a given size (CSS pixels), weight and anchor.
struct Label {
    px: f64,
    bold: bool,
    h: HPos,
}

impl BackendTextStyle for Label {
    type FontError = std::fmt::Error;

    fn color(&self) -> BackendColor {
        INK.to_backend_color()
    }

    /// plotters' SVG backend writes a size as `size / 1.24` pixels.
    fn size(&self) -> f64 {
        self.px * 1.24
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

const fn label(px: f64, bold: bool, h: HPos) -> Label {
    Label { px, bold, h }
}

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

    /// Lines of text from `top`, one below the other; returns where the last one ends.
    fn lines(&mut self, lines: &[String], x: i32, top: i32, style: &Label) -> Result<i32, ChartError> {
        let step = line_height(style.px);
        for (n, line) in lines.iter().enumerate() {
            self.text(line, (x, top + step * n as i32 + step / 2), style)?;
        }
        Ok(top + step * lines.len() as i32)
    }
}

fn line_height(px: f64) -> i32 {
    (px * 1.35).round() as i32
}

/// Draws on a white canvas `width` by `height` and returns the SVG text.
fn draw(
    width: u32,
    height: i32,
    paint: impl FnOnce(&mut Canvas) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let height = height.max(1) as u32;
    let mut out = String::new();
    {
        let mut canvas = Canvas { svg: SVGBackend::with_string(&mut out, (width, height)) };
        canvas.rect((0, 0), (width as i32, height as i32), &WHITE)?;
        paint(&mut canvas)?;
        canvas.svg.present().map_err(fail)?;
    }
    Ok(out)
}

/// Splits `text` into lines of at most about `width` pixels at `px` (words are not measured: a
/// character is taken as half a size wide and a little more, which errs on the long side).
fn wrap(text: &str, width: i32, px: f64) -> Vec<String> {
    let per_line = ((f64::from(width) / (px * 0.56)) as usize).max(8);
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= per_line => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// A chart's scale: its lowest point and what each point is called on the axis, lowest first.
#[derive(Debug, Clone, Copy)]
pub struct Ticks<'a> {
    pub first: u8,
    pub names: &'a [String],
}

/// Where a row's plot runs, and how values map onto it.
struct Plot<'a> {
    first: u8,
    last: u8,
    left: i32,
    right: i32,
    names: &'a [String],
}

impl<'a> Plot<'a> {
    fn new(ticks: Ticks<'a>, left: i32, right: i32) -> Plot<'a> {
        let points = u8::try_from(ticks.names.len().max(2) - 1).unwrap_or(u8::MAX);
        Plot { first: ticks.first, last: ticks.first.saturating_add(points), left, right, names: ticks.names }
    }

    fn x(&self, value: f64) -> i32 {
        let (min, max) = (f64::from(self.first), f64::from(self.last));
        let share = ((value - min) / (max - min)).clamp(0.0, 1.0);
        self.left + (share * f64::from(self.right - self.left)).round() as i32
    }

    /// The scale along the top (its names at `y`), with a grid line for each point from `top`
    /// to `bottom`.
    fn axis(&self, canvas: &mut Canvas, y: i32, top: i32, bottom: i32) -> Result<(), ChartError> {
        for point in self.first..=self.last {
            let x = self.x(f64::from(point));
            canvas.line((x, top), (x, bottom), &GRID, 1)?;
            let name = self.names.get(usize::from(point - self.first)).map_or_else(|| point.to_string(), Clone::clone);
            canvas.text(&name, (x, y), &label(SMALL_PX, false, HPos::Center))?;
        }
        Ok(())
    }

    /// The scale's lines alone, from `top` to `bottom`: on a narrow chart, drawn row by row
    /// beside the markers only, so they never cross the names written above them.
    fn grid(&self, canvas: &mut Canvas, top: i32, bottom: i32) -> Result<(), ChartError> {
        for point in self.first..=self.last {
            let x = self.x(f64::from(point));
            canvas.line((x, top), (x, bottom), &GRID, 1)?;
        }
        Ok(())
    }
}

/// One dimension's row in the comparison chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub label: String,
    pub own: Option<f64>,
    pub partner: Option<f64>,
    /// How each score is written beside its marker ("2.0").
    pub own_text: String,
    pub partner_text: String,
    /// Text after the row, e.g. "gap 2.5" or "LARGE gap 2.5".
    pub note: String,
    /// How strongly the gap is marked: 0, or 1 to 3 for large gaps, the largest the strongest.
    pub emphasis: u8,
}

/// The words a chart shows; they come from the translation catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Legend<'a> {
    pub own: &'a str,
    pub partner: &'a str,
}

/// Where a wide chart's columns are: names up to `name_right`, the plot, the notes.
struct Columns {
    name_right: i32,
    plot_left: i32,
    plot_right: i32,
    note_left: i32,
}

impl Columns {
    fn of(width: i32) -> Columns {
        let name_right = width * 30 / 100;
        let note_left = width - width * 19 / 100;
        Columns {
            name_right,
            plot_left: name_right + 12 + SCORE_ROOM,
            plot_right: note_left - 10 - SCORE_ROOM,
            note_left,
        }
    }
}

/// Both partners' scores per dimension as a dumbbell chart: one row per dimension, a circle for
/// you, a triangle for your partner, each with its score beside it, joined by a line whose length
/// is the gap; the larger a large gap, the thicker and darker its line. Rows come in the order
/// given (largest gap first).
pub fn gap_chart(rows: &[GapRow], ticks: Ticks<'_>, legend: Legend<'_>, width: u32) -> Result<String, ChartError> {
    let width = width.max(MIN_WIDTH);
    let w = width as i32;
    let narrow = width < NARROW;
    let name_style = label(NAME_PX, false, if narrow { HPos::Left } else { HPos::Right });
    let columns = Columns::of(w);
    let plot = if narrow {
        Plot::new(ticks, 8 + SCORE_ROOM, w - 8 - SCORE_ROOM)
    } else {
        Plot::new(ticks, columns.plot_left, columns.plot_right)
    };
    // Each row's lines of text, and its height.
    let names: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            if narrow {
                wrap(&format!("{} · {}", r.label, r.note), w - 16, NAME_PX)
            } else {
                wrap(&r.label, columns.name_right - 8, NAME_PX)
            }
        })
        .collect();
    let text_height = |lines: &Vec<String>| line_height(NAME_PX) * lines.len() as i32;
    let row_height =
        |lines: &Vec<String>| if narrow { text_height(lines) + 34 } else { text_height(lines).max(44) + 8 };
    let legend_height = if narrow { 52 } else { 30 };
    let axis_y = legend_height + 14;
    let top = axis_y + 16;
    let height = top + names.iter().map(row_height).sum::<i32>() + 8;
    draw(width, height, |canvas| {
        // The legend: one line each on a narrow chart.
        let legend_style = label(NAME_PX, false, HPos::Left);
        canvas.circle((16, 14), 8)?;
        canvas.text(legend.own, (32, 14), &legend_style)?;
        let (x, y) = if narrow { (16, 38) } else { (w / 2, 14) };
        canvas.triangle((x, y), 10)?;
        canvas.text(legend.partner, (x + 16, y), &legend_style)?;
        plot.axis(canvas, axis_y, top - 6, if narrow { top - 6 } else { height - 8 })?;
        let mut y = top;
        for (row, lines) in rows.iter().zip(&names) {
            let line_y = if narrow {
                let end = canvas.lines(lines, 8, y, &name_style)?;
                plot.grid(canvas, end + 3, end + 31)?;
                end + 17
            } else {
                let middle = y + row_height(lines) / 2;
                let start = middle - text_height(lines) / 2;
                canvas.lines(lines, columns.name_right, start, &name_style)?;
                let note = label(SMALL_PX, row.emphasis > 0, HPos::Left);
                canvas.text(&row.note, (columns.note_left, middle), &note)?;
                middle
            };
            if let (Some(a), Some(b)) = (row.own, row.partner) {
                let (colour, stroke) = match row.emphasis {
                    0 => (&LINK, 3),
                    n => (&INK, 3 + 2 * u32::from(n)),
                };
                canvas.line((plot.x(a), line_y), (plot.x(b), line_y), colour, stroke)?;
            }
            scores(canvas, &plot, line_y, row)?;
            if let Some(b) = row.partner {
                canvas.triangle((plot.x(b), line_y), 11)?;
            }
            if let Some(a) = row.own {
                canvas.circle((plot.x(a), line_y), 8)?;
            }
            y += row_height(lines);
        }
        Ok(())
    })
}

/// Both scores of a row written beside their markers, each on its outer side, so they never
/// overlap: the lower to the left of its marker, the higher to the right; one text for both
/// where they are equal.
fn scores(canvas: &mut Canvas, plot: &Plot, y: i32, row: &GapRow) -> Result<(), ChartError> {
    let left = label(SMALL_PX, false, HPos::Right);
    let right = label(SMALL_PX, false, HPos::Left);
    let mut marks: Vec<(f64, &str)> = Vec::new();
    marks.extend(row.own.map(|v| (v, row.own_text.as_str())));
    marks.extend(row.partner.map(|v| (v, row.partner_text.as_str())));
    match marks.as_slice() {
        [(a, text)] => canvas.text(text, (plot.x(*a) + 14, y), &right),
        [(a, a_text), (b, b_text)] if (a - b).abs() < 0.05 => canvas.text(a_text, (plot.x(*a) + 14, y), &right).and(
            // The same score from both: written once.
            if a_text == b_text { Ok(()) } else { canvas.text(b_text, (plot.x(*b) - 14, y), &left) },
        ),
        [(a, a_text), (b, b_text)] => {
            let ((low, low_text), (high, high_text)) =
                if a < b { ((a, a_text), (b, b_text)) } else { ((b, b_text), (a, a_text)) };
            canvas.text(low_text, (plot.x(*low) - 14, y), &left)?;
            canvas.text(high_text, (plot.x(*high) + 14, y), &right)
        }
        _ => Ok(()),
    }
}

/// One partner's score per dimension as horizontal bars from the bottom of the scale, each with
/// its score written at its end. `rows` are (label, score, text after the bar).
pub fn score_chart(rows: &[(String, Option<f64>, String)], ticks: Ticks<'_>, width: u32) -> Result<String, ChartError> {
    let width = width.max(MIN_WIDTH);
    let w = width as i32;
    let narrow = width < NARROW;
    let columns = Columns::of(w);
    let plot = if narrow {
        Plot::new(ticks, 8, w - 8 - SCORE_ROOM * 2)
    } else {
        Plot::new(ticks, columns.plot_left - SCORE_ROOM, columns.plot_right)
    };
    let name_style = label(NAME_PX, false, if narrow { HPos::Left } else { HPos::Right });
    let names: Vec<Vec<String>> =
        rows.iter().map(|(l, _, _)| wrap(l, if narrow { w - 16 } else { columns.name_right - 8 }, NAME_PX)).collect();
    let text_height = |lines: &Vec<String>| line_height(NAME_PX) * lines.len() as i32;
    let row_height =
        |lines: &Vec<String>| if narrow { text_height(lines) + 34 } else { text_height(lines).max(40) + 8 };
    let axis_y = 14;
    let top = 30;
    let height = top + names.iter().map(row_height).sum::<i32>() + 8;
    draw(width, height, |canvas| {
        plot.axis(canvas, axis_y, top - 6, if narrow { top - 6 } else { height - 8 })?;
        let mut y = top;
        for ((_, score, note), lines) in rows.iter().zip(&names) {
            let bar_y = if narrow {
                let end = canvas.lines(lines, 8, y, &name_style)?;
                plot.grid(canvas, end + 3, end + 31)?;
                end + 17
            } else {
                let middle = y + row_height(lines) / 2;
                canvas.lines(lines, columns.name_right, middle - text_height(lines) / 2, &name_style)?;
                middle
            };
            let end = match score {
                Some(score) => {
                    let x = plot.x(*score).max(plot.left + 3);
                    canvas.rect((plot.left, bar_y - 11), (x, bar_y + 11), &OWN_COLOUR)?;
                    x
                }
                None => plot.left,
            };
            canvas.text(note, (end + 8, bar_y), &label(SMALL_PX, false, HPos::Left))?;
            y += row_height(lines);
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

    /// Every text's size in pixels.
    fn sizes(svg: &str) -> Vec<f64> {
        svg.split("font-size=\"").skip(1).filter_map(|t| t.split('"').next()?.parse().ok()).collect()
    }

    fn ticks() -> Ticks<'static> {
        static NAMES: std::sync::LazyLock<Vec<String>> =
            std::sync::LazyLock::new(|| (1..=5).map(|n| n.to_string()).collect());
        Ticks { first: 1, names: &NAMES }
    }

    fn legend() -> Legend<'static> {
        Legend { own: "You", partner: "Your partner" }
    }

    fn row(label: &str, own: Option<f64>, partner: Option<f64>, emphasis: u8) -> GapRow {
        let text = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.1}"));
        GapRow {
            label: label.into(),
            own,
            partner,
            own_text: text(own),
            partner_text: text(partner),
            note: "gap".into(),
            emphasis,
        }
    }

    #[test]
    fn a_checklists_axis_names_its_points_in_words() {
        let names: Vec<String> = ["No", "Partly", "Yes"].map(String::from).to_vec();
        let svg =
            score_chart(&[("A".into(), Some(1.5), "1.5".into())], Ticks { first: 0, names: &names }, 700).unwrap();
        let words = texts(&svg);
        assert!(["No", "Partly", "Yes"].iter().all(|w| words.contains(&w.to_string())), "{words:?}");
        assert!(!words.contains(&"0".to_string()));
    }

    #[test]
    fn a_gap_chart_has_a_circle_and_a_triangle_per_complete_row_and_writes_both_scores() {
        for width in [320, 760] {
            let svg = gap_chart(
                &[row("Capacities", Some(2.0), Some(4.5), 2), row("Foundation", Some(3.0), None, 0)],
                ticks(),
                legend(),
                width,
            )
            .unwrap();
            assert!(svg.starts_with("<svg"));
            assert!(svg.contains(&format!("viewBox=\"0 0 {width} ")), "drawn for its width");
            // Legend (1 each) + rows: two circles for "you", one triangle for the partner.
            assert_eq!(svg.matches("<circle").count(), 1 + 2);
            assert_eq!(svg.matches("<polygon").count(), 1 + 1);
            let words = texts(&svg);
            for word in ["2.0", "4.5", "3.0"] {
                assert!(words.contains(&word.to_string()), "{width}: the score {word} is written: {words:?}");
            }
        }
    }

    #[test]
    fn text_is_at_least_14_pixels_at_every_width() {
        for width in [280, 320, 375, 768, 1280] {
            let svg = gap_chart(
                &[row("Prioritise institutional support and flexibility in partnerships", Some(1.0), Some(5.0), 3)],
                ticks(),
                legend(),
                width,
            )
            .unwrap();
            let sizes = sizes(&svg);
            assert!(!sizes.is_empty() && sizes.iter().all(|&s| s >= 14.0 - 1e-9), "{width}: {sizes:?}");
            let bars = score_chart(
                &[("Role and visibility of local partners".into(), Some(3.0), "3.0".into())],
                ticks(),
                width,
            )
            .unwrap();
            assert!(self::sizes(&bars).iter().all(|&s| s >= 14.0 - 1e-9));
        }
    }

    #[test]
    fn long_names_wrap_rather_than_being_cut() {
        let long = "Prioritise institutional support and flexibility in partnerships";
        for width in [320, 1000] {
            let svg = gap_chart(&[row(long, Some(1.0), Some(2.0), 0)], ticks(), legend(), width).unwrap();
            let joined = texts(&svg).join(" ");
            assert!(joined.contains(long), "{width}: every word of the name is drawn: {joined}");
            assert!(!joined.contains('…'));
        }
        assert!(wrap(long, 200, NAME_PX).len() > 1);
        assert_eq!(wrap("Short", 200, NAME_PX), ["Short"]);
    }

    #[test]
    fn markers_sit_at_their_scores_on_the_scale() {
        let width = 760;
        let svg = gap_chart(&[row("D", Some(1.0), Some(5.0), 1)], ticks(), legend(), width).unwrap();
        let columns = Columns::of(width as i32);
        assert!(svg.contains(&format!("cx=\"{}\"", columns.plot_left)), "{svg}");
        assert!(
            svg.contains(&format!("x1=\"{}\"", columns.plot_left))
                && svg.contains(&format!("x2=\"{}\"", columns.plot_right)),
            "{svg}"
        );
    }

    #[test]
    fn the_larger_a_gap_the_stronger_its_line() {
        let stroke = |emphasis| {
            let svg = gap_chart(&[row("D", Some(1.0), Some(3.0), emphasis)], ticks(), legend(), 760).unwrap();
            svg.split("stroke-width=\"").filter_map(|t| t.split('"').next()?.parse::<u32>().ok()).max().unwrap()
        };
        assert!(stroke(0) < stroke(1) && stroke(1) < stroke(2) && stroke(2) < stroke(3));
    }

    #[test]
    fn hostile_labels_are_escaped() {
        let svg =
            gap_chart(&[row("<script>alert(1)</script>&", Some(1.0), Some(2.0), 0)], ticks(), legend(), 760).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_score_chart_draws_one_bar_per_scored_dimension() {
        let rows =
            vec![("A".to_string(), Some(3.5), "3.5".to_string()), ("B".to_string(), None, "not rated".to_string())];
        let svg = score_chart(&rows, ticks(), 760).unwrap();
        // The background plus one bar.
        assert_eq!(svg.matches("<rect").count(), 2);
        assert!(texts(&svg).contains(&"not rated".to_string()));
    }
}
