/// Where an article's publication date came from; see ``PublicationDateFinder`` for the precedence.
public enum DateSource: String, Sendable {
    /// A header line of the article, such as `Published: 26 Jun. 2024, 14:02`.
    case header
    /// A date in the file name, such as `2024-06-17` or `20240617`.
    case fileName
    /// The `--date` option, which overrides every other source.
    case override
    /// The `"date"` field of a JSON Lines record.
    case record
    /// No date: the article is undated and is never given a guess.
    case none
}
