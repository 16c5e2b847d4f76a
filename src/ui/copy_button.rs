//! A button that copies text and says whether it worked.

use yew::prelude::*;

use super::dom;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text to copy, asked for when clicked (so it is never stale).
    pub text: Callback<(), String>,
    pub label: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

#[derive(Clone, Copy, PartialEq)]
enum Feedback {
    None,
    Copied,
    Failed,
}

#[function_component(CopyButton)]
pub fn copy_button(props: &CopyButtonProps) -> Html {
    let feedback = use_state(|| Feedback::None);
    let onclick = {
        let feedback = feedback.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let feedback = feedback.clone();
            dom::copy_text(&text.emit(()), move |ok| {
                feedback.set(if ok {
                    Feedback::Copied
                } else {
                    Feedback::Failed
                });
                let feedback = feedback.clone();
                dom::set_timeout(1500, move || feedback.set(Feedback::None));
            });
        })
    };
    let label = match *feedback {
        Feedback::None => props.label.to_string(),
        Feedback::Copied => "Copied".to_string(),
        Feedback::Failed => "Copy failed".to_string(),
    };
    html! {
        <button type="button" class="copy" data-testid={props.testid.clone()}
                title={props.title.clone()} {onclick} aria-live="polite">
            {label}
        </button>
    }
}
