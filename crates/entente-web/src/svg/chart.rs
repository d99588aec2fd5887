//! The step chart of the number of states parties over time, with year and
//! count axes. Its text alternative is the table of the same figures.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::escape;
use crate::views::board::PartyStep;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 36.0;

/// The words on the chart, in the page's language.
pub struct ChartLabels<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub y_axis: &'a str,
}

/// The chart from `start` to `end`; the count before the first step inside
/// the window is carried in from the steps before it.
pub fn render(
    steps: &[PartyStep],
    start: NaiveDate,
    end: NaiveDate,
    labels: &ChartLabels,
) -> String {
    let end = end.max(start + chrono::Days::new(1));
    let span = (end - start).num_days() as f64;
    let x = |d: NaiveDate| LEFT + (d - start).num_days() as f64 / span * (WIDTH - LEFT - RIGHT);
    let max = steps.iter().map(|s| s.parties).max().unwrap_or(0);
    let top = nice_ceiling(max);
    let y = |n: usize| HEIGHT - BOTTOM - n as f64 / top as f64 * (HEIGHT - TOP - BOTTOM);

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">{}</title><desc id="chart-desc">{}</desc>"#,
        escape(labels.title),
        escape(labels.description),
    );
    let tick = if top <= 50 { 10 } else { 20 };
    for n in (0..=top).step_by(tick) {
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{LEFT}" x2="{:.1}" y1="{y:.1}" y2="{y:.1}"/><text class="axis-label" x="{:.1}" y="{:.1}" text-anchor="end">{n}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y(n) + 4.0,
            y = y(n),
        );
    }
    let years = end.year() - start.year();
    let every = if years > 12 { 2 } else { 1 };
    for year in (start.year() + 1..=end.year()).filter(|yr| yr % every == 0) {
        let Some(day) = NaiveDate::from_ymd_opt(year, 1, 1) else {
            continue;
        };
        let _ = write!(
            svg,
            r#"<line class="tick" x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{:.1}"/><text class="axis-label" x="{x:.1}" y="{:.1}" text-anchor="middle">{year}</text>"#,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 5.0,
            HEIGHT - BOTTOM + 20.0,
            x = x(day),
        );
    }
    let _ = write!(
        svg,
        r#"<text class="axis-title" x="{:.1}" y="14">{}</text>"#,
        LEFT - 30.0,
        escape(labels.y_axis)
    );

    let mut count = steps
        .iter()
        .take_while(|s| s.date <= start)
        .last()
        .map_or(0, |s| s.parties);
    let mut d = format!("M{:.1},{:.1}", x(start), y(count));
    for step in steps.iter().filter(|s| s.date > start && s.date <= end) {
        let _ = write!(d, "H{:.1}V{:.1}", x(step.date), y(step.parties));
        count = step.parties;
    }
    let _ = write!(d, "H{:.1}", x(end));
    let _ = write!(
        svg,
        r#"<path class="step-line" d="{d}"/><circle class="step-end" cx="{:.1}" cy="{:.1}" r="4"/><text class="step-value" x="{:.1}" y="{:.1}" text-anchor="end">{count}</text></svg>"#,
        x(end),
        y(count),
        x(end) - 6.0,
        y(count) - 8.0,
    );
    svg
}

/// The next multiple of 20 (of 10 for small counts) at or above `n`, never 0.
fn nice_ceiling(n: usize) -> usize {
    let unit = if n <= 50 { 10 } else { 20 };
    n.div_ceil(unit).max(1) * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_line_carries_earlier_parties_in_and_ends_at_the_last_count() {
        let steps = [
            PartyStep {
                date: day(2003, 12, 10),
                parties: 1,
            },
            PartyStep {
                date: day(2006, 5, 23),
                parties: 20,
            },
            PartyStep {
                date: day(2008, 11, 11),
                parties: 34,
            },
        ];
        let labels = ChartLabels {
            title: "Parties",
            description: "d",
            y_axis: "states",
        };
        let svg = render(&steps, day(2006, 1, 1), day(2010, 1, 1), &labels);
        assert!(
            svg.contains(r#"<path class="step-line" d="M48.0,"#),
            "{svg}"
        );
        assert_eq!(
            svg.matches('V').count(),
            2,
            "two steps inside the window: {svg}"
        );
        assert!(svg.contains(">34</text></svg>"), "{svg}");
        assert!(svg.contains(">2008</text>"));
        assert!(!svg.contains("style="));
    }

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceiling(0), 10);
        assert_eq!(nice_ceiling(34), 40);
        assert_eq!(nice_ceiling(96), 100);
        assert_eq!(nice_ceiling(100), 100);
    }
}
