//! What a group of the feed map's dots is called: by what it holds, never
//! by one of its places alone. One place: "2 events in Geneva, Switzerland";
//! several: their countries, "3 events in France and Switzerland"; a place
//! without a country by its own name. The level follows for a screen
//! reader: ", verified", ", all verified" or ", several levels".

use eventdesk_model::ConfidenceLevel;

use crate::text::clip;

/// The longest place or country name a group's name repeats.
pub const NAME_MAX: usize = 60;

/// How many areas a name lists before "and N other places".
const LISTED: usize = 3;

/// Said for a place with no name at all.
const UNNAMED: &str = "an unnamed place";

/// A place a group holds: its name and its country's ISO 3166 alpha-2
/// code, when valid (two ASCII letters, upper case).
#[derive(Debug, Clone, PartialEq)]
pub struct Spot {
    pub place: String,
    pub country: Option<String>,
}

impl Spot {
    /// From the API's untrusted strings: the name on one line and clipped,
    /// the code kept only when it is one.
    pub fn new(place: &str, country: Option<&str>) -> Spot {
        let country = country
            .map(str::trim)
            .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_uppercase);
        Spot {
            place: clip(place, NAME_MAX),
            country,
        }
    }
}

/// "in Geneva, Switzerland", "in France and Switzerland", "in Japan, the
/// Baltic Sea and 2 other places": where the spots are, countries named by
/// `country_name` (None for a code it does not know).
pub fn where_words(spots: &[Spot], country_name: &dyn Fn(&str) -> Option<String>) -> String {
    let country_of = |s: &Spot| {
        s.country
            .as_deref()
            .and_then(country_name)
            .map(|n| clip(&n, NAME_MAX))
            .filter(|n| !n.is_empty())
    };
    let mut places: Vec<&Spot> = Vec::new();
    for s in spots {
        if !places.iter().any(|p| p.place == s.place) {
            places.push(s);
        }
    }
    if let [one] = places[..] {
        let country = country_of(one);
        return match (one.place.is_empty(), country) {
            (true, Some(c)) => format!("in {c}"),
            (true, None) => format!("in {UNNAMED}"),
            (false, Some(c)) if !contains_word(&one.place, &c) => format!("in {}, {c}", one.place),
            (false, _) => format!("in {}", one.place),
        };
    }
    // Each place's country (or its own name), most places first, then in
    // the feed's order.
    let mut areas: Vec<(String, usize)> = Vec::new();
    for p in &places {
        let area = country_of(p).unwrap_or_else(|| {
            if p.place.is_empty() {
                UNNAMED.to_owned()
            } else {
                p.place.clone()
            }
        });
        match areas.iter_mut().find(|(a, _)| *a == area) {
            Some((_, n)) => *n += 1,
            None => areas.push((area, 1)),
        }
    }
    areas.sort_by_key(|a| std::cmp::Reverse(a.1));
    let names: Vec<String> = areas.into_iter().map(|(a, _)| a).collect();
    format!("in {}", list(&names))
}

/// "A", "A and B", "A, B and C", "A, B, C and 2 other places".
fn list(names: &[String]) -> String {
    match names {
        [] => UNNAMED.to_owned(),
        [one] => one.clone(),
        _ if names.len() > LISTED => {
            let rest = names.len() - LISTED;
            let other = if rest == 1 {
                "other place"
            } else {
                "other places"
            };
            format!("{} and {rest} {other}", names[..LISTED].join(", "))
        }
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Whether `name` already says `country` ("United States" in "United
/// States", not "Niger" in "Nigeria").
fn contains_word(name: &str, country: &str) -> bool {
    let name = name.to_lowercase();
    let country = country.to_lowercase();
    name.match_indices(&country).any(|(i, m)| {
        let before = name[..i].chars().next_back();
        let after = name[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "1 event in …", "3 events in …".
pub fn group_name(events: usize, where_words: &str) -> String {
    let noun = if events == 1 { "event" } else { "events" };
    format!("{events} {noun} {where_words}")
}

/// ", verified" for one event, ", all verified" when every event shares a
/// level, else ", several levels" (the square the legend calls so).
pub fn level_words(levels: &[&ConfidenceLevel]) -> String {
    match levels {
        [] => String::new(),
        [one] => format!(", {}", one.label().to_lowercase()),
        [first, rest @ ..] if rest.iter().all(|l| l == first) => {
            format!(", all {}", first.label().to_lowercase())
        }
        _ => ", several levels".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(code: &str) -> Option<String> {
        match code {
            "FR" => Some("France".into()),
            "CH" => Some("Switzerland".into()),
            "US" => Some("United States".into()),
            "NE" => Some("Niger".into()),
            "JP" => Some("Japan".into()),
            "BE" => Some("Belgium".into()),
            _ => None,
        }
    }

    fn at(spots: &[(&str, Option<&str>)]) -> String {
        let s: Vec<Spot> = spots.iter().map(|(p, c)| Spot::new(p, *c)).collect();
        where_words(&s, &names)
    }

    #[test]
    fn one_place_is_named_with_its_country() {
        assert_eq!(
            at(&[("Geneva", Some("CH")), ("Geneva", Some("CH"))]),
            "in Geneva, Switzerland"
        );
        assert_eq!(at(&[("United States", Some("US"))]), "in United States");
        assert_eq!(
            at(&[("Nigeria border", Some("NE"))]),
            "in Nigeria border, Niger"
        );
        assert_eq!(
            at(&[("Second Thomas Shoal", None)]),
            "in Second Thomas Shoal"
        );
        assert_eq!(at(&[("Atlantis", Some("ZZ"))]), "in Atlantis");
        assert_eq!(at(&[("", Some("fr"))]), "in France");
        assert_eq!(at(&[(" ", None)]), "in an unnamed place");
    }

    #[test]
    fn several_places_are_named_by_their_countries() {
        // Issue 15, item 7: Paris and Geneva are not "near Paris".
        assert_eq!(
            at(&[
                ("Paris", Some("FR")),
                ("Versailles", Some("FR")),
                ("Geneva", Some("CH"))
            ]),
            "in France and Switzerland"
        );
        assert_eq!(
            at(&[("Paris", Some("FR")), ("Versailles", Some("FR"))]),
            "in France"
        );
        // The country with most places comes first.
        assert_eq!(
            at(&[
                ("Geneva", Some("CH")),
                ("Paris", Some("FR")),
                ("Lyon", Some("FR"))
            ]),
            "in France and Switzerland"
        );
        // A place with no country (or an unknown one) is named itself.
        assert_eq!(
            at(&[
                ("Tokyo", Some("JP")),
                ("Baltic Sea", None),
                ("Atlantis", Some("XX"))
            ]),
            "in Japan, Baltic Sea and Atlantis"
        );
        assert_eq!(
            at(&[
                ("Paris", Some("FR")),
                ("Geneva", Some("CH")),
                ("Brussels", Some("BE")),
                ("Tokyo", Some("JP")),
                ("Baltic Sea", None)
            ]),
            "in France, Switzerland, Belgium and 2 other places"
        );
        assert_eq!(
            at(&[
                ("Paris", Some("FR")),
                ("Geneva", Some("CH")),
                ("Brussels", Some("BE")),
                ("Tokyo", Some("JP"))
            ]),
            "in France, Switzerland, Belgium and 1 other place"
        );
    }

    #[test]
    fn untrusted_names_are_clipped_and_codes_checked() {
        let long = "Supercalifragilistic ".repeat(50);
        let s = Spot::new(&long, Some("FRA"));
        assert_eq!(s.country, None);
        assert!(s.place.chars().count() <= NAME_MAX);
        assert!(s.place.ends_with('…'));
        assert_eq!(
            Spot::new("  Paris\n", Some(" fr ")).country.as_deref(),
            Some("FR")
        );
        assert_eq!(Spot::new("Paris", Some("F1")).country, None);
    }

    #[test]
    fn names_and_levels_read_as_a_sentence() {
        use ConfidenceLevel::*;
        assert_eq!(group_name(1, "in Tokyo, Japan"), "1 event in Tokyo, Japan");
        assert_eq!(group_name(3, "in France"), "3 events in France");
        assert_eq!(level_words(&[&Verified]), ", verified");
        assert_eq!(level_words(&[&Likely, &Likely]), ", all likely");
        assert_eq!(level_words(&[&Likely, &Verified]), ", several levels");
        assert_eq!(
            level_words(&[&Other("under_review".into())]),
            format!(", {}", Other("under_review".into()).label().to_lowercase())
        );
    }
}
