//! The worker's calls: the session as storage holds it in (once per wake), then for every event
//! the next session, reply, effects and browser call out.

use std::cell::Cell;

use wasm_bindgen::prelude::*;

use super::{from_js, to_js, unix_seconds};
use crate::session::{self, Echoes, Session};

thread_local! {
    /// The session between the steps of one wake: the worker hands it in once
    /// (`sessionLoad`), then each step starts from what the last one left, instead of the
    /// whole session crossing the boundary as JSON twice per step (measured in
    /// `./build.sh bench`: the popup's `GetPopup` is two steps). Storage stays the truth: the
    /// worker writes every changed session there and loads it again after a stop or a change
    /// made elsewhere.
    /// `None` reads as `Session::default()`: a constant start, so the module holds no lazy
    /// initializer with its own copy of `Session::default()` (2.8 KB).
    static HELD: Cell<Option<Session>> = const { Cell::new(None) };

    /// What the calls out took from their step and their results bring back (`session::Echoes`).
    static ECHOES: Cell<Echoes> = const { Cell::new(Echoes::new()) };
}

/// `sessionLoad(session)`: the session `storage.session` holds (`undefined` at first), which
/// the next steps start from. A session written by an older version that no longer reads
/// starts afresh: it is only this browser session's memory.
#[wasm_bindgen(js_name = sessionLoad)]
pub fn session_load(session: JsValue) {
    let held: Session = if session.is_undefined() || session.is_null() {
        Session::default()
    } else {
        super::read(&session).unwrap_or_default()
    };
    hold(held);
}

/// `sessionStep(event, nowMs) -> {session, reply, effects, io}`: the one function the worker
/// calls for every event, from the session loaded or left by the last step. `session` in the
/// answer, when not `null`, is what to write to storage; `io` is the one browser or network
/// call to make next, whose result is the next event. Throws `MessageError`
/// (`malformed-message`) for an event it cannot read, and the session stays as it was.
#[wasm_bindgen(js_name = sessionStep)]
pub fn session_step(event: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let mut event: session::Event = from_js(event, "worker event")?;
    let now = unix_seconds(now_ms, "MessageError")?.saturating_mul(1000);
    echoes(|e| e.give_back(&mut event));
    let mut step = session::step(held(), event, now);
    echoes(|e| e.keep(&mut step));
    let answer = to_js(&step)?;
    // What the answer tells the worker to write is what the next step starts from.
    if let Some(next) = step.session.take() {
        hold(next);
    }
    Ok(answer)
}

// `HELD` is a `Cell`, its value taken and put back, through `try_with`: a `RefCell`'s borrows
// and `LocalKey::with` can panic ("already borrowed", "cannot access a Thread Local Storage
// value"), and neither can happen in the worker's one thread, whose locals last as long as the
// module. Their panics showed `BorrowMutError` and `AccessError` with `{:?}` (the standard
// library's Debug builders); without them the step's code is laid out anew, and the module is
// 1.7 KB smaller raw and 1.1 KB gzipped (issue 17).

/// A copy of the session held, or a new one.
fn held() -> Session {
    HELD.try_with(|h| {
        let held = h.take();
        h.set(held.clone());
        held
    })
    .ok()
    .flatten()
    .unwrap_or_default()
}

/// `f` on what the calls out took from their steps (`None` only as the module ends).
pub(super) fn echoes<R>(f: impl FnOnce(&mut Echoes) -> R) -> Option<R> {
    ECHOES
        .try_with(|cell| {
            let mut echoes = cell.take();
            let r = f(&mut echoes);
            cell.set(echoes);
            r
        })
        .ok()
}

fn hold(session: Session) {
    let _ = HELD.try_with(|h| h.set(Some(session)));
}
