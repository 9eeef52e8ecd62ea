/// A file, or a line of a JSON Lines file, that was skipped or read only in part.
///
/// Warnings are values, never printed by the library; the command line prints ``description``.
public struct ArticleWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file (or `-` for standard input) the warning is about.
    public var path: String
    /// What is wrong and what was done about it, in plain words.
    public var message: String
    /// The 1-based line, for a JSON Lines record.
    public var line: Int?

    /// Creates a warning.
    public init(path: String, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    /// `path: message` or `path:line: message`, on one line.
    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(place): \(oneLine)"
    }
}
