//! "Fill this form" and Undo as the session sees them: the plan, what the page took, what
//! Undo needs (never a secret), and what the guide counts as filled.

use super::event::{AfterTab, ApplyResult, ApplyStep, FillRequest, Io, Step};
use super::reply::Reply;
use super::{FillRecord, Session, UndoStep, MAX_FILLED};
use crate::fill::{self, trust, FillError, FormKind, FormSnapshot, Plan, PlanOptions};
use crate::gather::Gather;
use crate::guide::{Choice, Filled};
use crate::profile::diagnose;
use crate::text::{clipped, Search};

fn no_access(tab_id: u32, error: Option<String>) -> Step {
    Step::reply(Reply::Refused {
        problem: crate::message::Problem {
            code: "no-site-access".into(),
            message: "IMS Link may not fill forms on this site yet. Click the IMS Link icon while this AEM page is open, or choose \"Allow on this AEM site\".".into(),
        },
        tab_id: Some(tab_id),
        detail: error.map(|e| clipped(&e, 200)),
        again: None,
    })
}

/// `scheme://host[:port]` of an address, as the browser's `URL.origin` gives it.
fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once_text("://").unwrap_or(("", url));
    let host = rest.before_any(b"/?#").after_last(b'@');
    format!("{}://{}", scheme.to_ascii_lowercase(), host.to_ascii_lowercase())
}

/// The page's fields arrived: plan the fill and hand the steps to the page.
/// With `allow_origin`, the admin just said yes to sending secrets to that origin, which must
/// be the page's own.
pub(super) fn planned(
    mut s: Session,
    tab_id: u32,
    request: FillRequest,
    snapshot: Option<FormSnapshot>,
    error: Option<String>,
    now_ms: u64,
) -> Step {
    let FillRequest {
        confirm,
        allow_origin,
        anyway,
        preview,
    } = request;
    let Some(snapshot) = snapshot.filter(|_| error.is_none()) else {
        return no_access(tab_id, error);
    };
    let url = snapshot.url.clone();
    let allowed = allow_origin.is_some();
    if let Some(origin) = allow_origin {
        match trust::allow_origin(&s.secret_origins, &origin, &url) {
            Ok(origins) => s.secret_origins = origins,
            Err(e) => return Step::reply(Reply::failed(&e)),
        }
    }
    let options = PlanOptions {
        confirm,
        title: None,
        ims_config_title: s.ims_config_title.clone(),
        secret_origins: s.secret_origins.clone(),
        keystore: super::keystore::files(&s),
        keypair_alias: super::keystore::stored_alias(&s, &origin_of(&url)),
    };
    let plan = match fill::plan(snapshot, &s.profile, &options) {
        Ok(plan) => plan,
        Err(e) => return Step::reply(Reply::failed(&e)),
    };
    // Before the first fill: what would go where, and nothing written.
    if preview {
        let mut preview = fill::preview::preview(&plan);
        // The list is for the first fill on a page; after it, the fill's own result says it.
        if s.fills
            .iter()
            .any(|f| f.tab_id == tab_id && trust::same_page(&f.url, &url))
        {
            preview.rows.clear();
            preview.waiting.clear();
        }
        return Step::reply(Reply::FillPreview { preview });
    }
    if !anyway {
        let findings = fill::findings::blocking(&plan, &diagnose::diagnose(&s.profile, now_ms));
        if !findings.is_empty() {
            return Step {
                session: allowed.then_some(s),
                reply: Some(Reply::FillHasErrors {
                    origin: plan.origin.clone(),
                    findings,
                }),
                ..Step::default()
            };
        }
    }
    let steps: Vec<ApplyStep> = plan
        .actions
        .iter()
        .map(|a| ApplyStep {
            key: a.key.clone(),
            action: a.action,
            via: a.via,
            value: a.value.clone(),
            file_name: (a.action == fill::ActionKind::SetFile).then(|| a.after.clone()),
        })
        .gather();
    if steps.is_empty() {
        return applied(s, tab_id, url, plan, Vec::new(), None);
    }
    Step {
        // The yes just given is kept before the page is touched.
        session: allowed.then_some(s),
        io: Some(Io::ApplyFill {
            tab_id,
            url,
            plan: Some(Box::new(plan)),
            steps,
            echo: 0,
        }),
        ..Step::default()
    }
}

/// The page took (some of) the values: remember what Undo needs and what the guide counts.
pub(super) fn applied(
    mut s: Session,
    tab_id: u32,
    url: String,
    mut plan: Plan,
    results: Vec<ApplyResult>,
    error: Option<String>,
) -> Step {
    if error.is_some() {
        return no_access(tab_id, error);
    }
    let took = |key: &str| results.iter().any(|r| r.key == key && r.ok);
    let undo: Vec<UndoStep> = plan
        .actions
        .iter()
        .filter(|a| took(&a.key))
        .map(|a| UndoStep {
            key: a.key.clone(),
            label: a.label.clone(),
            action: a.action,
            via: a.via,
            // A secret the admin had typed there is not kept: Undo names the field instead.
            before: (!a.secret || a.before.is_empty()).then(|| a.before.clone()),
        })
        .gather();
    // The consent just given (if any) is in the session already: write it whatever happens.
    let consent = plan.consent.as_ref().map(|c| c.origin.clone());
    record_fill(&mut s, tab_id, &url, &mut plan, undo, consent);
    // What the page did not take is a field to fill by hand, with the value to paste.
    fill::applied::not_taken(&mut plan, |key| match results.iter().find(|r| r.key == key) {
        Some(r) if r.ok => Ok(()),
        Some(r) => Err(r.why.as_deref()),
        None => Err(Some("gone")),
    });
    // The title given to an IMS configuration is how the Target form picks it later.
    let title_before = s.ims_config_title.clone();
    if plan.form == FormKind::ImsWizard {
        if let Some(title) = plan
            .actions
            .iter()
            .chain(&plan.unchanged)
            .find(|a| a.spec_id == "title")
        {
            s.ims_config_title = Some(title.after.clone());
        }
    }
    // Undo puts back the title held before the page's first fill (`undone`).
    if s.ims_config_title != title_before {
        let this_fill = |f: &FillRecord| f.tab_id == tab_id && f.form == plan.form && trust::same_page(&f.url, &url);
        if let Some(r) = s.fills.iter_mut().find(|f| this_fill(f) && !f.replaced_title) {
            r.replaced_title = true;
            r.title_before = title_before;
        }
    }
    let others: Vec<u32> = s.fills.iter().map(|f| f.tab_id).filter(|&t| t != tab_id).gather();
    let reply = Reply::FillResult {
        plan: Box::new(plan),
        results,
    };
    let mut step = Step::changed(s, Some(reply));
    // Records pile up one per tab filled: those of tabs closed since go now.
    if !others.is_empty() {
        step.background = Some(Io::OpenTabs { asked: others });
    }
    step
}

/// What the admin sees of a field holding another value: its label and both values, a
/// secret's masked (the record is shown, and a secret is never kept in one).
fn choice(a: &fill::Action) -> Choice {
    let shown = |v: &str| if a.secret { MASK.to_string() } else { v.to_string() };
    Choice {
        spec_id: a.spec_id.clone(),
        // The spec's label: the page's may carry a required-field star.
        label: a.label.clone(),
        typed: shown(if a.before_text.is_empty() {
            &a.before
        } else {
            &a.before_text
        }),
        ours: shown(&a.after),
        secret: a.secret,
    }
}

/// How a secret is shown in a choice.
const MASK: &str = "\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}\u{2022}";

/// Keeps this tab's fill record. The same page filled again (a choice answered with "Use IMS
/// Link's", the secret allowed) stays one fill: Undo puts back what was there before the
/// first, and the choices the admin settled with "Keep mine" stay settled. A fill counts in
/// `filled` only while no choice is open.
fn record_fill(s: &mut Session, tab_id: u32, url: &str, plan: &mut Plan, undo: Vec<UndoStep>, consent: Option<String>) {
    let previous = s
        .fills
        .iter()
        .position(|f| f.tab_id == tab_id)
        .map(|i| s.fills.remove(i));
    let (earlier, other_page) = match previous {
        Some(p) if p.form == plan.form && trust::same_page(&p.url, url) => (Some(p), None),
        p => (None, p),
    };
    let kept = earlier.as_ref().map(|p| p.kept.clone()).unwrap_or_default();
    // What the admin kept is settled: not a conflict of this fill either.
    plan.conflicts.retain(|c| !kept.contains(&c.spec_id));
    let choices: Vec<Choice> = plan.conflicts.iter().map(choice).gather();
    let was_counted = earlier.as_ref().is_some_and(|p| p.counted);
    let earlier_title = earlier
        .as_ref()
        .map(|p| (p.replaced_title, p.title_before.clone()))
        .unwrap_or_default();
    let mut all_undo = earlier.map(|p| p.undo).unwrap_or_default();
    for u in undo {
        // The first fill's `before` is what the page held before IMS Link touched it.
        if !all_undo.iter().any(|o| o.key == u.key) {
            all_undo.push(u);
        }
    }
    let worth_keeping =
        !all_undo.is_empty() || consent.is_some() || !choices.is_empty() || was_counted || !plan.unchanged.is_empty();
    if !worth_keeping {
        // Nothing of this page to keep: the tab's earlier record (another page's) stays.
        s.fills.extend(other_page);
        return;
    }
    let counted = choices.is_empty();
    let filled = Filled {
        form: plan.form,
        origin: origin_of(url),
    };
    if counted && !was_counted {
        s.filled.push(filled);
        let excess = s.filled.len().saturating_sub(MAX_FILLED);
        s.filled.drain(..excess);
    } else if !counted && was_counted {
        uncount(s, &filled);
    }
    s.fills.push(FillRecord {
        tab_id,
        url: url.to_string(),
        form: plan.form,
        undo: all_undo,
        consent,
        choices,
        kept,
        counted,
        replaced_title: earlier_title.0,
        title_before: earlier_title.1,
        hidden_step: plan.hidden_step,
    });
}

/// Takes one fill of `filled` out of what the guide counts.
fn uncount(s: &mut Session, filled: &Filled) {
    if let Some(j) = s.filled.iter().rposition(|f| f == filled) {
        s.filled.remove(j);
    }
}

/// "Keep mine": the page keeps the admin's own value in these fields; once no choice is open
/// the fill counts. Answered with the tab's guide, which moves on.
pub(super) fn keep(mut s: Session, tab_id: u32, keep: &[String]) -> Step {
    let Some(record) = s.fills.iter_mut().find(|f| f.tab_id == tab_id) else {
        return nothing_to_undo();
    };
    let before = record.choices.len();
    for c in std::mem::take(&mut record.choices) {
        if keep.contains(&c.spec_id) {
            record.kept.push(c.spec_id);
        } else {
            record.choices.push(c);
        }
    }
    if record.choices.len() == before {
        return Step::reply(Reply::refused(
            "no-such-choice",
            "That field does not wait for a choice any more. Close IMS Link and open it again.",
        ));
    }
    let count = record.choices.is_empty() && !record.counted;
    if count {
        record.counted = true;
        let filled = Filled {
            form: record.form,
            origin: origin_of(&record.url),
        };
        s.filled.push(filled);
        let excess = s.filled.len().saturating_sub(MAX_FILLED);
        s.filled.drain(..excess);
    }
    let mut step = Step::changed(s, None);
    step.io = Some(Io::TabFacts {
        tab_id,
        then: AfterTab::Guide,
    });
    step
}

fn nothing_to_undo() -> Step {
    Step::reply(Reply::refused(
        "nothing-to-undo",
        "There is no fill to undo on this page.",
    ))
}

/// Undo: first where the tab is now, for saved values go back only into the page they came from.
pub(super) fn start_undo(s: &Session, tab_id: u32) -> Step {
    if !s.fills.iter().any(|f| f.tab_id == tab_id) {
        return nothing_to_undo();
    }
    Step::io(Io::PageUrl { tab_id })
}

/// The steps that put back what this tab's last fill replaced, last first, if the tab still
/// shows the origin and path the fill was made on.
pub(super) fn undo_here(s: &Session, tab_id: u32, url: Option<String>, error: Option<String>) -> Step {
    let Some(record) = s.fills.iter().find(|f| f.tab_id == tab_id) else {
        return nothing_to_undo();
    };
    let here = url.filter(|_| error.is_none()).unwrap_or_default();
    if !trust::same_page(&record.url, &here) {
        let filled = fill::detect::Address::parse(&record.url);
        return Step::reply(Reply::failed(&FillError::UndoElsewhere {
            filled: format!("{}{}", filled.origin, filled.path),
        }));
    }
    let mut steps = Vec::new();
    let mut not_kept = Vec::new();
    for u in record.undo.iter().rev() {
        match &u.before {
            Some(before) => steps.push(ApplyStep {
                key: u.key.clone(),
                action: u.action,
                via: u.via,
                value: before.clone(),
                file_name: None,
            }),
            None => not_kept.push(u.label.clone()),
        }
    }
    Step::io(Io::ApplyUndo {
        tab_id,
        steps,
        not_kept,
    })
}

pub(super) fn undone(
    mut s: Session,
    tab_id: u32,
    results: Vec<ApplyResult>,
    not_kept: Vec<String>,
    error: Option<String>,
) -> Step {
    if error.is_some() {
        return no_access(tab_id, error);
    }
    // The fill no longer counts: the stage is back where it stood before it.
    if let Some(i) = s.fills.iter().position(|f| f.tab_id == tab_id) {
        let record = s.fills.remove(i);
        if record.replaced_title {
            s.ims_config_title = record.title_before.clone();
        }
        if record.counted {
            let filled = Filled {
                form: record.form,
                origin: origin_of(&record.url),
            };
            uncount(&mut s, &filled);
        }
    }
    let restored = u32::try_from(results.iter().filter(|r| r.ok).count()).unwrap_or(u32::MAX);
    Step::changed(
        s,
        Some(Reply::UndoResult {
            restored,
            results,
            not_kept,
        }),
    )
}

/// The admin takes back the yes to an origin: no more secrets go there unasked. Answered with
/// the tab's guide, which shows what changed.
pub(super) fn forget_origin(mut s: Session, tab_id: u32, origin: &str) -> Step {
    s.secret_origins = trust::forget_origin(&s.secret_origins, origin);
    let mut step = Step::changed(s, None);
    step.io = Some(Io::TabFacts {
        tab_id,
        then: AfterTab::Guide,
    });
    step
}

/// A closed tab's Undo record is of no use to anyone (tab ids are not used again while the
/// browser runs, and the session lasts no longer). Only the tabs asked about are judged: a
/// record made since, in a tab opened after the browser answered, stays.
pub(super) fn open_tabs(mut s: Session, asked: &[u32], open: Option<&[u32]>) -> Step {
    let Some(open) = open else {
        return Step::default();
    };
    let before = s.fills.len();
    s.fills
        .retain(|f| !asked.contains(&f.tab_id) || open.contains(&f.tab_id));
    if s.fills.len() == before {
        return Step::default();
    }
    Step {
        session: Some(s),
        ..Step::default()
    }
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn origins_keep_the_port_and_drop_the_rest() {
        assert_eq!(
            origin_of("http://localhost:4502/libs/x.html?a#b"),
            "http://localhost:4502"
        );
        assert_eq!(
            origin_of("https://Author-P1-E2.adobeaemcloud.com/ui#/aem"),
            "https://author-p1-e2.adobeaemcloud.com"
        );
        assert_eq!(origin_of("https://user@host.example/x"), "https://host.example");
    }
}
