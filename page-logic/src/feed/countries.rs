//! Countries for the feed's country filter and the words that name it: their
//! names, and how many events the feed can read have a place in each.
//!
//! The contract has no count per country (no facet endpoint), so the counts
//! come from the events themselves: the latest events of the whole feed, read
//! a page at a time, each counted once per country its places name. When the
//! reading stops before the end of the feed the counts say so ([`CountryCounts::note`]).

use eventdesk_model::query::valid_country;
use eventdesk_model::EventSummary;

/// `(alpha-2, English name)`, sorted by code: every ISO 3166-1 country (from
/// Debian's iso-codes) and Kosovo (XK, user-assigned but used by news
/// agencies), named as CLDR names them in English (`Intl.DisplayNames`).
pub const COUNTRY_NAMES: &[(&str, &str)] = &[
    ("AD", "Andorra"),
    ("AE", "United Arab Emirates"),
    ("AF", "Afghanistan"),
    ("AG", "Antigua & Barbuda"),
    ("AI", "Anguilla"),
    ("AL", "Albania"),
    ("AM", "Armenia"),
    ("AO", "Angola"),
    ("AQ", "Antarctica"),
    ("AR", "Argentina"),
    ("AS", "American Samoa"),
    ("AT", "Austria"),
    ("AU", "Australia"),
    ("AW", "Aruba"),
    ("AX", "Åland Islands"),
    ("AZ", "Azerbaijan"),
    ("BA", "Bosnia & Herzegovina"),
    ("BB", "Barbados"),
    ("BD", "Bangladesh"),
    ("BE", "Belgium"),
    ("BF", "Burkina Faso"),
    ("BG", "Bulgaria"),
    ("BH", "Bahrain"),
    ("BI", "Burundi"),
    ("BJ", "Benin"),
    ("BL", "St. Barthélemy"),
    ("BM", "Bermuda"),
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("BQ", "Caribbean Netherlands"),
    ("BR", "Brazil"),
    ("BS", "Bahamas"),
    ("BT", "Bhutan"),
    ("BV", "Bouvet Island"),
    ("BW", "Botswana"),
    ("BY", "Belarus"),
    ("BZ", "Belize"),
    ("CA", "Canada"),
    ("CC", "Cocos (Keeling) Islands"),
    ("CD", "Congo - Kinshasa"),
    ("CF", "Central African Republic"),
    ("CG", "Congo - Brazzaville"),
    ("CH", "Switzerland"),
    ("CI", "Côte d’Ivoire"),
    ("CK", "Cook Islands"),
    ("CL", "Chile"),
    ("CM", "Cameroon"),
    ("CN", "China"),
    ("CO", "Colombia"),
    ("CR", "Costa Rica"),
    ("CU", "Cuba"),
    ("CV", "Cape Verde"),
    ("CW", "Curaçao"),
    ("CX", "Christmas Island"),
    ("CY", "Cyprus"),
    ("CZ", "Czechia"),
    ("DE", "Germany"),
    ("DJ", "Djibouti"),
    ("DK", "Denmark"),
    ("DM", "Dominica"),
    ("DO", "Dominican Republic"),
    ("DZ", "Algeria"),
    ("EC", "Ecuador"),
    ("EE", "Estonia"),
    ("EG", "Egypt"),
    ("EH", "Western Sahara"),
    ("ER", "Eritrea"),
    ("ES", "Spain"),
    ("ET", "Ethiopia"),
    ("FI", "Finland"),
    ("FJ", "Fiji"),
    ("FK", "Falkland Islands"),
    ("FM", "Micronesia"),
    ("FO", "Faroe Islands"),
    ("FR", "France"),
    ("GA", "Gabon"),
    ("GB", "United Kingdom"),
    ("GD", "Grenada"),
    ("GE", "Georgia"),
    ("GF", "French Guiana"),
    ("GG", "Guernsey"),
    ("GH", "Ghana"),
    ("GI", "Gibraltar"),
    ("GL", "Greenland"),
    ("GM", "Gambia"),
    ("GN", "Guinea"),
    ("GP", "Guadeloupe"),
    ("GQ", "Equatorial Guinea"),
    ("GR", "Greece"),
    ("GS", "South Georgia & South Sandwich Islands"),
    ("GT", "Guatemala"),
    ("GU", "Guam"),
    ("GW", "Guinea-Bissau"),
    ("GY", "Guyana"),
    ("HK", "Hong Kong SAR China"),
    ("HM", "Heard & McDonald Islands"),
    ("HN", "Honduras"),
    ("HR", "Croatia"),
    ("HT", "Haiti"),
    ("HU", "Hungary"),
    ("ID", "Indonesia"),
    ("IE", "Ireland"),
    ("IL", "Israel"),
    ("IM", "Isle of Man"),
    ("IN", "India"),
    ("IO", "British Indian Ocean Territory"),
    ("IQ", "Iraq"),
    ("IR", "Iran"),
    ("IS", "Iceland"),
    ("IT", "Italy"),
    ("JE", "Jersey"),
    ("JM", "Jamaica"),
    ("JO", "Jordan"),
    ("JP", "Japan"),
    ("KE", "Kenya"),
    ("KG", "Kyrgyzstan"),
    ("KH", "Cambodia"),
    ("KI", "Kiribati"),
    ("KM", "Comoros"),
    ("KN", "St. Kitts & Nevis"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("KW", "Kuwait"),
    ("KY", "Cayman Islands"),
    ("KZ", "Kazakhstan"),
    ("LA", "Laos"),
    ("LB", "Lebanon"),
    ("LC", "St. Lucia"),
    ("LI", "Liechtenstein"),
    ("LK", "Sri Lanka"),
    ("LR", "Liberia"),
    ("LS", "Lesotho"),
    ("LT", "Lithuania"),
    ("LU", "Luxembourg"),
    ("LV", "Latvia"),
    ("LY", "Libya"),
    ("MA", "Morocco"),
    ("MC", "Monaco"),
    ("MD", "Moldova"),
    ("ME", "Montenegro"),
    ("MF", "St. Martin"),
    ("MG", "Madagascar"),
    ("MH", "Marshall Islands"),
    ("MK", "North Macedonia"),
    ("ML", "Mali"),
    ("MM", "Myanmar (Burma)"),
    ("MN", "Mongolia"),
    ("MO", "Macao SAR China"),
    ("MP", "Northern Mariana Islands"),
    ("MQ", "Martinique"),
    ("MR", "Mauritania"),
    ("MS", "Montserrat"),
    ("MT", "Malta"),
    ("MU", "Mauritius"),
    ("MV", "Maldives"),
    ("MW", "Malawi"),
    ("MX", "Mexico"),
    ("MY", "Malaysia"),
    ("MZ", "Mozambique"),
    ("NA", "Namibia"),
    ("NC", "New Caledonia"),
    ("NE", "Niger"),
    ("NF", "Norfolk Island"),
    ("NG", "Nigeria"),
    ("NI", "Nicaragua"),
    ("NL", "Netherlands"),
    ("NO", "Norway"),
    ("NP", "Nepal"),
    ("NR", "Nauru"),
    ("NU", "Niue"),
    ("NZ", "New Zealand"),
    ("OM", "Oman"),
    ("PA", "Panama"),
    ("PE", "Peru"),
    ("PF", "French Polynesia"),
    ("PG", "Papua New Guinea"),
    ("PH", "Philippines"),
    ("PK", "Pakistan"),
    ("PL", "Poland"),
    ("PM", "St. Pierre & Miquelon"),
    ("PN", "Pitcairn Islands"),
    ("PR", "Puerto Rico"),
    ("PS", "Palestinian Territories"),
    ("PT", "Portugal"),
    ("PW", "Palau"),
    ("PY", "Paraguay"),
    ("QA", "Qatar"),
    ("RE", "Réunion"),
    ("RO", "Romania"),
    ("RS", "Serbia"),
    ("RU", "Russia"),
    ("RW", "Rwanda"),
    ("SA", "Saudi Arabia"),
    ("SB", "Solomon Islands"),
    ("SC", "Seychelles"),
    ("SD", "Sudan"),
    ("SE", "Sweden"),
    ("SG", "Singapore"),
    ("SH", "St. Helena"),
    ("SI", "Slovenia"),
    ("SJ", "Svalbard & Jan Mayen"),
    ("SK", "Slovakia"),
    ("SL", "Sierra Leone"),
    ("SM", "San Marino"),
    ("SN", "Senegal"),
    ("SO", "Somalia"),
    ("SR", "Suriname"),
    ("SS", "South Sudan"),
    ("ST", "São Tomé & Príncipe"),
    ("SV", "El Salvador"),
    ("SX", "Sint Maarten"),
    ("SY", "Syria"),
    ("SZ", "Eswatini"),
    ("TC", "Turks & Caicos Islands"),
    ("TD", "Chad"),
    ("TF", "French Southern Territories"),
    ("TG", "Togo"),
    ("TH", "Thailand"),
    ("TJ", "Tajikistan"),
    ("TK", "Tokelau"),
    ("TL", "Timor-Leste"),
    ("TM", "Turkmenistan"),
    ("TN", "Tunisia"),
    ("TO", "Tonga"),
    ("TR", "Türkiye"),
    ("TT", "Trinidad & Tobago"),
    ("TV", "Tuvalu"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("UA", "Ukraine"),
    ("UG", "Uganda"),
    ("UM", "U.S. Outlying Islands"),
    ("US", "United States"),
    ("UY", "Uruguay"),
    ("UZ", "Uzbekistan"),
    ("VA", "Vatican City"),
    ("VC", "St. Vincent & Grenadines"),
    ("VE", "Venezuela"),
    ("VG", "British Virgin Islands"),
    ("VI", "U.S. Virgin Islands"),
    ("VN", "Vietnam"),
    ("VU", "Vanuatu"),
    ("WF", "Wallis & Futuna"),
    ("WS", "Samoa"),
    ("XK", "Kosovo"),
    ("YE", "Yemen"),
    ("YT", "Mayotte"),
    ("ZA", "South Africa"),
    ("ZM", "Zambia"),
    ("ZW", "Zimbabwe"),
];

/// The English name of an ISO 3166-1 alpha-2 code (any case), if it is one.
pub fn country_name(code: &str) -> Option<&'static str> {
    let code = code.trim().to_ascii_uppercase();
    COUNTRY_NAMES
        .binary_search_by(|(c, _)| (*c).cmp(code.as_str()))
        .ok()
        .map(|i| COUNTRY_NAMES[i].1)
}

/// A country as readers read it: its name, or the code when it has none.
pub fn country_label(code: &str) -> String {
    country_name(code).map_or_else(|| code.trim().to_owned(), str::to_owned)
}

/// The order readers expect of names: letters without their accents, case
/// ignored ("Åland Islands" among the A's, "Côte d’Ivoire" before
/// "Croatia"). Latin-1 letters only, which is every name in the table.
pub fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(name: &str) -> impl Iterator<Item = char> + '_ {
        name.chars().map(|c| match c {
            'À'..='Å' | 'à'..='å' => 'a',
            'Ç' | 'ç' => 'c',
            'È'..='Ë' | 'è'..='ë' => 'e',
            'Ì'..='Ï' | 'ì'..='ï' => 'i',
            'Ñ' | 'ñ' => 'n',
            'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => 'o',
            'Ù'..='Ü' | 'ù'..='ü' => 'u',
            'Ý' | 'ý' | 'ÿ' => 'y',
            '\u{2019}' => '\'',
            c => c.to_ascii_lowercase(),
        })
    }
    key(a).cmp(key(b)).then_with(|| a.cmp(b))
}

/// How many of the events read have a place in each country.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryCounts {
    /// `(code, events)`, most events first, then by name.
    by_country: Vec<(String, usize)>,
    /// Events read.
    read: usize,
    /// Every event of the feed was read (the last page had no next cursor).
    complete: bool,
    /// The feed's size, when the API said it.
    total: Option<u64>,
}

impl CountryCounts {
    /// Counts the events read: each event once per country its places name
    /// (a code in any case; a value that is not two letters is no country).
    pub fn from_events<'a>(
        events: impl IntoIterator<Item = &'a EventSummary>,
        complete: bool,
        total: Option<u64>,
    ) -> Self {
        let mut by_country: Vec<(String, usize)> = Vec::new();
        let mut read = 0;
        for event in events {
            read += 1;
            let mut seen: Vec<String> = Vec::new();
            for place in &event.location.places {
                let Some(code) = place.country_code.as_deref() else {
                    continue;
                };
                let code = code.trim().to_ascii_uppercase();
                if !valid_country(&code) || seen.contains(&code) {
                    continue;
                }
                match by_country.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, n)) => *n += 1,
                    None => by_country.push((code.clone(), 1)),
                }
                seen.push(code);
            }
        }
        by_country.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| name_order(&country_label(&a.0), &country_label(&b.0)))
        });
        CountryCounts {
            by_country,
            read,
            complete,
            total,
        }
    }

    /// The events with a place in this country, among those read.
    pub fn count(&self, code: &str) -> usize {
        self.by_country
            .iter()
            .find(|(c, _)| c == code)
            .map_or(0, |(_, n)| *n)
    }

    /// What the numbers beside the countries mean.
    pub fn note(&self) -> String {
        let events = |n: u64| match n {
            1 => "1 event".to_owned(),
            n => format!("{n} events"),
        };
        let read = self.read as u64;
        let among = match (self.complete, self.total) {
            (true, _) => format!("all {}", events(read)),
            (false, Some(total)) if total > read => {
                format!("the latest {read} of {}", events(total))
            }
            (false, _) => format!("the latest {}", events(read)),
        };
        format!(
            "The number beside a country is how many of {among} have a place there, whatever the other filters."
        )
    }
}

/// One option of the country list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryChoice {
    pub code: String,
    pub name: String,
    /// Events with a place there, among those read; `None` when not counted.
    pub count: Option<usize>,
}

impl CountryChoice {
    /// The option's text: "France (12)", or the name alone.
    pub fn text(&self) -> String {
        match self.count {
            Some(n) => format!("{} ({n})", self.name),
            None => self.name.clone(),
        }
    }
}

/// The country list: the countries with events first (most events first,
/// with their counts; a code no table names is shown as the code), then
/// every other country by name. Without counts, every country by name.
pub fn country_choices(counts: Option<&CountryCounts>) -> (Vec<CountryChoice>, Vec<CountryChoice>) {
    let with_events: Vec<CountryChoice> = counts
        .map(|c| {
            c.by_country
                .iter()
                .map(|(code, n)| CountryChoice {
                    code: code.clone(),
                    name: country_label(code),
                    count: Some(*n),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut others: Vec<CountryChoice> = COUNTRY_NAMES
        .iter()
        .filter(|(code, _)| !with_events.iter().any(|c| c.code == *code))
        .map(|(code, name)| CountryChoice {
            code: (*code).to_owned(),
            name: (*name).to_owned(),
            count: None,
        })
        .collect();
    others.sort_by(|a, b| name_order(&a.name, &b.name));
    (with_events, others)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(codes: &[Option<&str>]) -> EventSummary {
        let places: Vec<serde_json::Value> = codes
            .iter()
            .map(|c| serde_json::json!({ "name": "a place", "country_code": c }))
            .collect();
        serde_json::from_value(serde_json::json!({
            "id": "e",
            "category": { "id": "military", "label": "Military" },
            "summary": "Something happened.",
            "location": { "label": "somewhere", "places": places },
            "confidence": { "level": "likely", "independent_sources": 2 },
            "source_names": [],
        }))
        .expect("a card decodes")
    }

    #[test]
    fn the_table_is_sorted_and_names_the_usual_suspects() {
        assert!(COUNTRY_NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(COUNTRY_NAMES
            .iter()
            .all(|(c, n)| valid_country(c) && !n.is_empty()));
        assert_eq!(country_name("RU"), Some("Russia"));
        assert_eq!(country_name("ua"), Some("Ukraine"));
        assert_eq!(country_name("XK"), Some("Kosovo"));
        assert_eq!(country_name("QQ"), None);
        assert_eq!(country_label("QQ"), "QQ");
    }

    #[test]
    fn each_event_counts_once_per_country() {
        let events = [
            event(&[Some("FR"), Some("fr"), Some("CH")]),
            event(&[Some("UA")]),
            event(&[Some("UA"), None, Some("France"), Some("")]),
            event(&[]),
        ];
        let counts = CountryCounts::from_events(&events, true, Some(4));
        assert_eq!(counts.count("UA"), 2);
        assert_eq!(counts.count("FR"), 1);
        assert_eq!(counts.count("CH"), 1);
        assert_eq!(counts.count("DE"), 0);
        let (with, others) = country_choices(Some(&counts));
        let texts: Vec<String> = with.iter().map(CountryChoice::text).collect();
        // Most first, then by name: France before Switzerland.
        assert_eq!(texts, ["Ukraine (2)", "France (1)", "Switzerland (1)"]);
        assert!(others
            .iter()
            .all(|c| c.count.is_none() && !["UA", "FR", "CH"].contains(&c.code.as_str())));
        assert_eq!(others.len(), COUNTRY_NAMES.len() - 3);
        assert!(others
            .windows(2)
            .all(|w| name_order(&w[0].name, &w[1].name).is_lt()));
        assert_eq!(
            counts.note(),
            "The number beside a country is how many of all 4 events have a place there, whatever the other filters."
        );
    }

    #[test]
    fn counts_say_when_they_are_of_the_latest_events_only() {
        let events = [event(&[Some("ZZ")])];
        let partial = CountryCounts::from_events(&events, false, Some(900));
        assert!(partial.note().contains("the latest 1 of 900 events"));
        assert!(CountryCounts::from_events(&events, false, None)
            .note()
            .contains("of the latest 1 event have"));
        // A code no table names is still offered, as its code.
        let (with, _) = country_choices(Some(&partial));
        assert_eq!(with[0].text(), "ZZ (1)");
    }

    #[test]
    fn names_sort_as_readers_expect() {
        let (_, others) = country_choices(None);
        let names: Vec<&str> = others.iter().map(|c| c.name.as_str()).collect();
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert!(at("Åland Islands") < at("Albania"));
        assert!(at("Côte d’Ivoire") < at("Croatia"));
        assert!(at("Türkiye") < at("Turkmenistan"));
        assert!(at("Zimbabwe") == names.len() - 1);
    }

    #[test]
    fn without_counts_every_country_by_name() {
        let (with, others) = country_choices(None);
        assert!(with.is_empty());
        assert_eq!(others.len(), COUNTRY_NAMES.len());
        assert_eq!(others[0].text(), "Afghanistan");
    }
}
