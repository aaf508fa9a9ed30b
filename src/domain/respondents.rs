//! Several respondents per side: when several people of one side (say five staff of the local
//! partner) answered separately, a facilitator combines their result files, with the other
//! side's, into each side's view: per statement and per dimension the mean, the lowest and the
//! highest answer, and how many answered. What one person said or rated is shown only where it
//! cannot be picked out as theirs ([`Side::shows_individuals`], [`Side::visible`]). Nothing
//! combined is kept: the files stay the record.

use std::sync::Arc;

use super::instrument::Instrument;
use super::responses::Responses;
use super::result_file::{check_responses, read_file, ImportError, FORMAT_NAME, MAX_FILE_BYTES};
use super::scoring::{dimension_scores, groups, Tenths};

/// With fewer people than this on a side, or rating one statement, one person's words and
/// ratings could be told apart (by another of them, or by anyone who knows who answered): only
/// means and counts are shown, unless every one of them agreed to be named.
pub const FEWEST_UNNAMED: usize = 3;

/// The files chosen together may not be larger than this in all; checked before any is read.
pub const MAX_COMBINED_BYTES: usize = 4 * MAX_FILE_BYTES;

/// What the people of one side said of one statement or one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Rounded like every score ([`Tenths::mean`]); for a dimension, the mean of means each
    /// person read already rounded, so it adds up with them.
    pub mean: Option<Tenths>,
    pub lowest: Option<Tenths>,
    pub highest: Option<Tenths>,
    /// How many gave a point of the scale (for a dimension: rated any of its statements).
    pub count: usize,
}

impl Summary {
    fn of(values: Vec<Tenths>) -> Summary {
        let count = values.len();
        let sum: i32 = values.iter().map(|v| v.0).sum();
        Summary {
            // A sum in tenths over ten times the count: the mean in tenths, rounded as scores are.
            mean: u32::try_from(sum).ok().and_then(|sum| Tenths::mean(sum, 10 * count as u32)),
            lowest: values.iter().min().copied(),
            highest: values.iter().max().copied(),
            count,
        }
    }
}

/// The people who answered for one role, in the order their files were chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub role: String,
    pub respondents: Vec<Responses>,
}

impl Side {
    /// Everyone on this side gave their name, which they do only to be named beside their
    /// answers.
    pub fn all_named(&self) -> bool {
        self.respondents.iter().all(|r| !r.respondent.trim().is_empty())
    }

    /// Whether one person's words may be shown: comments and reflection answers. A side of one
    /// person is that side's answer, as in a comparison of two files.
    pub fn shows_individuals(&self) -> bool {
        let people = self.respondents.len();
        people >= FEWEST_UNNAMED || people == 1 || self.all_named()
    }

    /// One statement: each respondent's rating, "don't know" left out; as much as may be shown.
    pub fn statement(&self, item_id: &str) -> Summary {
        let ratings =
            self.respondents.iter().filter_map(|r| r.rating(item_id)?.score()).map(|s| Tenths::whole(s.into()));
        self.visible(Summary::of(ratings.collect()))
    }

    /// Each dimension (each group, where statements are about one side: see
    /// [`super::scoring::groups`]), in the instrument's order: the respondents' own dimension
    /// scores, as each of them read theirs, so the side's numbers add up with what its people saw;
    /// as much as may be shown.
    pub fn dimensions(&self, instrument: &Instrument) -> Vec<Summary> {
        let scores: Vec<_> = self.respondents.iter().map(|r| dimension_scores(instrument, r)).collect();
        (0..groups(instrument).len())
            .map(|d| self.visible(Summary::of(scores.iter().filter_map(|s| s[d].mean).collect())))
            .collect()
    }

    /// A summary with what may not be shown taken out (the count always stays). The mean, the
    /// lowest and the highest are kept when at least [`FEWEST_UNNAMED`] people gave a rating, or
    /// all are named: the lowest and highest are one person's ratings, and from the mean of two,
    /// each of the two can work out the other's. With the mean goes any gap. A side of one
    /// person keeps its mean, that side's answer as in a comparison of two files.
    pub fn visible(&self, summary: Summary) -> Summary {
        let shown = self.all_named() || summary.count >= FEWEST_UNNAMED;
        Summary {
            mean: summary.mean.filter(|_| shown || self.respondents.len() == 1),
            lowest: summary.lowest.filter(|_| shown),
            highest: summary.highest.filter(|_| shown),
            count: summary.count,
        }
    }

    /// What this side's people wrote (`words` picks it from each), with who wrote it when all
    /// agreed to be named; nothing when individuals are not shown. Unnamed, the words are ordered
    /// by their text (ignoring ASCII case), not by the files' order, so nobody's words can be
    /// linked from one statement to the next.
    pub fn said<'a>(&'a self, words: &dyn Fn(&'a Responses) -> &'a str) -> Vec<(&'a str, &'a str)> {
        if !self.shows_individuals() {
            return Vec::new();
        }
        let named = self.all_named();
        let mut said: Vec<_> = self
            .respondents
            .iter()
            .map(|r| (if named { r.respondent.as_str() } else { "" }, words(r)))
            .filter(|(_, w)| !w.trim().is_empty())
            .collect();
        if !named {
            super::sort_by(&mut said, |a, b| {
                a.1.bytes().map(|c| c.to_ascii_lowercase()).lt(b.1.bytes().map(|c| c.to_ascii_lowercase()))
            });
        }
        said
    }
}

/// The gap between two sides' summaries as shown (their means, where both may be shown), and
/// whether it is large.
pub fn gap_between(a: Summary, b: Summary, scale: &super::instrument::Scale) -> (Option<Tenths>, bool) {
    let gap = a.mean.zip(b.mean).map(|(a, b)| a - b);
    (gap, gap.is_some_and(|g| super::gap::is_large(g, scale)))
}

/// Both sides, in the order of the questionnaire's roles; a side nobody answered for has no
/// respondents.
#[derive(Debug, Clone)]
pub struct Combined {
    pub instrument: Arc<Instrument>,
    pub sides: Vec<Side>,
}

/// Why a set of files was refused: the file, the reason, and the questionnaire of the files
/// before it (which a file for another one is not for).
pub type Refusal = (String, ImportError, Option<Arc<Instrument>>);

/// Reads result files chosen together, as `(file name, text)`. The set is refused, naming the
/// file and the reason, unless each is a sound result file, all are for one questionnaire this
/// app has (`instrument_of` finds it by id), and no one's answers come twice.
pub fn combine(
    files: &[(String, String)],
    instrument_of: &dyn Fn(&str) -> Option<Arc<Instrument>>,
) -> Result<Combined, Refusal> {
    let mut instrument: Option<Arc<Instrument>> = None;
    let mut all: Vec<Responses> = Vec::new();
    for (name, text) in files {
        let refuse = |e: ImportError| (name.clone(), e, instrument.clone());
        let responses = read_file(text, FORMAT_NAME).map_err(refuse)?.responses;
        let found = responses.instrument.id.clone();
        let chosen = match &instrument {
            Some(first) if first.id != found => return Err(refuse(ImportError::WrongInstrument { found })),
            Some(first) => first.clone(),
            None => instrument_of(&found).ok_or_else(|| refuse(ImportError::UnknownInstrument { found }))?,
        };
        check_responses(&responses, &chosen).map_err(refuse)?;
        // Started at the same moment in the same role: the same person's answers (one
        // assessment), perhaps exported twice, which would count them twice.
        if all.iter().any(|r| (&r.created_at, &r.role) == (&responses.created_at, &responses.role)) {
            return Err(refuse(ImportError::Duplicate));
        }
        all.push(responses);
        instrument = Some(chosen);
    }
    let instrument = instrument.ok_or((String::new(), ImportError::Empty, None))?;
    let sides = instrument
        .roles
        .iter()
        .map(|role| Side {
            role: role.id.clone(),
            respondents: all.iter().filter(|r| r.role == role.id).cloned().collect(),
        })
        .collect();
    Ok(Combined { instrument, sides })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::result_file::ResultFile;
    use crate::domain::Rating;
    use proptest::prelude::*;

    fn instrument() -> Arc<Instrument> {
        Arc::new(crate::content::builtin().remove(0))
    }

    fn find(id: &str) -> Option<Arc<Instrument>> {
        Some(instrument()).filter(|i| i.id == id)
    }

    /// A respondent of `role` who rated the statements in order with `ratings` (`None`: don't
    /// know), commented `comment` on the first, and gave `name` (empty: anonymous).
    fn respondent(role: &str, name: &str, ratings: &[Option<u8>], comment: &str) -> Responses {
        let instrument = instrument();
        // Each respondent started at another moment, as people do.
        static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let started =
            format!("2026-11-01T09:00:00.{:03}Z", STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed) % 1000);
        let mut r = Responses::new(&instrument, role, "Lake Women's Network", "Nordic Aid", &started);
        r.respondent = name.into();
        for ((_, item), rating) in instrument.items().zip(ratings) {
            r.set_rating(&item.id, Some(rating.map_or(Rating::NotApplicable, Rating::Score)), "t");
        }
        let first = &instrument.dimensions[0].items[0].id;
        r.set_comment(first, comment, "t");
        r
    }

    fn files(all: &[Responses]) -> Vec<(String, String)> {
        all.iter()
            .enumerate()
            .map(|(n, r)| (format!("file-{n}.json"), ResultFile::new(r, "2026-11-02T09:00:00Z").to_json()))
            .collect()
    }

    /// The file and the reason a set is refused for.
    fn refusal(set: &[(String, String)]) -> (String, ImportError) {
        let (file, error, _) = combine(set, &find).expect_err("refused");
        (file, error)
    }

    fn combined(all: &[Responses]) -> Combined {
        combine(&files(all), &find).expect("combined")
    }

    #[test]
    fn three_respondents_give_the_mean_lowest_highest_and_count() {
        let three = [
            respondent("international", "", &[Some(1), Some(2), Some(5)], "a"),
            respondent("international", "", &[Some(2), None, Some(4)], "b"),
            respondent("international", "", &[Some(4), Some(3), Some(4)], "c"),
        ];
        let both = [three.to_vec(), vec![respondent("local", "", &[Some(5)], "")]].concat();
        let c = combined(&both);
        let instrument = &c.instrument;
        assert_eq!(c.sides.iter().map(|s| s.respondents.len()).collect::<Vec<_>>(), [3, 1], "in the roles' order");
        let side = &c.sides[0];
        let items: Vec<_> = instrument.items().map(|(_, i)| i.id.clone()).collect();
        // 1, 2, 4: mean 7/3 = 2.33 -> 2.3.
        assert_eq!(
            side.statement(&items[0]),
            Summary { mean: Some(Tenths(23)), lowest: Some(Tenths(10)), highest: Some(Tenths(40)), count: 3 }
        );
        // 2, don't know, 3: two ratings; from their mean, 2.5, each of the two could work out the
        // other's, and the lowest and highest would be one person's each. Only the count.
        assert_eq!(side.statement(&items[1]), Summary { mean: None, lowest: None, highest: None, count: 2 });
        // The one person of the other side: that side's answer, as in a comparison of two files.
        assert_eq!(c.sides[1].statement(&items[0]).mean, Some(Tenths(50)));
        assert_eq!(side.statement(&items[3]).count, 0);
        assert_eq!(side.statement(&items[3]).mean, None);
    }

    #[test]
    fn a_dimension_is_the_mean_of_what_each_respondent_read_for_it() {
        let instrument = instrument();
        let in_first = instrument.dimensions[0].items.len();
        assert!(in_first >= 3, "the first dimension has three statements to rate");
        // Respondent means in the first dimension: (1+2+2)/3 = 1.67 -> 1.7; (5+5+4)/3 = 4.67 -> 4.7.
        // Both named, so everything may be shown.
        let c = combined(&[
            respondent("international", "A", &[Some(1), Some(2), Some(2)], ""),
            respondent("international", "B", &[Some(5), Some(5), Some(4)], ""),
        ]);
        let first = c.sides[0].dimensions(&instrument)[0];
        // (1.7 + 4.7) / 2 = 3.2, from the means each read, not the pooled 19/6 = 3.17.
        assert_eq!(
            first,
            Summary { mean: Some(Tenths(32)), lowest: Some(Tenths(17)), highest: Some(Tenths(47)), count: 2 }
        );
        assert_eq!(c.sides[0].dimensions(&instrument)[1].count, 0, "nobody rated the second dimension");
    }

    #[test]
    fn fewer_than_three_unnamed_respondents_show_no_words_but_one_alone_does() {
        let first = |s: &Side| {
            s.said(&|r| r.comment(&instrument().dimensions[0].items[0].id))
                .into_iter()
                .map(|(n, w)| format!("{n}:{w}"))
                .collect::<Vec<_>>()
        };
        let two = combined(&[
            respondent("international", "", &[Some(1)], "zz"),
            respondent("international", "Amina", &[Some(2)], "aa"),
        ]);
        assert!(!two.sides[0].shows_individuals(), "one of two did not agree to be named");
        assert!(first(&two.sides[0]).is_empty());

        let named = combined(&[
            respondent("international", "Zola", &[Some(1)], "zz"),
            respondent("international", "Amina", &[Some(2)], "aa"),
        ]);
        assert!(named.sides[0].shows_individuals());
        assert_eq!(first(&named.sides[0]), ["Zola:zz", "Amina:aa"], "named, in the files' order");

        let four = combined(&[
            respondent("international", "Amina", &[Some(1)], "zz"),
            respondent("international", "", &[Some(2)], "aa"),
            respondent("international", "", &[Some(3)], "  "),
            respondent("international", "", &[Some(3)], "Better"),
        ]);
        assert!(four.sides[0].shows_individuals());
        assert_eq!(
            first(&four.sides[0]),
            [":aa", ":Better", ":zz"],
            "unnamed, since not all agreed; by text; blank left out"
        );

        let alone = combined(&[respondent("international", "", &[Some(1)], "zz")]);
        assert_eq!(first(&alone.sides[0]), [":zz"], "one person is that side's answer");
    }

    #[test]
    fn one_rating_among_several_unnamed_people_is_not_shown() {
        let instrument = instrument();
        let item = &instrument.dimensions[0].items[0].id;
        // Two people, one "don't know": the mean would be the other's rating, which the first
        // would know as theirs. So only the count; and no gap can give it away either.
        let two =
            combined(&[respondent("international", "", &[Some(4)], ""), respondent("international", " ", &[None], "")]);
        assert!(!two.sides[0].all_named(), "a blank name is no name");
        assert_eq!(two.sides[0].statement(item), Summary { mean: None, lowest: None, highest: None, count: 1 });
        // Named, it shows.
        let named = combined(&[
            respondent("international", "Zola", &[Some(4)], ""),
            respondent("international", "Björn", &[None], ""),
        ]);
        assert_eq!(named.sides[0].statement(item).mean, Some(Tenths(40)));
        // Two ratings: with the mean (3.0) and their own 4, the first would know the other gave 2.
        // Nor may a dimension's mean of two give away a statement hidden as one person's: here
        // each person rated a different statement of the first dimension.
        let pair = combined(&[
            respondent("international", "", &[Some(4), None], ""),
            respondent("international", "", &[Some(2), Some(2)], ""),
        ]);
        assert_eq!(pair.sides[0].statement(item), Summary { mean: None, lowest: None, highest: None, count: 2 });
        let second = &instrument.dimensions[0].items[1].id;
        assert_eq!(pair.sides[0].statement(second).mean, None, "one rating");
        assert_eq!(
            pair.sides[0].dimensions(&instrument)[0],
            Summary { mean: None, lowest: None, highest: None, count: 2 }
        );
        // A side of one person keeps its mean: that side's answer.
        let alone = combined(&[respondent("international", "", &[Some(4)], "")]);
        assert_eq!(
            alone.sides[0].statement(item),
            Summary { mean: Some(Tenths(40)), lowest: None, highest: None, count: 1 }
        );
        // Nobody answered for the other side: nothing to show, nothing hidden.
        assert_eq!(two.sides[1].statement(item), Summary { mean: None, lowest: None, highest: None, count: 0 });
        assert!(two.sides[1].dimensions(&instrument).iter().all(|d| d.count == 0));
    }

    #[test]
    fn a_set_with_a_bad_file_is_refused_naming_it() {
        let good = respondent("international", "", &[Some(1)], "");
        let mut set = files(&[good.clone(), respondent("local", "", &[Some(2)], "")]);
        set.push(("joint.json".into(), set[0].1.replace(FORMAT_NAME, crate::domain::joint_file::FORMAT_NAME)));
        assert_eq!(refusal(&set), ("joint.json".into(), ImportError::OtherKindOfFile));

        let mut other = good.clone();
        other.instrument.id = "civic-partnership".into();
        let set = files(&[good.clone(), other.clone()]);
        assert_eq!(
            refusal(&set),
            ("file-1.json".into(), ImportError::WrongInstrument { found: "civic-partnership".into() })
        );
        let Err((_, _, Some(expected))) = combine(&set, &find) else {
            panic!("refused, naming the questionnaire expected")
        };
        assert_eq!(expected.id, "local-leadership");
        assert_eq!(
            refusal(&files(&[other])),
            ("file-0.json".into(), ImportError::UnknownInstrument { found: "civic-partnership".into() })
        );

        // The same person's answers again, changed and exported a second time.
        let mut again = good.clone();
        again.set_rating(&instrument().dimensions[0].items[0].id, Some(Rating::Score(5)), "later");
        let twice = files(&[good.clone(), respondent("international", "", &[Some(4)], ""), again]);
        assert_eq!(refusal(&twice), ("file-2.json".into(), ImportError::Duplicate));

        let mut cut = files(&[good]);
        cut[0].1.truncate(40);
        assert_eq!(refusal(&cut), ("file-0.json".into(), ImportError::Truncated));
        assert_eq!(refusal(&[]), (String::new(), ImportError::Empty));
    }

    proptest! {
        /// Whatever the ratings, a statement's mean lies between its lowest and highest rating,
        /// within half a tenth of the exact mean, and counts only points of the scale.
        #[test]
        fn a_statement_summary_agrees_with_its_ratings(ratings in proptest::collection::vec(proptest::option::of(1u8..=5), 1..12)) {
            // Named, so that everything may be shown.
            let all: Vec<_> = ratings.iter().map(|r| respondent("international", "N", &[*r], "")).collect();
            let c = combined(&all);
            let summary = c.sides[0].statement(&c.instrument.dimensions[0].items[0].id);
            let scores: Vec<f64> = ratings.iter().flatten().map(|&s| f64::from(s)).collect();
            prop_assert_eq!(summary.count, scores.len());
            if scores.is_empty() {
                prop_assert_eq!(summary.mean, None);
            } else {
                let exact = scores.iter().sum::<f64>() / scores.len() as f64 * 10.0;
                let mean = summary.mean.unwrap();
                prop_assert!((f64::from(mean.0) - exact).abs() <= 0.5 + 1e-9);
                prop_assert!(summary.lowest.unwrap() <= mean && mean <= summary.highest.unwrap());
                let whole = |t: Tenths| f64::from(t.0) / 10.0;
                prop_assert_eq!(whole(summary.lowest.unwrap()), scores.iter().copied().fold(f64::MAX, f64::min));
                prop_assert_eq!(whole(summary.highest.unwrap()), scores.iter().copied().fold(f64::MIN, f64::max));
            }
        }
    }
}
