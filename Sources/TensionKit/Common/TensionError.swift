/// An error from the tension library: what went wrong, where, and what to do about it.
///
/// The library throws only this type. The command line prints ``description`` (one or two
/// plain lines) on standard error and exits non-zero; the library itself never prints.
public struct TensionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The area an error belongs to, so that callers and tests can tell errors apart.
    public enum Code: String, Sendable {
        /// A CSV file that breaks RFC 4180 or lacks what training needs.
        case csv
        /// A file or folder that does not exist, cannot be read or cannot be written.
        case io
        /// A model file that is truncated, corrupted or of another format or version.
        case model
        /// Input text that cannot be used: not UTF-8, binary, empty.
        case input
        /// A date that does not exist or cannot be read.
        case date
        /// An option whose value is out of range.
        case option
        /// Training data that cannot train a model (a single label, no rows).
        case data
    }

    /// The area of the error.
    public var code: Code
    /// What is wrong, in plain words.
    public var message: String
    /// The file the error is in, when there is one.
    public var file: String?
    /// The 1-based line in ``file``, when known.
    public var line: Int?
    /// The 1-based column (in characters) in ``line``, when known.
    public var column: Int?
    /// What the user can do about it, when there is advice to give.
    public var hint: String?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, hint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    /// `file:line:column: message`, then the hint on a second line when there is one.
    public var description: String {
        var place = ""
        if let file {
            place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            place += ": "
        }
        var text = place + message
        if let hint { text += "\n  hint: " + hint }
        return text
    }
}
