//! What the popup shows about a browser tab, decided from the tab's address alone.

use crate::error::JsErrorInfo;
use crate::to_json::ToJson;

use crate::message::Problem;
use crate::tenant::{self, PageIds};

/// What the popup shows about a tab.
#[derive(Debug, Clone, PartialEq, Eq, ToJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct TabState {
    /// The tab.
    pub tab_id: u32,
    /// Its address, when the browser shows it.
    pub url: Option<String>,
    /// The ids its address carries.
    pub ids: Option<PageIds>,
    /// Why there are none.
    pub problem: Option<Problem>,
}

/// The state of a tab: the ids its address carries, or the problem to show.
/// `url` is `None` when the browser does not let IMS Link see the address (a page on a
/// host it has no permission for).
pub fn describe(tab_id: u32, url: Option<&str>) -> TabState {
    let Some(url) = url else {
        let problem = Problem {
            code: "page-not-readable".into(),
            message: "IMS Link only reads Adobe pages. Open Adobe Target in this tab \
                      (https://experience.adobe.com/, then Target > Activities) and open IMS Link again."
                .into(),
        };
        return TabState {
            tab_id,
            url: None,
            ids: None,
            problem: Some(problem),
        };
    };
    match tenant::from_url(url) {
        Ok(ids) => TabState {
            tab_id,
            url: Some(url.into()),
            ids: Some(ids),
            problem: None,
        },
        Err(e) => {
            let problem = Problem {
                code: e.code().into(),
                message: e.to_string(),
            };
            TabState {
                tab_id,
                url: Some(url.into()),
                ids: None,
                problem: Some(problem),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_tab_carries_the_tenant() {
        let TabState { ids, problem, .. } = describe(3, Some("https://experience.adobe.com/#/@acme/target"));
        assert_eq!(ids.and_then(|i| i.tenant).as_deref(), Some("acme"));
        assert_eq!(problem, None);
    }

    #[test]
    fn unreadable_and_foreign_tabs_explain_where_to_go() {
        let TabState { problem: Some(p), .. } = describe(3, None) else {
            panic!("no problem")
        };
        assert_eq!(p.code, "page-not-readable");
        let TabState { problem: Some(p), .. } = describe(3, Some("https://example.com/")) else {
            panic!("no problem")
        };
        assert_eq!(p.code, "not-an-adobe-page");
        assert!(p.message.starts_with("example.com is not an Adobe Target page."));
    }
}
