//! AEM's IMS configurations as its console lists them, for the JWT → OAuth Server-to-Server
//! migration: each one's type, whether it is deprecated JWT, and whether Adobe provisioned it
//! (Adobe migrates those itself; adobe-surfaces.md §8). Read from the page's texts only, "as
//! far as the page shows it": the cards of AEM's card view (Adobe's screenshots show them) or
//! the rows of a list. How AEM marks an auto-provisioned configuration is not documented, so
//! any text saying so counts.

use super::aem_verdict::PageCard;
use crate::from_json::FromJson;
use crate::gather::Gather;
use crate::text::{clipped, Search};
use crate::to_json::ToJson;

/// Most configurations kept.
const MAX_CONFIGS: usize = 50;

/// How a configuration authenticates.
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "kebab-case")]
pub enum ConfigKind {
    /// "JWT Credentials (deprecated)".
    // Only where the JSON reader starts (`derive(FromJson)` reads into a value of defaults).
    #[default]
    Jwt,
    /// OAuth Server-to-Server.
    Oauth,
}

/// One configuration in AEM's list.
#[derive(Default, Debug, Clone, PartialEq, Eq, ToJson, FromJson)]
#[cfg_attr(test, derive(serde::Serialize))]
#[serde(rename_all = "camelCase")]
pub struct AemConfig {
    /// Its title.
    pub title: String,
    /// JWT or OAuth.
    pub kind: ConfigKind,
    /// Whether its row names Adobe Target (its cloud solution or title).
    pub target: bool,
    /// Whether the page marks it auto-provisioned.
    pub auto_provisioned: bool,
    /// Whether its row carries its own "Check Health" (a console variant); AEM's documented
    /// console offers the actions in its toolbar once the item is selected.
    #[serde(default)]
    pub row_buttons: bool,
}

impl AemConfig {
    /// What IMS Link says about it, in a few words.
    pub fn advice(&self) -> &'static str {
        match (self.kind, self.auto_provisioned) {
            (_, true) => "auto-provisioned: Adobe migrates these; leave them",
            (ConfigKind::Jwt, false) => "JWT, deprecated: migrate to OAuth Server-to-Server",
            (ConfigKind::Oauth, false) => "OAuth Server-to-Server",
        }
    }

    /// Whether IMS Link's profile (a Target credential) is the one to migrate it with.
    pub fn migrate_with_profile(&self) -> bool {
        self.kind == ConfigKind::Jwt && !self.auto_provisioned && self.target
    }

    /// Whether a JWT configuration the admin migrates may be Target's though its card does not
    /// say so (AEM's cards show no cloud solution): its title names no other Adobe solution.
    pub fn may_be_target(&self) -> bool {
        /// Words in a title that name another Adobe solution than Target.
        const OTHER_SOLUTIONS: [&str; 14] = [
            "analytics",
            "campaign",
            "asset",
            "stock",
            "brand portal",
            "launch",
            "tags",
            "audience manager",
            "commerce",
            "forms",
            "dynamic media",
            "smart tag",
            "experience platform",
            "journey",
        ];
        let title = self.title.to_ascii_lowercase();
        self.kind == ConfigKind::Jwt
            && !self.auto_provisioned
            && (self.target || !OTHER_SOLUTIONS.iter().any(|w| title.contains_text(w)))
    }
}

/// The header row of an AEM console's table and its column headed "Title", if it has one.
pub fn title_header(rows: &[Vec<String>]) -> Option<(usize, usize)> {
    rows.iter().enumerate().find_map(|(row, cells)| {
        cells
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case("title"))
            .map(|column| (row, column))
    })
}

/// The cell of a row holding its item's title: the "Title" column's, else the first cell with
/// text that is not the row's selection box (Coral labels it "Select").
pub fn title_at(cells: &[String], title_column: Option<usize>) -> Option<usize> {
    let named = |i: usize| cells.get(i).is_some_and(|c| !c.trim().is_empty());
    title_column
        .filter(|&i| named(i))
        .or_else(|| (0..cells.len()).find(|&i| named(i) && !cells[i].trim().eq_ignore_ascii_case("select")))
}

/// The configurations the console shows: its cards (each card's texts, title first), then the
/// rows of its list (cell texts). A row that names no authentication type (the header, "There
/// is no item.") is not a configuration; a card is one, OAuth unless it says JWT: Adobe's
/// cards mark only the deprecated JWT ones (a red "JWT Credentials (deprecated)").
pub fn listed(rows: &[Vec<String>], cards: &[PageCard]) -> Vec<AemConfig> {
    let title_column = title_header(rows).map(|(_, column)| column);
    let cards = cards.iter().map(|c| (&c.texts, None, true));
    cards
        .chain(rows.iter().map(|r| (r, title_column, false)))
        .filter_map(|(cells, title_column, card)| {
            let lower: Vec<String> = cells.iter().map(|c| c.to_ascii_lowercase()).gather();
            let at = title_at(cells, title_column)?;
            let title: String = clipped(cells[at].trim(), 200);
            // The type is in the item's other texts: a title may say "JWT" after migrating.
            let others = || lower.iter().enumerate().filter(move |(i, _)| *i != at).map(|(_, c)| c);
            let kind = if others().any(|c| c.contains_text("oauth")) {
                ConfigKind::Oauth
            } else if others().any(|c| c.contains_text("jwt")) {
                ConfigKind::Jwt
            } else if card {
                ConfigKind::Oauth
            } else {
                return None;
            };
            Some(AemConfig {
                title,
                kind,
                target: lower.iter().any(|c| c.contains_text("target")),
                auto_provisioned: lower.iter().any(|c| {
                    c.contains_text("auto-provisioned")
                        || c.contains_text("autoprovisioned")
                        || c.contains_text("auto provisioned")
                }),
                row_buttons: others().any(|c| c.contains_text("check health")),
            })
        })
        .take(MAX_CONFIGS)
        .gather()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_only(rows: &[Vec<String>]) -> Vec<AemConfig> {
        listed(rows, &[])
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_string()).collect()
    }

    /// AEM's card view (Adobe's screenshots): the title, "Adobe IMS Technical Account", "Auto
    /// Provisioned" on some, a "JWT Credentials (deprecated)" badge on JWT ones, no cloud
    /// solution and no header.
    #[test]
    fn cards_are_configurations_and_only_jwt_ones_are_marked() {
        let cards = vec![
            row(&[
                "Adobe Target (acme, JWT)",
                "ADOBE IMS TECHNICAL ACCOUNT",
                "JWT Credentials (deprecated)",
            ]),
            row(&[
                "Asset Compute",
                "Adobe IMS Technical Account",
                "AUTO PROVISIONED",
                "JWT Credentials (deprecated)",
            ]),
            row(&["Adobe Target (acme, OAuth)", "Adobe IMS Technical Account"]),
        ];
        let cards: Vec<PageCard> = cards
            .into_iter()
            .map(|texts| PageCard {
                id: String::new(),
                texts,
            })
            .collect();
        let configs = listed(&[], &cards);
        assert_eq!(configs.len(), 3);
        assert!(configs[0].migrate_with_profile());
        assert!(configs[1].auto_provisioned && !configs[1].migrate_with_profile());
        assert_eq!(configs[2].kind, ConfigKind::Oauth);
        assert!(configs[2].target && !configs[2].row_buttons);
    }

    #[test]
    fn each_configuration_gets_its_type_and_advice() {
        let rows = vec![
            row(&["Title", "Cloud Solution", "Authentication", "Status", ""]),
            row(&[
                "Adobe Target (acme, JWT)",
                "Adobe Target",
                "JWT Credentials (deprecated)",
                "",
                "Check Health Properties",
            ]),
            row(&[
                "Asset Compute",
                "Adobe Asset Link",
                "JWT Credentials (deprecated)",
                "Auto-provisioned",
                "Check Health Properties",
            ]),
            row(&[
                "Adobe Analytics",
                "Adobe Analytics",
                "JWT Credentials (deprecated)",
                "",
                "",
            ]),
            row(&[
                "Adobe Target (acme, OAuth)",
                "Adobe Target",
                "OAuth Credentials",
                "",
                "",
            ]),
            row(&["There is no item."]),
        ];
        let configs = rows_only(&rows);
        assert_eq!(configs.len(), 4);
        assert!(configs[0].migrate_with_profile());
        assert_eq!(
            configs[0].advice(),
            "JWT, deprecated: migrate to OAuth Server-to-Server"
        );
        assert!(!configs[1].migrate_with_profile());
        assert_eq!(
            configs[1].advice(),
            "auto-provisioned: Adobe migrates these; leave them"
        );
        assert!(
            !configs[2].migrate_with_profile(),
            "another product's credential, not the profile's"
        );
        assert_eq!(configs[3].kind, ConfigKind::Oauth);
        assert!(configs[0].row_buttons, "its row carries Check Health");
        // A selectable table: the selection box's cell comes first, and says "Select".
        let selectable = rows_only(&[
            row(&["", "TITLE", "CLOUD SOLUTION", "AUTHENTICATION", "STATUS"]),
            row(&[
                "Select",
                "Adobe Target (acme, OAuth)",
                "Adobe Target",
                "OAuth Credentials",
                "",
            ]),
        ]);
        assert_eq!(selectable.len(), 1);
        assert_eq!(selectable[0].title, "Adobe Target (acme, OAuth)");
        let no_header = rows_only(&[row(&[
            "Select",
            "Adobe Target (acme, JWT)",
            "JWT Credentials (deprecated)",
        ])]);
        assert_eq!(no_header[0].title, "Adobe Target (acme, JWT)");
        assert!(
            !configs[3].row_buttons,
            "AEM's toolbar has it, once the row is selected"
        );
        let migrated = rows_only(&[row(&[
            "Adobe Target (acme, JWT)",
            "Adobe Target",
            "OAuth Credentials",
            "",
        ])]);
        assert_eq!(
            migrated[0].kind,
            ConfigKind::Oauth,
            "the title's words are not its type"
        );
    }

    #[test]
    fn an_auto_provisioned_mark_in_the_title_counts_too_and_junk_is_bounded() {
        let configs = rows_only(&[row(&["Target (autoprovisioned)", "JWT"])]);
        assert!(configs[0].auto_provisioned);
        let many: Vec<Vec<String>> = (0..500)
            .map(|i| row(&[&"x".repeat(1000), if i % 2 == 0 { "JWT" } else { "" }]))
            .collect();
        let configs = rows_only(&many);
        assert_eq!(configs.len(), MAX_CONFIGS);
        assert!(configs[0].title.chars().count() <= 200);
        assert!(rows_only(&[row(&[]), row(&["", "  "])]).is_empty());
    }
}
