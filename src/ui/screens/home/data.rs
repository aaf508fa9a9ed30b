//! The data kept in this browser: the reminder for shared computers, the damaged entries kept
//! aside, and one control that removes everything this app keeps.

use leptos::prelude::*;

use crate::adapters::{clock, files};
use crate::i18n;
use crate::ui::actions::{actions, asked, Action};
use crate::ui::ids;
use crate::ui::markup::html;
use crate::ui::parts::dom::confirmed;
use crate::ui::parts::region::{on, region};
use crate::ui::state::{AppState, Notice};

actions! {
    /// What the data section's buttons do.
    Data { DownloadDamaged = "download-damaged", DeleteAll = "delete-all" }
}

pub fn section(state: AppState) -> impl IntoView {
    let t = state.t();
    let damaged = state.store.unreadable().len();
    let markup = html! {
        @if damaged > 0 {
            p { (i18n::fill(state.counted(t.damaged_entries, damaged), &[("count", &damaged)])) }
            button type="button" data-do=(Data::DownloadDamaged.attr()) { (t.download_damaged) }
        }
        p { (t.data_shared_computer) }
        button type="button" data-do=(Data::DeleteAll.attr()) { (t.delete_all) }
    };
    let handle = on(move |ev| match asked::<Data>(ev) {
        Some((Data::DownloadDamaged, _, _)) => {
            let file = serde_json::to_string_pretty(&state.store.unreadable()).unwrap_or_default();
            let name = format!("{}_{}.json", t.file_damaged, clock::now_iso().get(..10).unwrap_or_default());
            if files::download(&name, &file, files::JSON).is_err() {
                state.notice.set(Some(Notice::Error(t.export_failed.to_string())));
            }
        }
        Some((Data::DeleteAll, _, _)) if confirmed(t.delete_all_confirm) => state.delete_all(),
        _ => {}
    });
    view! {
        <section aria-labelledby=ids::DATA_TITLE class="psc-card">
            <h2 id=ids::DATA_TITLE>{t.data_title}</h2>
            {move || (state.kept.get() == Some(false)).then(|| view! { <p id="psc-may-clear">{t.storage_may_be_cleared}</p> })}
            {region(markup, handle)}
        </section>
    }
}
