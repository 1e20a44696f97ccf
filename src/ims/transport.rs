//! The network calls of the checks, from the service worker (wasm only): a time limit per
//! attempt, one retry with backoff on network errors and 5xx, and nothing sent to a host
//! outside the allow-list.

use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

use super::allow;
use super::http::{HttpRequest, HttpResponse};

#[wasm_bindgen]
extern "C" {
    /// The global `fetch`, of the worker or of the page: `WorkerGlobalScope` and `Window` both
    /// have it. Called directly, not through gloo-net's request builder (3 KB of the wasm).
    #[wasm_bindgen(js_name = fetch)]
    fn fetch_request(request: &web_sys::Request) -> js_sys::Promise;
}

/// Answers longer than this are cut: no legitimate IMS or Target answer comes close.
const MAX_BODY: usize = 256 * 1024;
const RETRY_BACKOFF_MS: u32 = 600;

/// Why no answer came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    /// The host is not on the allow-list (never sent).
    NotAllowed(allow::AllowError),
    /// No answer within the time limit.
    Timeout,
    /// The connection failed (DNS, TLS, refused, offline).
    Network,
    /// The allowed host answered with a redirect, which was not followed: the allow-list
    /// judged the first address only, so the credential never goes to the next one.
    Redirected,
}

/// The result of sending a request, with how many attempts it took.
pub struct Sent {
    /// The final answer, or why there was none.
    pub result: Result<HttpResponse, TransportError>,
    /// 1, or 2 after a retry.
    pub attempts: u32,
}

/// Sends `req`, retrying once after a network error, a time-out or a 5xx answer.
pub async fn send(req: &HttpRequest, timeout_ms: u32) -> Sent {
    if let Err(e) = allow::check(&req.url) {
        return Sent {
            result: Err(TransportError::NotAllowed(e)),
            attempts: 0,
        };
    }
    let first = attempt(req, timeout_ms).await;
    let retry = match &first {
        Ok(resp) => resp.status >= 500,
        // A redirect is the server's deliberate answer; asking again changes nothing.
        Err(TransportError::Redirected) => false,
        Err(_) => true,
    };
    if !retry {
        return Sent {
            result: first,
            attempts: 1,
        };
    }
    TimeoutFuture::new(RETRY_BACKOFF_MS).await;
    Sent {
        result: attempt(req, timeout_ms).await,
        attempts: 2,
    }
}

async fn attempt(req: &HttpRequest, timeout_ms: u32) -> Result<HttpResponse, TransportError> {
    let controller = AbortController::new().map_err(|_| TransportError::Network)?;
    let signal = controller.signal();
    let abort = controller.clone();
    let timer = Timeout::new(timeout_ms, move || abort.abort());
    let init = RequestInit::new();
    init.set_method(match req.method {
        "POST" => "POST",
        _ => "GET",
    });
    // No cookies: the admin's Adobe web session must never ride along with the check.
    // Redirects are never followed: the allow-list judged this address only, and a 307 would
    // make the browser post the same client secret to wherever the answer points. `manual`
    // (not `error`) because both stop the browser before it sends anything to the new address,
    // but only `manual` lets IMS Link tell a redirect (an `opaqueredirect` answer) from a
    // network failure, so the admin is told what happened.
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_redirect(web_sys::RequestRedirect::Manual);
    init.set_signal(Some(&signal));
    let headers = Headers::new().map_err(|_| TransportError::Network)?;
    for (k, v) in &req.headers {
        // IMS Link's own header names and values; one the browser refused would fail the check.
        headers.set(k, v).map_err(|_| TransportError::Network)?;
    }
    init.set_headers(&headers);
    if let Some(body) = &req.body {
        init.set_body(&JsValue::from_str(body));
    }
    let request = request_for(&req.url, &init).ok_or(TransportError::Network)?;
    let sent = JsFuture::from(fetch_request(&request)).await;
    let resp: Response = match sent.map(JsCast::dyn_into) {
        Ok(Ok(r)) => r,
        Err(_) if signal.aborted() => return Err(TransportError::Timeout),
        _ => return Err(TransportError::Network),
    };
    if resp.type_() == web_sys::ResponseType::Opaqueredirect || resp.redirected() {
        drop(timer);
        return Err(TransportError::Redirected);
    }
    let body = match resp.text() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(e) => Err(e),
    };
    drop(timer);
    let mut body = match body {
        Ok(b) => String::from(js_sys::JsString::from(b)),
        Err(_) if signal.aborted() => return Err(TransportError::Timeout),
        Err(_) => return Err(TransportError::Network),
    };
    if body.len() > MAX_BODY {
        let mut cut = MAX_BODY;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
    }
    Ok(HttpResponse {
        status: resp.status(),
        date: resp.headers().get("date").ok().flatten(),
        content_type: resp.headers().get("content-type").ok().flatten(),
        body,
    })
}

/// The request as gloo-net built it: the address read as the browser reads it (its query set
/// again as it was), with the options.
fn request_for(url: &str, init: &RequestInit) -> Option<web_sys::Request> {
    let read = web_sys::Request::new_with_str(url).ok()?;
    let url = web_sys::Url::new(&read.url()).ok()?;
    url.set_search(&url.search());
    web_sys::Request::new_with_str_and_init(&String::from(url.to_string()), init).ok()
}
