/// How ``ArticleReader`` reads the content of a file or of standard input.
public enum ArticleInputFormat: Sendable {
    /// JSON Lines when the first non-blank character is `{` and the first non-blank line parses as a JSON object; plain text otherwise.
    case auto
    /// One article per file, as plain text (a saved web page or a story).
    case text
    /// One article per line: `{"id": …, "date": "YYYY-MM-DD", "text": …}`; only `text` is required.
    case jsonl
}
