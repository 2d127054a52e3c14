//! The Goal analytics page as an end-to-end test reads it: figures by their caption, table rows
//! by their milestone, panels by their heading.

use fantoccini::Locator;
use fantoccini::elements::Element;

use super::{Browser, PATIENCE};

pub struct AnalyticsPage<'a> {
    pub browser: &'a Browser,
}

impl AnalyticsPage<'_> {
    async fn wait_for(&self, xpath: &str) -> Element {
        self.browser
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("nothing at {xpath}: {e}"))
    }

    /// The number under a figure's caption, once the report has loaded.
    pub async fn figure(&self, caption: &str) -> String {
        let xpath = format!(
            "//dl[contains(@class,'figures')]//dt[normalize-space(.)='{caption}']/following-sibling::dd"
        );
        self.wait_for(&xpath)
            .await
            .text()
            .await
            .expect("figure text")
            .trim()
            .to_string()
    }

    /// The cells of the Milestones table's row for this milestone.
    pub async fn milestone_row(&self, milestone: &str) -> Vec<String> {
        let row = format!(
            "//table[contains(@class,'milestones-table')]//tr[th[normalize-space(.)='{milestone}']]"
        );
        self.wait_for(&row).await;
        let cells = self
            .browser
            .client
            .find_all(Locator::XPath(&format!("{row}/td")))
            .await
            .expect("cells");
        let mut texts = Vec::new();
        for cell in cells {
            texts.push(cell.text().await.expect("cell text").trim().to_string());
        }
        texts
    }

    fn panel(heading: &str) -> String {
        format!("//section[h2[normalize-space(.)='{heading}']]")
    }

    /// Types into the field labelled `label` in the panel headed `heading`.
    pub async fn fill(&self, heading: &str, label: &str, text: &str) {
        let label_xpath = format!(
            "{}//label[normalize-space(.)='{label}']",
            Self::panel(heading)
        );
        let label_element = self.wait_for(&label_xpath).await;
        let id = label_element
            .attr("for")
            .await
            .expect("attributes")
            .expect("label for");
        let field = self
            .browser
            .client
            .find(Locator::Id(&id))
            .await
            .expect("labelled field");
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    pub async fn choose(&self, heading: &str, label: &str, option: &str) {
        let label_xpath = format!(
            "{}//label[normalize-space(.)='{label}']",
            Self::panel(heading)
        );
        let id = self
            .wait_for(&label_xpath)
            .await
            .attr("for")
            .await
            .unwrap()
            .expect("label for");
        let select = self
            .browser
            .client
            .find(Locator::Id(&id))
            .await
            .expect("select");
        select
            .select_by_label(option)
            .await
            .expect("choose the option");
    }

    pub async fn press(&self, heading: &str, button: &str) {
        let xpath = format!(
            "{}//button[normalize-space(.)='{button}']",
            Self::panel(heading)
        );
        self.wait_for(&xpath).await.click().await.expect("click");
    }

    /// Waits until the panel's text contains `text`, and returns that text.
    pub async fn panel_text_containing(&self, heading: &str, text: &str) -> String {
        let xpath = format!(
            "{}[contains(normalize-space(.), \"{text}\")]",
            Self::panel(heading)
        );
        self.wait_for(&xpath)
            .await
            .text()
            .await
            .expect("panel text")
    }
}
