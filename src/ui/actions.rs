//! What a screen's controls do, as a typed value per screen: written into a control's `data-do`
//! attribute and read back from it in one place, so a screen has one click listener that
//! `match`es on what was asked, and a misspelt action is a compile error, not a dead button.

use wasm_bindgen::JsCast;

/// The attribute naming a control's action.
pub const DO: &str = "data-do";
/// The attribute holding what the action is about (an assessment's id, an action's place).
pub const ARG: &str = "data-arg";

/// An action a control can ask for.
pub trait Action: Sized + Copy {
    /// Its name in `data-do`.
    fn attr(self) -> &'static str;
    fn from_attr(attr: &str) -> Option<Self>;
}

/// Declares a screen's actions: an enum whose variants each have their `data-do` name.
macro_rules! actions {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $attr:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant),*
        }

        impl $crate::ui::actions::Action for $name {
            fn attr(self) -> &'static str {
                match self {
                    $(Self::$variant => $attr),*
                }
            }

            fn from_attr(attr: &str) -> Option<Self> {
                match attr {
                    $($attr => Some(Self::$variant),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use actions;

/// The action an event came from (a click on a control, or inside it; a change of a field), and
/// that control's `data-arg` (empty when it has none).
pub fn asked<A: Action>(ev: &web_sys::Event) -> Option<(A, String, web_sys::Element)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let control = target.closest(&format!("[{DO}]")).ok().flatten()?;
    let action = A::from_attr(&control.get_attribute(DO)?)?;
    Some((action, control.get_attribute(ARG).unwrap_or_default(), control))
}
