//! The engagement lead's coverage dashboard for one consultation (`/staff/c/{slug}`): which
//! districts and groups are under-represented, how many more voices would make it fair, and
//! the outreach links, QR codes and posters to reach them. Server-rendered, no script: the
//! map and charts are inline SVG, and every figure in them is also in a table.

pub mod charts;
pub mod filters;
pub mod outreach;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;

use self::charts::Bar;
use self::filters::{FilterInput, FilterProblem, Filters};
use self::outreach::{outreach_link, Source};
use super::auth::{ForCoverage, Staff};
use super::page::{error_for, render, t, t_with, FieldError, StaffError, StaffPage, STAFF_LOCALE};
use crate::coverage::map::{self, Map, MapWords, CLASS_FILLS, NO_DATA_FILL};
use crate::coverage::{self, AreaFigures, BaselineSource, Coverage, CoverageError, Status};
use crate::domain::consultation::localized;
use crate::domain::{Area, AreaKind, Channel, RespondentGroup};
use crate::i18n::Arg;
use crate::server::AppState;
use crate::store::StoredConsultation;

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/staff/c/{slug}", get(dashboard))
        .route("/staff/c/{slug}/qr/{file}", get(outreach::qr))
        .route("/staff/c/{slug}/poster/{area}", get(outreach::poster))
}

/// The consultation a staff URL names, or a 404 page.
pub(crate) async fn consultation(
    state: &AppState,
    slug: &str,
) -> Result<StoredConsultation, StaffError> {
    state
        .store
        .consultation(slug)
        .await?
        .ok_or(StaffError::NotFound)
}

/// A district (not "outside" or "prefer not to say") a staff URL names, or a 404 page.
pub(crate) fn district<'a>(state: &'a AppState, id: &str) -> Result<&'a Area, StaffError> {
    state
        .areas
        .get(id)
        .filter(|a| a.kind == AreaKind::District)
        .ok_or(StaffError::NotFound)
}

fn coverage_error(e: CoverageError) -> StaffError {
    match e {
        CoverageError::Store(e) => StaffError::Store(e),
        CoverageError::Baseline(e) => StaffError::Internal(format!("baseline: {e}")),
    }
}

/// An option in a filter's list.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A problem shown in the error summary and beside its field.
/// A district's row in the figures table.
pub struct AreaRow {
    pub id: String,
    pub name: String,
    pub responses: u64,
    pub share: String,
    pub expected: String,
    pub ratio: String,
    pub interval: String,
    pub status: &'static str,
    pub status_label: String,
    pub voices_needed: u64,
}

/// An under-represented district with what to send.
pub struct OutreachRow {
    pub id: String,
    pub name: String,
    pub needed: String,
    pub link: String,
    pub link_label: String,
    pub qr_src: String,
    pub qr_alt: String,
    pub qr_label: String,
    pub poster_href: String,
    pub poster_label: String,
}

/// A legend entry: its swatch's fill, an optional pattern, its words.
pub struct LegendItem {
    pub fill: &'static str,
    pub pattern: Option<&'static str>,
    pub dashed: bool,
    pub label: String,
}

/// A cross-tab: column headings, and per row its name, counts and total.
pub struct CrossTab {
    /// The section's id (`by-group`), its heading and the table's caption.
    pub id: &'static str,
    pub heading: String,
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<(String, Vec<u64>, u64)>,
    pub totals: Vec<u64>,
    pub total: u64,
}

/// Everything shown once the filters are valid.
pub struct Figures {
    pub total_line: String,
    pub baseline_line: String,
    pub similarity: Option<(String, String)>,
    pub r_score: Option<(String, String)>,
    pub outreach: Vec<OutreachRow>,
    pub map_svg: Option<String>,
    pub map_source: String,
    pub legend_shades: Vec<LegendItem>,
    pub legend_status: Vec<LegendItem>,
    pub rows: Vec<AreaRow>,
    pub others: Vec<(String, u64)>,
    pub chart_svg: String,
    pub trend_svg: Option<String>,
    pub weeks: Vec<(String, u64)>,
    pub cross_tabs: Vec<CrossTab>,
    /// The patterns the legend's swatches draw with.
    pub legend_defs: String,
}

#[derive(askama::Template)]
#[template(path = "staff/dashboard.html")]
struct DashboardPage {
    page: StaffPage,
    slug: String,
    input: FilterInput,
    groups: Vec<Choice>,
    channels: Vec<Choice>,
    problems: Vec<FieldError>,
    errors: FieldErrors,
    filtered: bool,
    figures: Option<Figures>,
}

/// Each field's message, if it has a problem.
#[derive(Default)]
pub struct FieldErrors {
    pub group: Option<String>,
    pub channel: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl FieldErrors {
    fn from(problems: &[FieldError]) -> FieldErrors {
        let find = |field: &str| error_for(problems, field).map(str::to_owned);
        FieldErrors {
            group: find("group"),
            channel: find("channel"),
            from: find("from"),
            to: find("to"),
        }
    }
}

/// `GET /staff/c/{slug}?group=&channel=&from=&to=`.
pub async fn dashboard(
    staff: Staff<ForCoverage>,
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, StaffError> {
    let stored = consultation(&state, &slug).await?;
    let c = &stored.consultation;
    let title = localized(&c.title, STAFF_LOCALE).to_owned();
    let input = FilterInput::from_pairs(&pairs);
    let parsed = input.parse();
    let (groups, channels) = choices(&input);
    let mut page = StaffPage::new(&staff.who, title, "/staff");
    let (figures, problems, filtered) = match parsed {
        Ok(filters) => {
            let figures = figures(&state, &stored, &filters).await?;
            (Some(figures), Vec::new(), !filters.is_empty())
        }
        Err(problems) => {
            page.has_error = true;
            (None, shown(&problems), false)
        }
    };
    let status = if problems.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let mut response = render(&DashboardPage {
        page,
        slug: c.slug.to_string(),
        input,
        groups,
        channels,
        errors: FieldErrors::from(&problems),
        problems,
        filtered,
        figures,
    });
    *response.status_mut() = status;
    Ok(response)
}

fn shown(problems: &[FilterProblem]) -> Vec<FieldError> {
    problems
        .iter()
        .map(|p| FieldError {
            field: p.field.id(),
            message: t(p.message),
        })
        .collect()
}

fn choices(input: &FilterInput) -> (Vec<Choice>, Vec<Choice>) {
    let choice = |value: &str, label: String, current: &str| Choice {
        value: value.to_owned(),
        selected: value == current,
        label,
    };
    let mut groups = vec![choice("", t("staff-dash-filter-any-group"), &input.group)];
    groups.extend(
        RespondentGroup::ALL
            .iter()
            .map(|g| g.id())
            .chain([coverage::UNKNOWN])
            .map(|id| choice(id, group_name(id), &input.group)),
    );
    let mut channels = vec![choice(
        "",
        t("staff-dash-filter-any-channel"),
        &input.channel,
    )];
    channels.extend(
        Channel::ALL
            .iter()
            .map(|c| choice(c.id(), channel_name(c.id()), &input.channel)),
    );
    (groups, channels)
}

fn group_name(id: &str) -> String {
    t(&format!("staff-dash-group-{id}"))
}

fn channel_name(id: &str) -> String {
    t(&format!("staff-dash-channel-{id}"))
}

fn status_label(status: Status) -> String {
    t(&format!("staff-dash-status-{}", status.id()))
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn ratio_text(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| t("staff-dash-no-ratio"), |r| format!("{r:.2}"))
}

/// A row name for the cross-tabs and the "not in a district" table.
fn row_name(state: &AppState, id: &str) -> String {
    match state.areas.get(id) {
        Some(a) if a.kind == AreaKind::District => a.name(STAFF_LOCALE.tag()).to_owned(),
        _ => t(&format!("staff-dash-others-{id}")),
    }
}

/// Table order: under-represented first (most voices needed first), then in line, then over.
fn table_order(areas: &[AreaFigures]) -> Vec<&AreaFigures> {
    let rank = |s: Status| match s {
        Status::Under => 0,
        Status::InLine => 1,
        Status::Over => 2,
    };
    let mut sorted: Vec<&AreaFigures> = areas.iter().collect();
    sorted.sort_by(|a, b| {
        rank(a.status)
            .cmp(&rank(b.status))
            .then(b.voices_needed.cmp(&a.voices_needed))
    });
    sorted
}

async fn figures(
    state: &AppState,
    stored: &StoredConsultation,
    filters: &Filters,
) -> Result<Figures, StaffError> {
    let slug = stored.consultation.slug.as_str();
    let count_filter = filters.count_filter();
    let baseline = coverage::baseline_for(&state.store, &state.areas, stored.id)
        .await
        .map_err(coverage_error)?;
    let counts = state
        .store
        .coverage_counts_filtered(stored.id, &count_filter)
        .await?;
    let cov = coverage::figures(slug, &state.areas, &baseline, &counts);
    let days = state.store.daily_counts(stored.id, &count_filter).await?;
    let (first, last) = trend_range(state, stored, filters);
    let weeks = charts::weekly(&days, first, last);
    Ok(build(state, slug, &cov, &weeks))
}

/// The weeks the trend covers: the consultation's open days up to today, narrowed by the
/// filter's dates.
fn trend_range(
    state: &AppState,
    stored: &StoredConsultation,
    filters: &Filters,
) -> (NaiveDate, NaiveDate) {
    let c = &stored.consultation;
    let today = state.clock.today();
    let end = c.closes_on.map_or(today, |d| d.min(today));
    let first = filters.from.map_or(c.opens_on, |f| f.max(c.opens_on));
    let last = filters.to.map_or(end, |t| t.min(end));
    (first, last)
}

fn build(state: &AppState, slug: &str, cov: &Coverage, weeks: &[(NaiveDate, u64)]) -> Figures {
    let baseline_line = t(match cov.baseline {
        BaselineSource::OnsMid2020Population0To25 => "staff-dash-baseline-ons",
        BaselineSource::Imported => "staff-dash-baseline-imported",
        BaselineSource::Consultation => "staff-dash-baseline-consultation",
    });
    let similarity = cov.similarity.map(|s| {
        (
            t_with(
                "staff-dash-similarity",
                &[("value", format!("{s:.2}").into())],
            ),
            t_with(
                "staff-dash-similarity-explained",
                &[(
                    "percent",
                    format!("{:.0}", (1.0 - s).max(0.0) * 100.0).into(),
                )],
            ),
        )
    });
    let r_score = cov.r_score.map(|r| {
        let rate = |a: &&AreaFigures| a.responses as f64 / a.expected_share;
        let lowest = cov.areas.iter().min_by(|a, b| rate(a).total_cmp(&rate(b)));
        let highest = cov.areas.iter().max_by(|a, b| rate(a).total_cmp(&rate(b)));
        let explained = match (lowest, highest) {
            (Some(lo), Some(hi)) if r > 0.0 => t_with(
                "staff-dash-r-score-explained",
                &[
                    ("lowest", lo.name.clone().into()),
                    ("highest", hi.name.clone().into()),
                ],
            ),
            _ => t("staff-dash-r-score-zero"),
        };
        (
            t_with("staff-dash-r-score", &[("value", format!("{r:.2}").into())]),
            explained,
        )
    });

    let ordered = table_order(&cov.areas);
    let outreach = ordered
        .iter()
        .filter(|a| a.status == Status::Under)
        .map(|a| {
            let name_arg = [("area", Arg::from(a.name.clone()))];
            OutreachRow {
                id: a.id.clone(),
                name: a.name.clone(),
                needed: t_with("staff-dash-voices-needed", &[("n", a.voices_needed.into())]),
                link: outreach_link(&state.config.public_url, slug, &a.id, Source::Link),
                link_label: t_with("staff-dash-outreach-link", &name_arg),
                qr_src: format!("/staff/c/{slug}/qr/{}.svg", a.id),
                qr_alt: t_with("staff-dash-qr-alt", &name_arg),
                qr_label: t_with("staff-dash-qr-link", &name_arg),
                poster_href: format!("/staff/c/{slug}/poster/{}", a.id),
                poster_label: t_with("staff-dash-poster-link", &name_arg),
            }
        })
        .collect();
    let rows = ordered
        .iter()
        .map(|a| AreaRow {
            id: a.id.clone(),
            name: a.name.clone(),
            responses: a.responses,
            share: percent(a.share),
            expected: percent(a.expected_share),
            ratio: ratio_text(a.ratio),
            interval: format!("{} to {}", percent(a.ci_low), percent(a.ci_high)),
            status: a.status.id(),
            status_label: status_label(a.status),
            voices_needed: a.voices_needed,
        })
        .collect();

    let map_svg = Map::devon().map(|m| {
        let mut description: Vec<String> = cov
            .areas
            .iter()
            .map(|a| match a.ratio {
                Some(r) => t_with(
                    "staff-dash-map-desc-area",
                    &[
                        ("area", a.name.clone().into()),
                        ("ratio", format!("{r:.2}").into()),
                        ("status", status_label(a.status).to_lowercase().into()),
                    ],
                ),
                None => t_with(
                    "staff-dash-map-desc-nodata",
                    &[("area", a.name.clone().into())],
                ),
            })
            .collect();
        description.push(t("staff-dash-map-desc-context"));
        map::render(
            m,
            &cov.areas,
            &MapWords {
                title: t("staff-dash-map-title"),
                description: description.join(" "),
                context_note: t("staff-dash-map-context"),
            },
        )
    });
    let map_source = t_with(
        "staff-dash-map-source",
        &[(
            "source",
            Map::devon().map_or("", |m| m.source.as_str()).into(),
        )],
    );
    let mut legend_shades: Vec<LegendItem> = CLASS_FILLS
        .iter()
        .enumerate()
        .map(|(i, fill)| LegendItem {
            fill,
            pattern: None,
            dashed: false,
            label: t(&format!("staff-dash-legend-class-{i}")),
        })
        .collect();
    legend_shades.push(LegendItem {
        fill: NO_DATA_FILL,
        pattern: None,
        dashed: false,
        label: t("staff-dash-legend-nodata"),
    });
    let legend_status = vec![
        LegendItem {
            fill: "#ffffff",
            pattern: Some("under"),
            dashed: false,
            label: t("staff-dash-legend-under"),
        },
        LegendItem {
            fill: "#ffffff",
            pattern: None,
            dashed: false,
            label: t("staff-dash-legend-inline"),
        },
        LegendItem {
            fill: "#ffffff",
            pattern: Some("over"),
            dashed: false,
            label: t("staff-dash-legend-over"),
        },
        LegendItem {
            fill: map::CONTEXT_FILL,
            pattern: None,
            dashed: true,
            label: t("staff-dash-legend-context"),
        },
    ];

    let bars: Vec<Bar> = cov
        .areas
        .iter()
        .map(|a| Bar {
            label: a.name.clone(),
            ratio: a.ratio,
            status: a.status,
            value_text: match a.ratio {
                Some(r) => format!("{r:.2}, {}", status_label(a.status).to_lowercase()),
                None => t("staff-dash-no-ratio"),
            },
        })
        .collect();
    let chart_svg = charts::ratio_chart(
        &bars,
        &t("staff-dash-chart-title"),
        &t("staff-dash-chart-desc"),
        &t("staff-dash-chart-line"),
    );
    let trend_svg = match (weeks.first(), weeks.last()) {
        (Some((first, _)), Some((last, _))) => Some(charts::trend_chart(
            weeks,
            &t("staff-dash-trend-title"),
            &t_with(
                "staff-dash-trend-desc",
                &[
                    ("weeks", weeks.len().into()),
                    ("first", long_date(*first).into()),
                    ("last", long_date(*last).into()),
                    ("total", weeks.iter().map(|w| w.1).sum::<u64>().into()),
                ],
            ),
        )),
        _ => None,
    };
    Figures {
        total_line: t_with("staff-dash-total", &[("total", cov.total.into())]),
        baseline_line,
        similarity,
        r_score,
        outreach,
        map_svg,
        map_source,
        legend_shades,
        legend_status,
        rows,
        others: cov
            .others
            .iter()
            .map(|(id, n)| (row_name(state, id), *n))
            .collect(),
        chart_svg,
        trend_svg,
        weeks: weeks.iter().map(|(w, n)| (long_date(*w), *n)).collect(),
        cross_tabs: vec![
            cross_tab(
                state,
                (
                    "by-group",
                    "staff-dash-jump-groups",
                    "staff-dash-groups-caption",
                ),
                &cov.by_group,
                group_name,
            ),
            cross_tab(
                state,
                (
                    "by-channel",
                    "staff-dash-jump-channels",
                    "staff-dash-channels-caption",
                ),
                &cov.by_channel,
                channel_name,
            ),
        ],
        legend_defs: legend_defs(),
    }
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn cross_tab(
    state: &AppState,
    (id, heading, caption): (&'static str, &str, &str),
    tab: &[(String, Vec<(String, u64)>)],
    column_name: fn(&str) -> String,
) -> CrossTab {
    let columns: Vec<String> = tab
        .first()
        .map(|(_, cells)| cells.iter().map(|(c, _)| column_name(c)).collect())
        .unwrap_or_default();
    let mut totals = vec![0; columns.len()];
    let rows = tab
        .iter()
        .map(|(area, cells)| {
            let counts: Vec<u64> = cells.iter().map(|(_, n)| *n).collect();
            for (t, n) in totals.iter_mut().zip(&counts) {
                *t += n;
            }
            (row_name(state, area), counts.clone(), counts.iter().sum())
        })
        .collect();
    let total = totals.iter().sum();
    CrossTab {
        id,
        heading: t(heading),
        caption: t(caption),
        columns,
        rows,
        totals,
        total,
    }
}

impl LegendItem {
    /// The entry's swatch, a tiny SVG with the map's fill and pattern.
    pub fn swatch(&self) -> String {
        swatch(self)
    }
}

fn swatch(item: &LegendItem) -> String {
    let pattern = match item.pattern {
        Some(p) => format!("<rect width=\"28\" height=\"20\" fill=\"url(#legend-{p}-dark)\"/>"),
        None => String::new(),
    };
    let dash = if item.dashed {
        " stroke-dasharray=\"4 3\""
    } else {
        ""
    };
    format!(
        "<svg class=\"swatch\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 28 20\" \
         aria-hidden=\"true\" focusable=\"false\"><rect x=\"0.75\" y=\"0.75\" width=\"26.5\" \
         height=\"18.5\" fill=\"{}\" stroke=\"#0b0c0c\" stroke-width=\"1.5\"{dash}/>{pattern}</svg>",
        item.fill
    )
}

/// The patterns the legend's swatches use, once per page.
fn legend_defs() -> String {
    format!(
        "<svg class=\"defs\" xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" \
         aria-hidden=\"true\" focusable=\"false\">{}</svg>",
        map::pattern_defs("legend")
    )
}
