//! The goal analytics page as a test sees it, so a change of markup is mended here only.
//! Panels are found by their heading, fields by their label within a panel, since the
//! customer look-up and the Test goal panel both have a **Customer ID**.

#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement};

use super::goal_form_page::{labelled, set_value, value_of};
use super::{button, texts};

pub struct AnalyticsPage {
    pub root: HtmlElement,
}

impl AnalyticsPage {
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    pub fn heading(&self) -> String {
        texts(&self.root, "h1").join("")
    }

    pub fn has_button(&self, name: &str) -> bool {
        button(&self.root, name).is_some()
    }

    pub fn click(&self, name: &str) {
        button(&self.root, name)
            .unwrap_or_else(|| panic!("no button {name:?}"))
            .click();
    }

    /// Whether a toggle button is pressed.
    pub fn pressed(&self, name: &str) -> bool {
        button(&self.root, name)
            .unwrap_or_else(|| panic!("no button {name:?}"))
            .get_attribute("aria-pressed")
            .as_deref()
            == Some("true")
    }

    /// The number shown under a figure's label (**Goal Achieved**, **Unique Users**).
    pub fn figure(&self, label: &str) -> Option<String> {
        let figures = self.root.query_selector_all(".figure").unwrap();
        (0..figures.length())
            .filter_map(|i| figures.item(i))
            .map(|node| node.unchecked_into::<Element>())
            .find(|figure| texts(figure, "dt") == [label])
            .map(|figure| texts(&figure, "dd").join(""))
    }

    /// **Start date** or **End date**.
    pub fn date(&self, label: &str) -> String {
        value_of(&self.date_input(label))
    }

    /// Picks a date as a person would: the value changes, then `input` fires.
    pub fn set_date(&self, label: &str, date: &str) {
        let input = self.date_input(label);
        set_value(&input, date);
        fire(&input, "input");
    }

    fn date_input(&self, label: &str) -> HtmlElement {
        let range = self.root.query_selector(".date-range").unwrap().unwrap();
        labelled(&range, label)
    }

    /// The message under the date range, if the range cannot be reported.
    pub fn range_error(&self) -> Option<String> {
        texts(&self.root, ".date-range .field-error")
            .into_iter()
            .next()
    }

    /// Rows of a table under `selector`, each as its header cell and data cells.
    pub fn table(&self, selector: &str) -> Vec<Vec<String>> {
        let rows = self
            .root
            .query_selector_all(&format!("{selector} tbody tr"))
            .unwrap();
        (0..rows.length())
            .filter_map(|i| rows.item(i))
            .map(|row| texts(&row.unchecked_into(), "th, td"))
            .collect()
    }

    /// The Milestones table: name, achieved, skipped, unique users, drop-off.
    pub fn milestone_rows(&self) -> Vec<Vec<String>> {
        self.table(".milestones-table")
    }

    /// The trend in its table view: the date, then a number per milestone.
    pub fn trend_rows(&self) -> Vec<Vec<String>> {
        self.table(".trend-table")
    }

    pub fn trend_columns(&self) -> Vec<String> {
        texts(&self.root, ".trend-table thead th")
    }

    /// The `<title>` of every point of the chart.
    pub fn chart_points(&self) -> Vec<String> {
        texts(&self.root, ".trend-chart circle title")
    }

    pub fn chart_lines(&self) -> Vec<String> {
        texts(&self.root, ".trend-chart polyline title")
    }

    pub fn legend(&self) -> Vec<String> {
        texts(&self.root, ".trend-chart .legend li")
    }

    pub fn has_chart(&self) -> bool {
        self.root
            .query_selector(".trend-chart svg")
            .unwrap()
            .is_some()
    }

    /// The funnel's bars as `(milestone name, width in percent)`, top to bottom.
    pub fn funnel(&self) -> Vec<(String, f64)> {
        let bars = self.root.query_selector_all(".funnel li").unwrap();
        (0..bars.length())
            .filter_map(|i| bars.item(i))
            .map(|node| node.unchecked_into::<HtmlElement>())
            .map(|bar| {
                let name = texts(&bar, ".funnel-name").join("");
                let fill: HtmlElement = bar
                    .query_selector(".funnel-bar")
                    .unwrap()
                    .unwrap()
                    .unchecked_into();
                let width = fill.style().get_property_value("width").unwrap();
                let percent = width.trim_end_matches('%').parse().unwrap();
                (name, percent)
            })
            .collect()
    }

    /// The export links as `(text, href, whether it is a download)`.
    pub fn export_links(&self) -> Vec<(String, String, bool)> {
        let links = self.root.query_selector_all(".export-links a").unwrap();
        (0..links.length())
            .filter_map(|i| links.item(i))
            .map(|node| node.unchecked_into::<Element>())
            .map(|link| {
                let text = link.text_content().unwrap_or_default().trim().to_string();
                let href = link.get_attribute("href").unwrap_or_default();
                (text, href, link.has_attribute("download"))
            })
            .collect()
    }

    /// The panel (`<section>`) whose heading reads `heading`.
    pub fn panel(&self, heading: &str) -> Element {
        let headings = self.root.query_selector_all("section > h2").unwrap();
        (0..headings.length())
            .filter_map(|i| headings.item(i))
            .map(|node| node.unchecked_into::<Element>())
            .find(|node| node.text_content().unwrap_or_default().trim() == heading)
            .and_then(|node| node.parent_element())
            .unwrap_or_else(|| panic!("no panel {heading:?}"))
    }

    /// The field labelled `label` in the panel headed `panel`.
    pub fn field(&self, panel: &str, label: &str) -> HtmlElement {
        labelled(&self.panel(panel), label)
    }

    pub fn has_field(&self, panel: &str, label: &str) -> bool {
        let labels = texts(&self.panel(panel), "label");
        labels.iter().any(|text| text == label)
    }

    /// Types into a field of a panel, as a person would.
    pub fn type_into(&self, panel: &str, label: &str, value: &str) {
        let field = self.field(panel, label);
        set_value(&field, value);
        fire(&field, "input");
    }

    /// Picks the option whose value is `value` in a panel's `<select>`.
    pub fn choose(&self, panel: &str, label: &str, value: &str) {
        let field = self.field(panel, label);
        set_value(&field, value);
        fire(&field, "change");
    }

    pub fn placeholder(&self, panel: &str, label: &str) -> String {
        self.field(panel, label)
            .get_attribute("placeholder")
            .unwrap_or_default()
    }

    /// The message shown for a field through its `aria-describedby`, if it is marked invalid.
    pub fn error_of(&self, panel: &str, label: &str) -> Option<String> {
        let field = self.field(panel, label);
        if field.get_attribute("aria-invalid").as_deref() != Some("true") {
            return None;
        }
        let id = field.get_attribute("aria-describedby")?;
        let message = self
            .root
            .query_selector(&format!("[id=\"{id}\"]"))
            .unwrap()?;
        Some(message.text_content().unwrap_or_default())
    }

    /// Clicks a button of a panel.
    pub fn click_in(&self, panel: &str, name: &str) {
        button(&self.panel(panel), name)
            .unwrap_or_else(|| panic!("no button {name:?} in {panel:?}"))
            .click();
    }

    /// The runs a panel shows, each as its header, then one line per milestone holding its
    /// name, status and tracker values as `name: value`.
    pub fn runs(&self, panel: &str) -> Vec<Vec<String>> {
        let runs = self.panel(panel).query_selector_all("article.run").unwrap();
        (0..runs.length())
            .filter_map(|i| runs.item(i))
            .map(|node| node.unchecked_into::<Element>())
            .map(|run| {
                let header = texts(&run, ".run-header").join("");
                let milestones = run.query_selector_all(".run-milestone").unwrap();
                let lines = (0..milestones.length())
                    .filter_map(|i| milestones.item(i))
                    .map(|node| milestone_line(&node.unchecked_into()));
                std::iter::once(header).chain(lines).collect()
            })
            .collect()
    }

    pub fn panel_text(&self, panel: &str) -> String {
        self.panel(panel).text_content().unwrap_or_default()
    }

    /// The banner messages (`role="alert"`) of a panel.
    pub fn alerts(&self, panel: &str) -> Vec<String> {
        texts(&self.panel(panel), "[role=alert]")
    }
}

/// `Name | Status | tracker: value | …` for one milestone of a run.
fn milestone_line(milestone: &Element) -> String {
    let names = texts(milestone, ".tracker-values dt");
    let values = texts(milestone, ".tracker-values dd");
    let trackers = names
        .iter()
        .zip(&values)
        .map(|(name, value)| format!("{name}: {value}"));
    let head = [
        texts(milestone, ".run-milestone-name").join(""),
        texts(milestone, ".status").join(""),
    ];
    head.into_iter()
        .chain(trackers)
        .collect::<Vec<_>>()
        .join(" | ")
}

fn fire(field: &HtmlElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    field
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}
