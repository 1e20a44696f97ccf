//! The worker's one call: an event and the session in, the next session, reply, effects and
//! browser call out.

use wasm_bindgen::prelude::*;

use super::{from_js, to_js, unix_seconds};
use crate::session::{self, Session};

/// `sessionStep(session, event, nowMs) -> {session, reply, effects, io}`: the one function the
/// worker calls for every event. `session` is what `storage.session` holds (`undefined` at
/// first); `session` in the answer, when not `null`, is what to write back; `io` is the one
/// browser or network call to make next, whose result is the next event. Throws
/// `MessageError` (`malformed-message`) for an event it cannot read.
#[wasm_bindgen(js_name = sessionStep)]
pub fn session_step(session: JsValue, event: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    // A session written by an older version that no longer reads starts afresh: it is only
    // this browser session's memory.
    let held: Session = if session.is_undefined() || session.is_null() {
        Session::default()
    } else {
        super::read(&session).unwrap_or_default()
    };
    let event: session::Event = from_js(event, "worker event")?;
    let now = unix_seconds(now_ms, "MessageError")?.saturating_mul(1000);
    to_js(&session::step(held, event, now))
}
