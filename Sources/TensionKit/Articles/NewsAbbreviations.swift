/// The abbreviations and word lists that ``SentenceSplitter`` consults at a full stop.
///
/// All entries are lower case and written without their final full stop (`mr`, `u.s`, `a.m`).
enum NewsAbbreviations {
    /// How a full stop after a word should be treated.
    enum Kind {
        /// A title or a word that never ends a sentence: `Mr.`, `Gen.`, `St.`, `e.g.`, `vs.`.
        case neverEnds
        /// Ends a sentence only when no number follows: `No. 5`, `Jan. 12`, `Art. 51`, `Rs. 300`.
        case beforeNumber
        /// Ends a sentence only when a typical sentence starter follows: `U.S.`, `a.m.`, `Inc.`, `Jr.`, `etc.`.
        case mayEnd
    }

    /// The kind of `word` (lower case, without its final full stop), or nil when it is an ordinary word.
    static func kind(of word: String) -> Kind? {
        if neverEnds.contains(word) { return .neverEnds }
        if beforeNumber.contains(word) { return .beforeNumber }
        if mayEnd.contains(word) { return .mayEnd }
        return nil
    }

    static let neverEnds: Set<String> = [
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "lt", "col", "capt", "cpt",
        "cmdr", "cdr", "comdr", "sgt", "cpl", "pvt", "maj", "adm", "brig", "lieut", "gov", "sen", "rep",
        "reps", "rev", "hon", "pres", "supt", "insp", "st", "ste", "mt", "ft", "fr", "sr", "hon'ble",
        "e.g", "i.e", "cf", "viz", "vs", "v", "approx", "ca", "esp", "dept", "sgts", "gens", "govs",
        "asst", "assoc", "atty", "dist",
    ]

    static let beforeNumber: Set<String> = [
        "no", "art", "arts", "sec", "secs", "fig", "figs", "pp", "para", "paras", "ch", "chap", "ref",
        "tel", "ext", "op", "rs", "vol", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "p", "pt", "cl", "sch", "div",
    ]

    static let mayEnd: Set<String> = [
        "inc", "ltd", "co", "corp", "bros", "plc", "llc", "jr", "etc", "a.m", "p.m", "am", "pm",
        "u.s", "u.n", "u.k", "u.s.a", "e.u", "d.c", "u.a.e", "s.a", "n.y", "l.a", "a.d", "b.c",
        "ph.d", "m.a", "b.a", "govt", "yrs", "hrs", "mins", "est", "min", "max",
    ]

    /// Words that typically begin a sentence; after a ``Kind/mayEnd`` abbreviation they mean a new sentence.
    static let sentenceStarters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
        "there", "his", "her", "its", "their", "our", "my", "but", "and", "so", "yet", "however",
        "meanwhile", "also", "in", "on", "at", "after", "before", "when", "while", "if", "as", "for",
        "with", "by", "from", "according", "although", "though", "since", "because", "earlier", "later",
        "then", "now", "today", "yesterday", "still", "both", "some", "many", "most", "others", "what",
        "who", "why", "how", "where", "officials", "police", "neither", "nor", "such", "under",
        "during", "despite", "instead", "last", "next", "no", "not", "one", "several",
    ]

    /// The stricter starters used in text that has no capital letters, where case cannot help.
    static let caselessStarters: Set<String> = [
        "the", "he", "she", "they", "we", "i", "it", "this", "these", "those", "however", "meanwhile",
        "there", "his", "her", "their", "earlier", "later", "according", "but",
    ]

    /// Verbs of saying: `“…,” said Kim` or `“…?” he asked` continue the sentence after a closing quotation mark.
    static let speechVerbs: Set<String> = [
        "said", "says", "say", "added", "adds", "asked", "asks", "told", "tells", "replied", "replies",
        "stated", "states", "noted", "notes", "explained", "explains", "claimed", "claims", "alleged",
        "insisted", "insists", "warned", "warns", "declared", "remarked", "wrote", "writes", "continued",
        "argued", "argues", "recalled", "quipped", "observed", "maintained", "commented", "concluded",
        "announced", "affirms", "affirmed", "admits", "admitted", "urged", "urges", "lamented",
        "shouted", "cried", "demanded", "responded", "answered", "wondered", "pleaded", "stressed",
        "emphasized", "emphasised", "reiterated", "conceded", "confirmed", "denied", "according",
    ]

    /// Pronouns that can stand before a verb of saying: `“…?” she asked`.
    static let speakerPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "officials", "police"]

    /// Words that, after `a.m.` or `p.m.`, continue a time expression rather than start a sentence.
    static let timeContinuations: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
        "tomorrow", "yesterday", "local", "ist", "gmt", "utc", "est", "edt", "pst", "kst", "jst", "cet",
        "on", "and", "to", "till", "until", "or", "each", "every", "sharp", "onwards", "daily",
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]
}
