//! One configuration folder (`/conf/<site>`) of AEM's Tools > Cloud Services > Adobe Target, as
//! its console lists it. A site has one Target configuration (Adobe's docs: "a single
//! configuration is present under a tenant"), and an existing one is edited, not created
//! again: "Select an existing configuration and click Properties … Re-connect to Adobe Target
//! … Save and Close" (Experience League, integrating-adobe-target). So the guide needs to know
//! whether the folder already lists one.
use super::aem_configs::{title_at, title_header};
use super::aem_verdict::PageCard;
use crate::from_json::FromJson;
use crate::text::{clipped, Search};
use crate::to_json::ToJson;

/// Most titles kept from one page.
const MAX_TITLES: usize = 20;

/// A folder's Target configurations, as its console page showed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct TargetFolder {
    /// The folder page's address.
    pub url: String,
    /// The configurations' titles.
    pub titles: Vec<String>,
}

/// The folder a console page shows: its address from "/conf/" on
/// (`…/configurations.html/conf/wknd` → `/conf/wknd`).
pub fn folder_of(url: &str) -> Option<&str> {
    let path = url.before_any(b"?#");
    let at = path.find_text(".html/conf/")? + ".html".len();
    Some(path.get(at..)?.trim_end_chars(&['/']))
}

/// The folder's configurations, each by its title: the items of a column view (Adobe's
/// screenshot shows one) inside the folder (its first column lists the folders themselves), or
/// of a card view, then the rows under a table's header (the one that names a "Title" column).
pub fn read(url: &str, rows: &[Vec<String>], cards: &[PageCard]) -> TargetFolder {
    let header = title_header(rows);
    let column = header.map(|(_, column)| column);
    let listed = rows.iter().skip(header.map_or(rows.len(), |(row, _)| row + 1));
    let folder = folder_of(url);
    let inside = |c: &&PageCard| {
        c.id.is_empty() || folder.is_some_and(|f| c.id.strip_prefix(f).is_some_and(|rest| rest.starts_with('/')))
    };
    let mut titles = Vec::new();
    // A loop rather than an iterator chain: one generic adapter less in the shipped module.
    for (cells, column) in cards
        .iter()
        .filter(inside)
        .map(|c| (&c.texts, None))
        .chain(listed.map(|r| (r, column)))
    {
        if titles.len() == MAX_TITLES {
            break;
        }
        if let Some(i) = title_at(cells, column) {
            titles.push(clipped(cells[i].trim(), 200));
        }
    }
    TargetFolder {
        url: clipped(url, 2048),
        titles,
    }
}

/// Most folders kept from one console.
const MAX_FOLDERS: usize = 50;

/// AEM's configuration folders (`/conf/<name>`), as the Target console's own page lists them,
/// fetched by the AEM page from its origin before the admin goes there, so the guide can link
/// to the site's folder itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase", default)]
pub struct ConfFolders {
    /// The console page's address.
    pub url: String,
    /// The folders' names (`wknd` for `/conf/wknd`), in the page's order; none when the page
    /// could not be read.
    pub names: Vec<String>,
}

impl ConfFolders {
    /// The one folder a site's Target configuration goes in, when the console leaves no choice:
    /// the only folder besides `global` (which holds what all sites share), else `global` alone.
    pub fn only_site(&self) -> Option<&str> {
        let mut sites = self.names.iter().filter(|n| *n != "global");
        match (sites.next(), sites.next()) {
            (Some(one), None) => Some(one),
            (None, None) => self.names.first().map(String::as_str),
            _ => None,
        }
    }
}

/// The folders the console's HTML lists: its items' paths one level under `/conf`, as Granite
/// collection items carry them (`data-foundation-collection-item-id="/conf/wknd"`), or its
/// links to a folder's page (`…/configurations.html/conf/wknd`). Text that is neither (a
/// script's path, a deeper path) names none.
pub fn folders_in(html: &str) -> Vec<String> {
    const BEFORE: [&str; 2] = ["data-foundation-collection-item-id=\"", "configurations.html"];
    let mut names: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some(found) = html.get(from..).and_then(|t| t.find_text("/conf/")) {
        let at = from + found;
        from = at + "/conf/".len();
        let (Some(before), Some(rest)) = (html.get(..at), html.get(from..)) else {
            continue;
        };
        if !BEFORE.iter().any(|b| before.ends_with(b)) {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(rest.len());
        // One level only, and the attribute's value ends there.
        let Some((name, after)) = rest.split_at_checked(end) else {
            continue;
        };
        if name.is_empty() || !(after.starts_with('"') || after.starts_with('\'')) {
            continue;
        }
        if names.len() < MAX_FOLDERS && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|cells| cells.iter().map(|c| (*c).to_string()).collect())
            .collect()
    }

    #[test]
    fn the_folders_configuration_is_read_by_its_title_and_an_empty_folder_lists_none() {
        let url = "https://author.aem.test/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd";
        let listed = read(
            url,
            &rows(&[
                &["", "TITLE", "PATH", "CLIENT CODE"],
                &[
                    "Select",
                    "Adobe Target",
                    "/conf/wknd/settings/cloudconfigs/target",
                    "acme",
                ],
            ]),
            &[],
        );
        assert_eq!(listed.titles, ["Adobe Target"]);
        assert_eq!(listed.url, url);
        let empty = read(url, &rows(&[&["", "TITLE", "PATH", "CLIENT CODE"]]), &[]);
        assert!(empty.titles.is_empty());
        // A page with no such table (not a folder's list) lists nothing.
        assert!(read(url, &rows(&[&["wknd", "/conf/wknd"]]), &[]).titles.is_empty());
        // A column view: the folders' column, then the folder's own items; only those count.
        let item = |id: &str, title: &str| PageCard {
            id: id.into(),
            texts: vec![title.into()],
        };
        let columns = [
            item("/conf/wknd", "wknd"),
            item("/conf/global", "global"),
            item("/conf/wknd-events", "wknd-events"),
            item("/conf/wknd/settings/cloudconfigs/target", "Adobe Target"),
        ];
        assert_eq!(read(url, &[], &columns).titles, ["Adobe Target"]);
        assert!(
            read(url, &[], &columns[..3]).titles.is_empty(),
            "an empty folder, beside others"
        );
        let root = "https://author.aem.test/libs/cq/personalization/touch-ui/content/v2/configurations.html";
        assert!(read(root, &[], &columns).titles.is_empty(), "no folder open");
        // A card view without ids: each card is one.
        assert_eq!(read(url, &[], &[item("", "Adobe Target")]).titles, ["Adobe Target"]);
    }

    #[test]
    fn the_consoles_folders_are_its_items_one_level_under_conf_and_one_site_is_linked() {
        let column = r#"<coral-columnview-item class="foundation-collection-item" data-foundation-collection-item-id="/conf/wknd">
            <div class="foundation-collection-item-title">WKND</div></coral-columnview-item>
            <coral-columnview-item data-foundation-collection-item-id="/conf/global"></coral-columnview-item>
            <coral-columnview-item data-foundation-collection-item-id="/conf/wknd/settings/cloudconfigs/target"></coral-columnview-item>
            <script src="/conf/wknd.js"></script><a href="/conf/elsewhere">x</a>"#;
        assert_eq!(folders_in(column), ["wknd", "global"]);
        let list = r#"<a href="/libs/cq/personalization/touch-ui/content/v2/configurations.html/conf/wknd-events" class="tt-container-link">wknd-events</a>"#;
        assert_eq!(folders_in(list), ["wknd-events"]);
        assert!(folders_in("<html>Sign in</html>").is_empty());
        let folders = |names: &[&str]| ConfFolders {
            url: String::new(),
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        assert_eq!(folders(&["global", "wknd"]).only_site(), Some("wknd"));
        assert_eq!(folders(&["global"]).only_site(), Some("global"));
        assert_eq!(
            folders(&["wknd", "global", "wknd-events"]).only_site(),
            None,
            "the admin's choice"
        );
        assert_eq!(folders(&[]).only_site(), None);
    }
}
