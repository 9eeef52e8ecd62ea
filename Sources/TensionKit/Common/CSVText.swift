/// Writes CSV fields as RFC 4180 wants them.
public enum CSVText {
    /// `s` as one CSV field: quoted, with inner quotes doubled, when it holds a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

import Foundation
