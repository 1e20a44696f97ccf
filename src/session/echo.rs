//! What a call takes out and its result brings back, kept in the module in between: a fill's
//! plan (`Io::ApplyFill` → `Event::FillApplied`) and a page's steps (`Io::RunPageSteps` →
//! `Event::PageStepsRun`). The call carries a number (`echo`) and its result gives back only
//! that, so nothing of the core's own making is read back from the worker's JSON: the readers
//! of a plan and of a guide's steps are not in the module (10 KB of it, issue 17), and the
//! worker does not copy them back in.
//!
//! The result of a call comes in the same wake as the call: a stopped worker loses the call's
//! continuation with the module. A result whose echo is not kept (it never should be) is told
//! apart: the fill is refused with why, a page's steps name no step.

use super::event::{Event, Io, Step};
use crate::fill::Plan;
use crate::guide::Step as PageStep;

/// At most this many calls kept: a result that never came (the tab closed) leaves room.
const MAX_KEPT: usize = 8;

/// The calls out, by their echo.
#[derive(Default)]
pub struct Echoes {
    last: u32,
    kept: Vec<(u32, Kept)>,
}

enum Kept {
    Plan(Box<Plan>),
    Steps(Vec<PageStep>),
}

impl Echoes {
    /// None kept (a constant, for a `thread_local`).
    pub const fn new() -> Echoes {
        Echoes {
            last: 0,
            kept: Vec::new(),
        }
    }

    /// Numbers `step`'s call, if its result is to bring something back, and keeps that.
    pub fn keep(&mut self, step: &mut Step) {
        let (echo, kept) = match &mut step.io {
            Some(Io::ApplyFill { plan, echo, .. }) => match plan.take() {
                Some(plan) => (echo, Kept::Plan(plan)),
                None => return,
            },
            Some(Io::RunPageSteps { steps, echo, .. }) => (echo, Kept::Steps(steps.clone())),
            _ => return,
        };
        self.last = self.last.wrapping_add(1).max(1);
        *echo = self.last;
        if self.kept.len() == MAX_KEPT {
            self.kept.remove(0);
        }
        self.kept.push((self.last, kept));
    }

    /// Gives `event` what its call took out.
    pub fn give_back(&mut self, event: &mut Event) {
        match event {
            Event::FillApplied { echo, plan, .. } => {
                if let Some(Kept::Plan(kept)) = self.take(*echo) {
                    *plan = Some(kept);
                }
            }
            Event::PageStepsRun { echo, steps, .. } => {
                if let Some(Kept::Steps(kept)) = self.take(*echo) {
                    *steps = kept;
                }
            }
            _ => {}
        }
    }

    /// The plan kept for `echo` (the tests look at what a fill's call took out).
    #[cfg(test)]
    pub fn plan(&self, echo: u32) -> Option<&Plan> {
        self.kept.iter().find_map(|(n, kept)| match kept {
            Kept::Plan(plan) if *n == echo => Some(&**plan),
            _ => None,
        })
    }

    fn take(&mut self, echo: u32) -> Option<Kept> {
        let at = self.kept.iter().position(|(n, _)| *n == echo)?;
        Some(self.kept.remove(at).1)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{all_taken, event, go, io, oauth_session, reply, request, wizard_snapshot};
    use super::*;

    /// A fill's result brings back the plan its call took out, once; a result whose call is
    /// not known is refused with why, and the session stays as it was.
    #[test]
    fn a_result_brings_back_what_its_call_took_out_once() {
        let mut s = oauth_session();
        go(&mut s, request(json!({"type": "FillForm", "tabId": 7})));
        let apply = io(&go(
            &mut s,
            event(json!({"type": "FormSnapshot", "tabId": 7, "snapshot": wizard_snapshot()})),
        ));
        assert_eq!(apply["plan"], serde_json::Value::Null, "the plan stays in the module");
        let result = json!({"type": "FillApplied", "tabId": 7, "url": apply["url"], "echo": apply["echo"],
            "results": all_taken(&apply)});
        assert_eq!(reply(&go(&mut s, event(result.clone())))["type"], "FillResult");
        let before = s.clone();
        let out = go(&mut s, event(result));
        assert_eq!(reply(&out)["problem"]["code"], "fill-lost");
        assert!(out.session.is_none() && s == before);
    }

    #[test]
    fn the_oldest_call_goes_past_the_most_kept() {
        let mut echoes = Echoes::new();
        let call = |steps: Vec<PageStep>| Step {
            io: Some(Io::RunPageSteps {
                tab_id: 1,
                key: "k".into(),
                steps,
                echo: 0,
            }),
            ..Step::default()
        };
        let mut echoed = Vec::new();
        for _ in 0..=MAX_KEPT {
            let mut step = call(vec![PageStep::Select { name: "x".into() }]);
            echoes.keep(&mut step);
            match step.io {
                Some(Io::RunPageSteps { echo, .. }) => echoed.push(echo),
                _ => unreachable!(),
            }
        }
        assert_eq!(echoed, (1..=MAX_KEPT as u32 + 1).collect::<Vec<_>>());
        let result = |echo| Event::PageStepsRun {
            tab_id: 1,
            key: "k".into(),
            echo,
            steps: Vec::new(),
            done: 0,
            error: None,
        };
        let mut first = result(1);
        echoes.give_back(&mut first);
        assert!(matches!(first, Event::PageStepsRun { steps, .. } if steps.is_empty()));
        let mut last = result(MAX_KEPT as u32 + 1);
        echoes.give_back(&mut last);
        assert!(matches!(last, Event::PageStepsRun { steps, .. } if steps.len() == 1));
    }
}
