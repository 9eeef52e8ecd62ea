/// One news article, read, cleaned of page furniture and split into sentences.
public struct Article: Sendable {
    /// The file path as given or found, `-` for standard input, or the JSON Lines `"id"`
    /// (`file:line` when a record has no id).
    public var name: String
    /// The publication date, or nil when the article does not state one.
    public var date: Day?
    /// Where ``date`` came from (``DateSource/none`` when undated).
    public var dateSource: DateSource
    /// The headline, when the article starts with one.
    public var headline: String?
    /// The story split into sentences, headline first, boilerplate removed, text as written
    /// (after ``MojibakeRepair``).
    public var sentences: [String]

    /// Creates an article.
    public init(name: String, date: Day?, dateSource: DateSource, headline: String?, sentences: [String]) {
        self.name = name
        self.date = date
        self.dateSource = dateSource
        self.headline = headline
        self.sentences = sentences
    }
}
