//! The create and edit forms as an end-to-end test drives them: fields are found by their
//! label inside the fieldset of their milestone or tracker, as a person reads the form.

use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::key::Key;

use super::{Browser, PATIENCE};

pub struct GoalFormPage<'a> {
    pub browser: &'a Browser,
}

/// Where a field is: the goal itself, a milestone, or a tracker of a milestone (1-based, as
/// the legends read).
#[derive(Clone, Copy)]
pub enum Scope {
    Goal,
    Milestone(usize),
    Tracker(usize, usize),
}

impl Scope {
    fn xpath(self) -> String {
        match self {
            Scope::Goal => "//form".to_string(),
            Scope::Milestone(m) => {
                format!("//fieldset[legend[normalize-space(.)='Milestone {m}']]")
            }
            Scope::Tracker(m, t) => format!(
                "//fieldset[legend[normalize-space(.)='Milestone {m}']]\
                 //fieldset[legend[normalize-space(.)='Tracker {t}']]"
            ),
        }
    }

    /// Labels of this scope, not of a tracker nested in it.
    fn label_xpath(self, label: &str) -> String {
        let own = match self {
            Scope::Tracker(..) => String::new(),
            Scope::Goal => "[not(ancestor::fieldset)]".to_string(),
            Scope::Milestone(_) => "[count(ancestor::fieldset) = 1]".to_string(),
        };
        format!(
            "{}//label[starts-with(normalize-space(.), '{label}')]{own}",
            self.xpath()
        )
    }
}

impl GoalFormPage<'_> {
    pub async fn wait_until_loaded(&self) {
        self.browser.wait_for_named("Milestone 1").await;
    }

    /// The input or textarea labelled `label` in `scope`.
    pub async fn field(&self, scope: Scope, label: &str) -> Element {
        let client = &self.browser.client;
        let label_element = client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&scope.label_xpath(label)))
            .await
            .unwrap_or_else(|e| panic!("no label {label:?} in {}: {e}", scope.xpath()));
        match label_element.attr("for").await.expect("label attributes") {
            Some(id) => client.find(Locator::Id(&id)).await.expect("labelled field"),
            None => label_element
                .find(Locator::XPath(".//input | .//textarea"))
                .await
                .expect("field inside its label"),
        }
    }

    pub async fn value(&self, scope: Scope, label: &str) -> String {
        let field = self.field(scope, label).await;
        field
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Replaces the field's text, then leaves the field, as a person would.
    pub async fn fill(&self, scope: Scope, label: &str, text: &str) {
        let field = self.field(scope, label).await;
        field.click().await.expect("focus the field");
        let select_all = format!("{}a{}", char::from(Key::Control), char::from(Key::Null));
        field.send_keys(&select_all).await.expect("select");
        field
            .send_keys(&char::from(Key::Backspace).to_string())
            .await
            .expect("clear");
        field.send_keys(text).await.expect("type");
        field
            .send_keys(&char::from(Key::Tab).to_string())
            .await
            .expect("leave the field");
    }

    pub async fn add_tag(&self, tag: &str) {
        let field = self.field(Scope::Goal, "Tags").await;
        field
            .send_keys(&format!("{tag}{}", char::from(Key::Enter)))
            .await
            .expect("type a tag");
    }

    /// The button with this accessible name in `scope`.
    pub async fn button(&self, scope: Scope, name: &str) -> Option<Element> {
        let xpath = format!(
            "{}//button[normalize-space(.)='{name}' or @aria-label='{name}']",
            scope.xpath()
        );
        let found = self
            .browser
            .client
            .find_all(Locator::XPath(&xpath))
            .await
            .ok()?;
        found.into_iter().next()
    }

    pub async fn click(&self, scope: Scope, name: &str) {
        let button = self
            .button(scope, name)
            .await
            .unwrap_or_else(|| panic!("no button {name:?} in {}", scope.xpath()));
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("clicking {name:?}: {e}"));
    }

    /// Clicks a button of the open confirmation popup.
    pub async fn confirm_dialog(&self, name: &str) {
        let xpath = format!("//dialog[@open]//button[normalize-space(.)='{name}']");
        let button = self
            .browser
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no {name:?} in an open dialog: {e}"));
        button.click().await.expect("click in the dialog");
    }

    pub async fn legends(&self) -> Vec<String> {
        let legends = self
            .browser
            .client
            .find_all(Locator::Css("fieldset > legend"))
            .await
            .expect("legends");
        let mut texts = Vec::new();
        for legend in legends {
            texts.push(legend.text().await.expect("legend text").trim().to_string());
        }
        texts
    }

    pub async fn wait_for_text(&self, text: &str) {
        let xpath = format!("//*[contains(normalize-space(.), \"{text}\")]");
        self.browser
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("the page never said {text:?}: {e}"));
    }
}
