//! The configuration folders of AEM as a Cloud Service's Target console, read before the admin
//! goes there (issue 18: fewer clicks). When AEM's IMS console is read, its page fetches the
//! Target console from its own origin (a GET of AEM's own page, with the admin's AEM session;
//! nothing is sent); the folders it lists let the guide link straight to the site's folder
//! when there is no choice to make (`ConfFolders::only_site`). A page that cannot be read lists
//! none, and the guide links to the console of folders as before.

use super::event::{AfterTab, Io, Step};
use super::{FetchedFile, Session};
use crate::fill::detect::Address;
use crate::guide::page::{is_cloud_service, TARGET_CONSOLE_PATH};
use crate::ims::target_folder::{folders_in, ConfFolders};

/// Most of the console's page read: its folders come first.
const MAX_BYTES: usize = 512 * 1024;

/// The fetch of the Target console of the AEM whose page `page_url` is, when its folders are
/// not known yet (AEM as a Cloud Service only: AEM 6.5's Target configurations are elsewhere).
pub(super) fn fetch(s: &Session, tab_id: u32, page_url: &str) -> Option<Io> {
    let origin = Address::parse(page_url).origin;
    let url = format!("{origin}{TARGET_CONSOLE_PATH}");
    let known = s.aem.folders.as_ref().is_some_and(|f| f.url == url);
    (is_cloud_service(&origin) && !known).then_some(Io::FetchAemFolders {
        tab_id,
        url,
        max_bytes: MAX_BYTES,
    })
}

/// The console's page arrived (or not): its folders are kept, then the guide.
pub(super) fn fetched(mut s: Session, tab_id: u32, url: String, file: Option<FetchedFile>) -> Step {
    let html = file
        .filter(|f| (200..300).contains(&f.status))
        .and_then(|f| crate::base64_text::decode(f.body_base64.trim()))
        .map(|bytes| crate::text::lossy(bytes.get(..MAX_BYTES).unwrap_or(&bytes)))
        .unwrap_or_default();
    s.aem.folders = Some(ConfFolders {
        url,
        names: folders_in(&html),
    });
    Step {
        io: Some(Io::TabFacts {
            tab_id,
            then: AfterTab::Guide,
        }),
        ..Step::changed(s, None)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use crate::session::tests::{event, go, io, AEM};
    use crate::session::Session;

    const CONSOLE: &str = "/libs/cq/adobeims-configuration/content/configurations.html";
    const TARGET: &str = "/libs/cq/personalization/touch-ui/content/v2/configurations.html";

    fn read(origin: &str) -> crate::session::Event {
        event(
            json!({ "type": "AemResultRead", "tabId": 7, "page": { "url": format!("{origin}{CONSOLE}"),
            "messages": [], "rows": [], "cards": [{ "id": "", "texts": ["Adobe Target (acme)", "Adobe IMS Technical Account"] }] } }),
        )
    }

    #[test]
    fn aems_ims_console_has_the_target_consoles_folders_read_once_on_aem_as_a_cloud_service() {
        let mut s = Session::default();
        let fetch = io(&go(&mut s, read(AEM)));
        assert_eq!(
            fetch,
            json!({ "do": "fetch-aem-folders", "tabId": 7, "url": format!("{AEM}{TARGET}"), "maxBytes": 524_288 })
        );
        let html = r#"<coral-columnview-item data-foundation-collection-item-id="/conf/global"></coral-columnview-item>
            <coral-columnview-item data-foundation-collection-item-id="/conf/wknd"></coral-columnview-item>"#;
        let file = json!({ "status": 200, "bodyBase64": crate::base64_text::encode(html.as_bytes()) });
        let out = go(
            &mut s,
            event(json!({ "type": "AemFoldersFetched", "tabId": 7, "url": fetch["url"], "file": file })),
        );
        assert_eq!(io(&out)["then"], "guide");
        let folders = s.aem.folders.clone().expect("kept");
        assert_eq!(folders.names, ["global", "wknd"]);
        // Read once: the console read again goes on to the guide.
        assert_eq!(io(&go(&mut s, read(AEM)))["do"], "tab-facts");
        // A page that could not be read lists none (and is not fetched again).
        let mut s = Session::default();
        go(
            &mut s,
            event(
                json!({ "type": "AemFoldersFetched", "tabId": 7, "url": format!("{AEM}{TARGET}"),
            "file": { "status": 302, "bodyBase64": "" } }),
            ),
        );
        assert_eq!(s.aem.folders.map(|f| f.names.len()), Some(0));
        // AEM 6.5 keeps its Target configurations elsewhere.
        let mut s = Session::default();
        assert_eq!(io(&go(&mut s, read("https://author.aem.test")))["do"], "tab-facts");
    }
}
