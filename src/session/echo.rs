//! What a call takes out and its result brings back, kept in the module in between: a fill's
//! plan (`Io::ApplyFill` → `Event::FillApplied`), a page's steps (`Io::RunPageSteps` →
//! `Event::PageStepsRun`) and what a WebCrypto or network call is for (`Pending`: a check under
//! way, a key pair being made). The call carries a number (`echo`) and the worker gives back only that,
//! so nothing of the core's own making is read back from the worker's JSON: the readers of a
//! plan, of a guide's steps and of a check's state are not in the module (issue 17).
//!
//! The result of a call comes in the same wake as the call: a stopped worker loses the call's
//! continuation with the module. A result whose echo is not kept (it never should be) is told
//! apart: the fill, the check and the key pair are refused with why, a page's steps name no
//! step.

use super::checks::Running;
use super::event::{Event, Io, Step};
use super::key_pair::Certifying;
use crate::fill::Plan;
use crate::guide::Step as PageStep;
use crate::keys::KeyPlan;

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
    Pending(Box<Pending>),
}

/// What a WebCrypto or network call leaves in the module until its result.
#[derive(Debug, Clone)]
pub enum Pending {
    /// A check under way (`Io::Sign` of its JWT, `Io::Send`).
    Check(Running),
    /// A key pair asked for (`Io::MakeKey`): its certificate's plan.
    Key(KeyPlan),
    /// A new key, its certificate waiting for the signature (`Io::Sign`).
    Certificate(Certifying),
}

impl Echoes {
    /// None kept (a constant, for a `thread_local`).
    pub const fn new() -> Echoes {
        Echoes {
            last: 0,
            kept: Vec::new(),
        }
    }

    /// Numbers `step`'s calls whose results are to bring something back, and keeps that.
    pub fn keep(&mut self, step: &mut Step) {
        for io in [&mut step.io, &mut step.background].into_iter().flatten() {
            self.keep_io(io);
        }
    }

    fn keep_io(&mut self, io: &mut Io) {
        let (echo, kept) = match io {
            Io::ApplyFill { plan, echo, .. } => match plan.take() {
                Some(plan) => (echo, Kept::Plan(plan)),
                None => return,
            },
            Io::RunPageSteps { steps, echo, .. } => (echo, Kept::Steps(steps.clone())),
            Io::Sign { pending, echo, .. } | Io::Send { pending, echo, .. } | Io::MakeKey { pending, echo, .. } => {
                match pending.take() {
                    Some(pending) => (echo, Kept::Pending(pending)),
                    None => return,
                }
            }
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
            Event::Signed { echo, pending, .. }
            | Event::Answered { echo, pending, .. }
            | Event::KeyMade { echo, pending, .. } => {
                if let Some(Kept::Pending(kept)) = self.take(*echo) {
                    *pending = Some(kept);
                }
            }
            _ => {}
        }
    }

    /// What is kept for `echo`, as JSON (the tests look at what a call took out).
    #[cfg(test)]
    pub fn kept_json(&self, echo: u32) -> serde_json::Value {
        let json = |kept: &Kept| match kept {
            Kept::Plan(plan) => serde_json::to_value(plan),
            Kept::Steps(steps) => serde_json::to_value(steps),
            Kept::Pending(_) => Ok(serde_json::Value::Null),
        };
        let kept = self.kept.iter().find(|(n, _)| *n == echo).map(|(_, kept)| kept);
        kept.map(json).and_then(Result::ok).unwrap_or_default()
    }

    fn take(&mut self, echo: u32) -> Option<Kept> {
        let at = self.kept.iter().position(|(n, _)| *n == echo)?;
        Some(self.kept.remove(at).1)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::tests::{all_taken, event, fill_wizard_in, go, oauth_session, reply};
    use super::*;

    /// A fill's result brings back the plan its call took out, once; a result whose call is
    /// not known is refused with why, and the session stays as it was.
    #[test]
    fn a_result_brings_back_what_its_call_took_out_once() {
        let mut s = oauth_session();
        let (apply, out) = fill_wizard_in(&mut s, 7);
        assert_eq!(reply(&out)["type"], "FillResult");
        assert_eq!(apply["plan"], serde_json::Value::Null, "the plan stays in the module");
        let again = json!({"type": "FillApplied", "tabId": 7, "url": apply["url"], "echo": apply["echo"],
            "results": all_taken(&apply)});
        let before = s.clone();
        let out = go(&mut s, event(again));
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
