//! The one catalogue of user-facing words. Every string the UI shows comes from here (instrument
//! texts come from the instrument's own data file). A language is a value of [`Strings`], so a
//! missing key in a new language is a compile error, not a blank on screen.
//!
//! Templates name their values in braces, `{name}`, filled by [`fill`].

use std::fmt::Display;

/// A value that varies with a number, in the language's CLDR plural forms (`one`, `other`…);
/// [`select`] picks one. Written as one string so that every value stays a `&'static str`.
macro_rules! plural {
    ($($form:ident: $text:literal),+ $(,)?) => {
        concat!($("\u{1f}", stringify!($form), "\u{1e}", $text),+)
    };
}
mod en;

macro_rules! catalogue {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// Every user-facing string, by purpose, and how the language writes a decimal number.
        #[derive(Debug, Clone)]
        pub struct Strings {
            $($(#[$doc])* pub $key: &'static str,)*
            /// The decimal separator, from the browser's `Intl.NumberFormat` for the language
            /// (not from a language file): `.` in English, `,` in French.
            pub decimal: char,
        }

        impl Strings {
            /// Every key with its text, for checks over the whole catalogue.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }

            /// The catalogue of a language file (see docs/language-file-format.md), checked
            /// against English: every key there, none empty, none unknown, each with English's
            /// placeholders. Its strings live as long as the page (a language is read once).
            /// A loop over the keys rather than code per key: the latter cost 40 KB of wasm,
            /// and building the struct from a list of every value 17 KB more.
            pub fn from_language_file(text: &str) -> Result<Strings, Vec<LanguageProblem>> {
                let map = language_strings(text)?;
                let mut problems = Vec::new();
                let mut strings = en::EN;
                for (index, (key, english)) in NAMES.iter().zip(ENGLISH_VALUES).enumerate() {
                    match check_entry(key, english, map.get(*key)) {
                        Ok(text) => *strings.text_mut(index) = Box::leak(text.into_boxed_str()),
                        Err(problem) => problems.push(problem),
                    }
                }
                problems.extend(
                    map.keys()
                        .filter(|k| !NAMES.contains(&k.as_str()))
                        .map(|k| LanguageProblem::Unknown(k.clone())),
                );
                if problems.is_empty() { Ok(strings) } else { Err(problems) }
            }

            /// The text of the key at `index` in [`NAMES`]' order; every caller counts over
            /// [`NAMES`], so `index` is always a key's. (An `Option` here cost 3.3 KB of wasm.)
            fn text_mut(&mut self, index: usize) -> &mut &'static str {
                let mut keys = 0..;
                $(if keys.next() == Some(index) { return &mut self.$key; })*
                unreachable!("the catalogue has {KEYS} keys, not {}", index + 1)
            }
        }

        /// How many keys the catalogue has, their names, and their English, as data.
        const KEYS: usize = [$(stringify!($key)),*].len();
        const NAMES: [&str; KEYS] = [$(stringify!($key)),*];
        const ENGLISH_VALUES: [&str; KEYS] = [$(en::EN.$key),*];
    };
}

catalogue! {
    /// The language's BCP 47 tag, set on the widget: a screen reader on a host page in another
    /// language then reads the widget in this one.
    lang,
    /// The script's direction, `ltr` or `rtl`, set on the widget.
    direction,
    app_name, footer_privacy,
    home_title, home_intro_1, home_intro_2, home_privacy,
    saved_title, saved_row_name, last_saved, partner_file_loaded_short, resume, delete, delete_confirm,
    deleted, data_title, storage_may_be_cleared, data_shared_computer, delete_all, delete_all_confirm, deleted_all,
    damaged_entries, download_damaged,
    new_title, instrument_label, role_label, organisation_label, partner_organisation_label, start,
    error_choose_role, error_names_required, error_name_too_long,
    storage_unavailable, storage_unreadable, storage_full, saved,
    answering_for, steps_label, step_answer, step_results, step_compare, all_assessments,
    missing_title, missing_body,
    answer_intro, progress_label, progress_text, comment_label, reflections_title, reflections_intro, see_results,
    results_title, results_intro, results_summary, results_summary_none, results_chart_label, results_chart_caption, results_table_caption,
    col_dimension, col_score, col_rated, col_not_applicable, rated_of, not_rated, scale_range,
    export_title, export_intro, export_button, exported, export_failed,
    csv_button, csv_downloaded, csv_kind, csv_dimension_number, csv_statement_number, csv_text, csv_rating, csv_gap, csv_comment,
    csv_kind_dimension, csv_kind_statement, csv_kind_reflection,
    import_title, import_intro, import_label, partner_file_loaded, see_comparison,
    seal_intro, sealed_on, reopen_button, reopen_confirm, reopened_done, sealed_banner,
    seal_state_sealed, seal_state_open, seal_state_reopened, list_separator,
    import_too_large, import_empty, import_not_json, import_truncated, import_not_result, import_version,
    import_wrong_instrument, import_same_role, import_damaged, import_not_a_rating, import_outside_scale,
    import_unknown_role, import_unknown_statement, import_name_too_long, import_text_too_long, joint_no_partner,
    joint_different_instruments, joint_both_same_role, joint_no_round_date, joint_bad_action, rounds_no_side_of_role,
    shape_syntax, shape_cut_off, shape_missing, shape_unknown, shape_text, shape_whole_number, shape_true_or_false,
    shape_list, shape_object, shape_rating, problem_at, problem_separator, problem_unknown_kind, problem_version, problem_empty,
    problem_not_an_id, problem_duplicate_id, problem_not_two_roles, problem_scale_order, problem_scale_labels,
    problem_no_dimensions, problem_no_items, problem_no_source_file, problem_no_source_section, problem_empty_quote,
    problem_unknown_role, problem_nothing_to_answer, problem_advice_on_scorecard, problem_unknown_dimension,
    compare_title, compare_needs_file, go_to_results, compare_who, compare_threshold, large_gap_count,
    legend_you, legend_partner, compare_summary, compare_summary_none, chart_gap, chart_large_gap, compare_chart_label, compare_chart_caption,
    dimension_gaps_caption, item_gaps_caption, col_statement, col_you, col_partner, col_gap, col_direction,
    large_gap, you_rate_higher, partner_rates_higher, same_rating, no_gap,
    not_applicable_short, not_answered, your_comment, partner_comment,
    reflections_compared_title, no_answer,
    step_session, session_title, session_intro, session_scores, session_source, session_actions, session_statements,
    session_ratings, session_no_statements, session_questions, session_said,
    plan_title, plan_empty, plan_add_title, plan_what, plan_who, plan_when, plan_done, plan_done_named, plan_add, plan_added,
    plan_remove, plan_remove_confirm, plan_nothing_to_do, plan_too_long, plan_not_a_date,
    round_date_label, joint_keep_title, joint_keep_intro, joint_download, joint_downloaded,
    joint_title, joint_intro, joint_label, joint_which, joint_as, joint_opened,
    import_unknown_instrument, joint_result_file_here, import_joint_file_here,
    rounds_title, rounds_intro, rounds_chart_label, rounds_summary, rounds_table_caption, rounds_col_date,
    rounds_actions_title, rounds_not_done, rounds_round_of, rounds_remove_confirm, rounds_label, rounds_added,
    respondent_label, respondent_hint, import_duplicate,
    combine_title, combine_intro, combine_too_large, combine_label, combine_file_refused, combine_view_title, combine_side,
    combine_counts_only, combine_cell, combine_cell_means_only, combine_cell_hidden, combine_chart_label, combine_dimensions_caption,
    combine_statements_caption, combine_said_title, combine_said_none,
    loading_title, loading_instrument, retry, part_loading, part_title, part_unreachable, load_unreachable, load_status, load_too_large, load_damaged_index,
    load_damaged_instrument, load_wrong_instrument,
    custom_title, custom_intro, custom_label, custom_added, custom_built_in_id, custom_drops_answers,
    group_about, group_about_short, answered_only_by, source_cite, blind_spot, views_title, views_intro, views_caption,
    view_self, view_other, not_ticked_title, not_ticked_none, not_ticked_intro, advice_title, learning_questions_title,
    rounds_not_for_this,
    add_comment, scale_key, part_of, one_at_a_time, previous_part, next_part,
    seal_and_download, seal_check, back_to_answers, seal_anyway, unsealed_hint, download_unsealed, unsealed_confirm,
    exported_unsealed, sealed_and_downloaded,
    go_to_session, print, named_side, present, slide_of, present_chart_label, present_label, previous_slide, next_slide,
    full_screen, leave_presentation, present_keys,
    file_result, file_joint, file_sealed, file_damaged,
    language_label, language_failed, instrument_in_english, answered_in, csv_separator_semicolon, csv_separator_comma,
    protect_label, passphrase_label, new_passphrase, passphrase_generated, strength_too_short, strength_weak,
    strength_fair, strength_strong, passphrase_too_weak, protect_advice, unprotected_warning, protecting,
    protected_with, protect_failed, passphrases_title, passphrases_intro, col_file, col_downloaded, unlock_one,
    unlock_files, unlock_rest, unlock_label, unlock_button, opening, passphrase_missing, wrong_passphrase,
    open_failed, protected_version, protected_settings, protected_damaged, csv_not_protected,
}

/// The English catalogue, built into the app; other languages are content files.
pub fn strings() -> &'static Strings {
    static ENGLISH: Strings = en::EN;
    &ENGLISH
}

/// The interface languages, by BCP 47 tag, each with its own name for itself (what a person
/// looks for in a list of languages).
pub const LANGUAGES: [(&str, &str); 5] =
    [("en", "English"), ("fr", "Français"), ("es", "Español"), ("pt", "Português"), ("ar", "العربية")];

/// Where a language's file is, in the content folder beside the app.
pub fn language_path(code: &str) -> String {
    format!("languages/{code}.json")
}

/// The first of `preferred` (the embed snippet's choice, the one kept in this browser, the
/// browser's preferred languages, in that order) that the interface has; else English.
pub fn choose_language<'a>(preferred: impl IntoIterator<Item = &'a str>) -> &'static str {
    preferred
        .into_iter()
        .find_map(|tag| {
            let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
            LANGUAGES.iter().find(|(code, _)| *code == primary).map(|(code, _)| *code)
        })
        .unwrap_or("en")
}

/// What is wrong with a language file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LanguageProblem {
    /// Not a language file of a format this app reads.
    NotALanguageFile,
    Missing(String),
    Empty(String),
    Unknown(String),
    /// Not English's placeholders (some missing, renamed or added).
    Placeholders(String),
    /// Forms by number where English has one text, or a form list without `other`.
    Plural(String),
}

const PLURAL_FORMS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn language_strings(text: &str) -> Result<serde_json::Map<String, serde_json::Value>, Vec<LanguageProblem>> {
    use serde_json::Value;
    let not_one = || vec![LanguageProblem::NotALanguageFile];
    let Ok(Value::Object(mut file)) = serde_json::from_str::<Value>(text) else { return Err(not_one()) };
    let format = file.get("format").and_then(Value::as_str) == Some("partnership-scorecard-language");
    let version = file.get("format_version").and_then(Value::as_u64) == Some(1);
    match file.remove("strings") {
        Some(Value::Object(strings)) if format && version => Ok(strings),
        _ => Err(not_one()),
    }
}

/// One entry of a language file, as the catalogue holds it (forms by number joined as
/// [`plural!`] does).
fn check_entry(key: &str, english: &str, value: Option<&serde_json::Value>) -> Result<String, LanguageProblem> {
    use serde_json::Value;
    let wanted = placeholders(english);
    let text = match value {
        None => return Err(LanguageProblem::Missing(key.to_string())),
        Some(Value::String(text)) => text.clone(),
        Some(Value::Object(forms)) if english.starts_with('\u{1f}') => {
            if !forms.contains_key("other") || forms.keys().any(|f| !PLURAL_FORMS.contains(&f.as_str())) {
                return Err(LanguageProblem::Plural(key.to_string()));
            }
            let mut joined = String::new();
            for (form, text) in forms {
                let Some(text) = text.as_str() else { return Err(LanguageProblem::Plural(key.to_string())) };
                if text.trim().is_empty() {
                    return Err(LanguageProblem::Empty(key.to_string()));
                }
                if placeholders(text) != wanted {
                    return Err(LanguageProblem::Placeholders(key.to_string()));
                }
                joined.push_str(&format!("\u{1f}{form}\u{1e}{text}"));
            }
            return Ok(joined);
        }
        Some(_) => return Err(LanguageProblem::Plural(key.to_string())),
    };
    if text.trim().is_empty() {
        Err(LanguageProblem::Empty(key.to_string()))
    } else if placeholders(&text) != wanted {
        Err(LanguageProblem::Placeholders(key.to_string()))
    } else {
        Ok(text)
    }
}

/// The names in braces of a template (of all its forms), sorted, each once.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The form of `template` for a number of plural category `category` (from the browser's
/// `Intl.PluralRules`): that form if the language has it, else `other`. A template with one
/// form is itself.
pub fn select<'a>(template: &'a str, category: &str) -> &'a str {
    if !template.starts_with('\u{1f}') {
        return template;
    }
    let forms = || template.split('\u{1f}').skip(1).filter_map(|f| f.split_once('\u{1e}'));
    forms()
        .find(|(form, _)| *form == category)
        .or_else(|| forms().find(|(form, _)| *form == "other"))
        .map_or(template, |(_, text)| text)
}

/// Text a person typed (an organisation's name, a comment), set apart for bidirectional text:
/// wrapped in Unicode's first-strong isolate and pop-isolate marks, so right-to-left words or
/// a stray override character in it cannot reorder the sentence around it.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Fills `{name}` placeholders in a template, in one pass: a value that itself contains
/// braces (an organisation called "{partner}", say) is inserted as it is. Unknown placeholders
/// are left as they are, so a translation mistake shows up as visible braces, not lost words.
pub fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| values.iter().find(|(name, _)| *name == &after[..close]).map(|v| (close, v.1)));
        match value {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_text_is_isolated_so_an_override_inside_cannot_reach_outside() {
        let evil = "Org\u{202E}A";
        let sentence = fill("You: {organisation}. Done.", &[("organisation", &isolate(evil))]);
        assert_eq!(sentence, "You: \u{2068}Org\u{202E}A\u{2069}. Done.");
    }

    use super::*;

    #[test]
    fn a_language_files_text_lands_in_its_own_key() {
        let mut strings = en::EN;
        let leaked: Vec<&'static str> =
            NAMES.iter().map(|name| &*Box::leak(format!("text of {name}").into_boxed_str())).collect();
        for (index, text) in leaked.iter().enumerate() {
            *strings.text_mut(index) = text;
        }
        for (name, text) in strings.entries() {
            assert_eq!(text, format!("text of {name}"), "{name} holds another key's text");
        }
    }

    #[test]
    fn fill_replaces_every_named_value() {
        assert_eq!(fill("{a} of {b}, {a}", &[("a", &1), ("b", &"two")]), "1 of two, 1");
        assert_eq!(fill("{missing}", &[]), "{missing}");
        assert_eq!(fill("x { y } {", &[("y", &1)]), "x { y } {");
    }

    #[test]
    fn a_value_with_braces_is_inserted_as_it_is() {
        let text =
            fill("You: {organisation}. Partner: {partner}.", &[("organisation", &"{partner}"), ("partner", &"B")]);
        assert_eq!(text, "You: {partner}. Partner: B.");
    }

    #[test]
    fn the_form_for_a_number_is_the_languages_own_or_else_other() {
        let template = plural!(one: "{n} statement", other: "{n} statements");
        assert_eq!(select(template, "one"), "{n} statement");
        assert_eq!(select(template, "other"), "{n} statements");
        assert_eq!(select(template, "few"), "{n} statements", "a form English does not have falls to other");
        assert_eq!(select("{n} answered", "one"), "{n} answered", "one text serves every number");
    }

    #[test]
    fn the_language_is_the_first_preferred_one_the_interface_has() {
        assert_eq!(choose_language(["de-DE", "fr-CA", "en"]), "fr");
        assert_eq!(choose_language(["AR_eg"]), "ar");
        assert_eq!(choose_language(["de", "", "x-klingon"]), "en");
        assert_eq!(choose_language([]), "en");
    }

    /// A language file made from the English catalogue itself, changed by `change`.
    fn english_file(change: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>)) -> String {
        let mut map: serde_json::Map<String, serde_json::Value> =
            strings().entries().into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
        for (key, text) in strings().entries().into_iter().filter(|(_, v)| v.starts_with('\u{1f}')) {
            let forms: serde_json::Map<_, _> = text
                .split('\u{1f}')
                .skip(1)
                .filter_map(|f| f.split_once('\u{1e}'))
                .map(|(form, text)| (form.to_string(), text.into()))
                .collect();
            map.insert(key.to_string(), forms.into());
        }
        change(&mut map);
        serde_json::json!({"format": "partnership-scorecard-language", "format_version": 1, "language": "en", "strings": map})
            .to_string()
    }

    #[test]
    fn a_language_file_holding_english_reads_back_as_english() {
        let read = Strings::from_language_file(&english_file(|_| {})).expect("a sound file");
        assert_eq!(read.entries(), strings().entries());
    }

    #[test]
    fn every_fault_of_a_language_file_is_named() {
        let read = |change: fn(&mut serde_json::Map<String, serde_json::Value>)| {
            Strings::from_language_file(&english_file(change)).err().unwrap_or_default()
        };
        assert_eq!(read(|m| drop(m.remove("resume"))), vec![LanguageProblem::Missing("resume".into())]);
        assert_eq!(
            read(|m| drop(m.insert("resume".into(), " ".into()))),
            vec![LanguageProblem::Empty("resume".into())]
        );
        assert_eq!(
            read(|m| drop(m.insert("extra".into(), "x".into()))),
            vec![LanguageProblem::Unknown("extra".into())]
        );
        assert_eq!(
            read(|m| drop(m.insert("part_of".into(), "Partie {partie} sur {total}".into()))),
            vec![LanguageProblem::Placeholders("part_of".into())]
        );
        assert_eq!(
            read(|m| drop(m.insert("part_of".into(), "Partie {part} sur {total} {total2}".into()))),
            vec![LanguageProblem::Placeholders("part_of".into())]
        );
        assert_eq!(
            read(|m| drop(m.insert("resume".into(), serde_json::json!({"one": "a", "other": "b"})))),
            vec![LanguageProblem::Plural("resume".into())]
        );
        assert_eq!(
            read(|m| drop(m.insert("part_of".into(), serde_json::json!(3)))),
            vec![LanguageProblem::Plural("part_of".into())]
        );
        let no_other = |m: &mut serde_json::Map<String, serde_json::Value>| {
            m.insert("progress_text".into(), serde_json::json!({"one": "{answered} / {total}"}));
        };
        assert_eq!(read(no_other), vec![LanguageProblem::Plural("progress_text".into())]);
        for text in
            ["", "[]", "{\"format\": \"partnership-scorecard-language\", \"format_version\": 2, \"strings\": {}}"]
        {
            assert_eq!(Strings::from_language_file(text).err(), Some(vec![LanguageProblem::NotALanguageFile]));
        }
    }

    /// Every interface language's file: every key, none empty, English's placeholders, forms
    /// by number only where English has them, and the tag and direction the language needs.
    #[test]
    fn every_language_file_is_complete_and_keeps_the_placeholders() {
        for (code, _) in LANGUAGES.iter().filter(|(code, _)| *code != "en") {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content").join(language_path(code));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let read = Strings::from_language_file(&text).unwrap_or_else(|p| panic!("{code}: {p:?}"));
            assert_eq!(read.lang, *code);
            assert_eq!(read.direction, if *code == "ar" { "rtl" } else { "ltr" });
            let same: Vec<_> = read
                .entries()
                .into_iter()
                .zip(strings().entries())
                // The same words as English, beyond a name or one word the languages share
                // ("Questionnaire"), placeholders aside.
                .filter(|((key, text), (_, english))| {
                    let words =
                        placeholders(text).iter().fold(text.to_string(), |t, p| t.replace(&format!("{{{p}}}"), ""));
                    text == english
                        && words.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count() > 1
                        && *key != "app_name"
                })
                .map(|((key, _), _)| key)
                .collect();
            assert!(same.is_empty(), "{code}: left in English: {same:?}");
            for (key, text) in ["file_result", "file_joint", "file_sealed", "file_damaged"]
                .map(|k| (k, read.entries().into_iter().find(|(e, _)| *e == k).map(|(_, t)| t).unwrap_or_default()))
            {
                assert!(
                    text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{code}: {key} is for file names: {text:?}"
                );
            }
        }
    }

    #[test]
    fn every_entry_is_written_and_its_braces_balance() {
        for (key, text) in strings().entries() {
            assert!(!text.trim().is_empty(), "{key} is empty");
            assert_eq!(text.matches('{').count(), text.matches('}').count(), "{key}: unbalanced braces");
        }
    }

    /// Every Rust file under `src/ui`, with its path.
    fn ui_files() -> Vec<(std::path::PathBuf, String)> {
        let mut folders = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")];
        let mut files = Vec::new();
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("a folder of src/ui") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("readable");
                    files.push((path, text));
                }
            }
        }
        assert!(files.len() > 20, "the UI's files were found ({})", files.len());
        files
    }

    /// A key no screen uses is a string translators would translate for nothing.
    #[test]
    fn every_entry_is_used_by_the_ui() {
        let ui: String = ui_files().into_iter().map(|(_, text)| text).collect();
        let unused: Vec<_> = strings()
            .entries()
            .into_iter()
            .map(|(key, _)| key)
            .filter(|key| {
                let uses = |used: String| {
                    ui.match_indices(&used)
                        .any(|(at, _)| !ui[at + used.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
                };
                !uses(format!("t.{key}")) && !uses(format!("t().{key}"))
            })
            .collect();
        assert!(unused.is_empty(), "catalogue entries no screen uses: {unused:?}");
    }

    /// The UI files may not carry their own words: a string literal inside `view!` text would
    /// bypass the catalogue. This looks for quoted text with letters directly between tags.
    #[test]
    fn ui_files_take_their_words_from_the_catalogue() {
        let mut offenders = Vec::new();
        for (path, text) in ui_files() {
            for (n, line) in text.lines().enumerate() {
                let trimmed = line.trim();
                // A text child in a view is a line that is just a quoted literal, or one that
                // follows a closing `>` or `}`.
                let mut literals = Vec::new();
                if trimmed.starts_with('"') && trimmed.ends_with('"') {
                    literals.push(trimmed.trim_matches('"'));
                }
                // Text in maud's `html!` (`p { "…" }`, `" …"` after an element) and words in
                // attributes people read (`aria-label="…"`, `title="…"`, `alt="…"`).
                for marker in ["> \"", "} \"", "{ \"", ") \"", "aria-label=\"", "title=\"", "alt=\"", "placeholder=\""]
                {
                    for (at, _) in trimmed.match_indices(marker) {
                        let rest = &trimmed[at + marker.len()..];
                        literals.push(rest.split('"').next().unwrap_or_default());
                    }
                }
                // Class names (all `psc-…`) are not words.
                if literals.iter().any(|l| !l.starts_with("psc-") && l.chars().any(char::is_alphabetic)) {
                    offenders.push(format!("{}:{}: {trimmed}", path.display(), n + 1));
                }
            }
        }
        assert!(offenders.is_empty(), "UI text outside the catalogue:\n{}", offenders.join("\n"));
    }
}
