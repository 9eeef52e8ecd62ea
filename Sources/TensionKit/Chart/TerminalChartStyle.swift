#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the terminal chart is drawn: its width, colour and character set.
public struct TerminalChartStyle: Sendable, Equatable {
    /// The narrowest width the chart supports; narrower widths are drawn at this width.
    public static let minimumWidth = 24

    /// The width in display columns that no line may exceed.
    public var width: Int
    /// Whether to use ANSI colours (warning red, conciliatory green, gaps dim).
    public var color: Bool
    /// Whether to use ASCII only (`#`, `=`, `|`, `:`) instead of Unicode block characters.
    public var ascii: Bool

    /// Creates a style.
    public init(width: Int = 80, color: Bool = false, ascii: Bool = false) {
        self.width = width
        self.color = color
        self.ascii = ascii
    }

    /// The style the command line should use, decided from plain facts so that it can be tested:
    ///
    /// - width: `COLUMNS` when it is a positive number, else `terminalColumns`, else 80;
    /// - colour: only when standard output is a terminal, `NO_COLOR` is unset or empty and
    ///   `TERM` is not `dumb` (https://no-color.org);
    /// - ASCII: when asked (`--ascii`).
    public static func resolve(
        environment: [String: String], isTerminal: Bool, terminalColumns: Int?, ascii: Bool
    ) -> TerminalChartStyle {
        let width: Int
        if let text = environment["COLUMNS"], let n = Int(text.trimmingSpaces), n > 0 {
            width = n
        } else if let n = terminalColumns, n > 0 {
            width = n
        } else {
            width = 80
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let color = isTerminal && !noColor && environment["TERM"] != "dumb"
        return TerminalChartStyle(width: width, color: color, ascii: ascii)
    }

    /// The style for the process's standard output: ``resolve(environment:isTerminal:terminalColumns:ascii:)``
    /// fed with `isatty(1)` and the terminal's size (`TIOCGWINSZ`).
    public static func forStandardOutput(environment: [String: String], ascii: Bool) -> TerminalChartStyle {
        let isTerminal = isatty(1) == 1
        var columns: Int?
        #if canImport(Glibc) || canImport(Musl) || canImport(Darwin)
        var size = winsize()
        if isTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            columns = Int(size.ws_col)
        }
        #endif
        return resolve(environment: environment, isTerminal: isTerminal, terminalColumns: columns, ascii: ascii)
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII only; enough for `COLUMNS`).
    fileprivate var trimmingSpaces: Substring {
        let s = drop(while: { $0 == " " })
        return s.dropLast(s.reversed().prefix(while: { $0 == " " }).count)
    }
}
